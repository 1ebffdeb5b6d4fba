"""Browser scripts of npm packages that the site serves itself, copied from node_modules/.

The exact version of each package is the one package-lock.json pins (tools/setup.sh installs it
with `npm ci`); a package missing or at another version stops the build, so that the site never
serves a script it was not tested with. Each package's licence travels with its files.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from compendium.book.errors import PageError

# package → files copied (relative to the package's folder), the licence among them.
VENDORED: dict[str, tuple[str, ...]] = {
    # Material's Web Worker shim: search from file://, where Chromium refuses real workers.
    "iframe-worker": ("shim/index.js", "LICENSE"),
    # Sorting of the 指标目标表 (targets.html), with its sorter for numbers.
    "tablesort": ("dist/tablesort.min.js", "dist/sorts/tablesort.number.min.js", "LICENCE"),
}
SITE_FOLDER = "assets/vendor"


@dataclass(frozen=True)
class VendoredFile:
    """A file to copy: from node_modules/ into the site (dest relative to the site root)."""

    src: Path
    dest: str


def vendored_files(root: Path, vendored: dict[str, tuple[str, ...]] = VENDORED) -> list[VendoredFile]:
    """The files to copy, each package checked against package-lock.json; problems raise PageError."""
    lock = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    files = []
    for package, names in vendored.items():
        pinned = lock.get(f"node_modules/{package}", {}).get("version")
        if not pinned:
            raise PageError("package-lock.json", 0, package, "not pinned",
                            f"Add it: npm install --save-exact --ignore-scripts {package}@<version>.")
        folder = root / "node_modules" / package
        meta = folder / "package.json"
        installed = json.loads(meta.read_text(encoding="utf-8"))["version"] if meta.is_file() else None
        if installed != pinned:
            found = f"version {installed} is installed" if installed else "it is not installed"
            raise PageError(f"node_modules/{package}", 0, "version", f"package-lock.json pins {pinned} but {found}",
                            "Run ./tools/setup.sh (npm ci) to install the pinned Node packages.")
        for name in names:
            if not (folder / name).is_file():
                raise PageError(f"node_modules/{package}", 0, name, "file missing from the package",
                                "Check the file list in compendium/hosting/vendored_scripts.py against the package.")
            files.append(VendoredFile(folder / name, f"{SITE_FOLDER}/{package}/{name}"))
    return files
