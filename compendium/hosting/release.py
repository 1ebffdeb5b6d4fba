"""A release of the site for handing out: the built site in one zip, with a SHA-256 checksum file.

The zip is named with the edition's version and build date (xuexi-0.1.0+abc1234-2026-11-28.zip) and
holds one folder of that name, so that it unpacks to a site that opens from file:// (index.html).
Entries are sorted and dated with the build's moment (SOURCE_DATE_EPOCH, to the two seconds a zip
records), so that the same build gives the same bytes, and two builds of one day give unpacked files
of different times: nginx's ETag is the file's time and size, and a second edition dated like the
first would answer a browser (and the service worker) 304 for files whose content changed.
Run by tools/release.sh: first ``python -m compendium.hosting.release --check [--allow-dirty]``
(before anything is built: may this tree be released?), then ``python -m compendium.hosting.release
SITE_DIR OUT_DIR``. A release is refused when what the site is built from has uncommitted changes
(the zip would carry a commit's name but not its content), unless --allow-dirty, which names the
zip and the 版本说明 page +dirty; and when the version of pyproject.toml is not the newest entry of the
修订记录 (data/revisions.yml), the check that a release tag gets (compendium.edition.release_tag).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import sys
import time
import zipfile
from pathlib import Path

from compendium.book.errors import PageError
from compendium.book.guide import see
from compendium.edition.build_info import build_info, project_version, uncommitted_changes
from compendium.edition.release_tag import TAG_PREFIX, ReleaseTagError, check_release_tag
from compendium.edition.revisions import load_revisions

PREFIX = "xuexi"  # 学习: the short name of the site in file names (and the usual sub-path)


def release_name(version: str, date: str) -> str:
    """The name of the zip (without .zip) and of its folder: xuexi-<version>-<build date>."""
    return f"{PREFIX}-{version}-{date}"


def write_zip(site: Path, out: Path, name: str, moment: dt.datetime) -> Path:
    """Zip every file of `site` under the folder `name`, entries sorted and dated `moment` (UTC)."""
    stamp = moment.astimezone(dt.timezone.utc).timetuple()[:6]
    path = out / f"{name}.zip"
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for file in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{name}/{file.relative_to(site).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, file.read_bytes())
    return path


def write_checksum(path: Path) -> Path:
    """`<zip>.sha256` beside the zip, in the format `sha256sum -c` reads."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    out = path.with_name(path.name + ".sha256")
    out.write_text(f"{digest}  {path.name}\n", encoding="utf-8")
    return out


def release_problems(allow_dirty: bool) -> list[str]:
    """Why this tree may not be released (empty: it may): uncommitted changes, unless allowed; a
    version without its 修订记录 entry at the top."""
    problems = []
    changes = uncommitted_changes()
    if changes and not allow_dirty:
        shown = ", ".join(changes[:5]) + (f" and {len(changes) - 5} more" if len(changes) > 5 else "")
        problems.append(f"uncommitted changes to what the site is built from ({shown}): a release is built from a "
                        "commit. Commit them first (git add -A && git commit -m '…'); or, for a trial zip, run "
                        f"./tools/release.sh --allow-dirty, whose zip and 版本说明 page say +dirty ({see('release')})")
    version = project_version()
    try:
        check_release_tag(f"{TAG_PREFIX}{version}", version, load_revisions())
    except (ReleaseTagError, PageError) as err:
        problems.append(f"{err} ({see('edition')})")
    return problems


def main(argv: list[str]) -> int:
    """Zip a built site into OUT_DIR with its checksum; version and date as the build had them.
    With --check [--allow-dirty]: say whether this tree may be released, before anything is built."""
    if argv and argv[0] == "--check":
        problems = release_problems(allow_dirty="--allow-dirty" in argv[1:])
        for problem in problems:
            print(f"release: refused: {problem}", file=sys.stderr)
        return 1 if problems else 0
    if len(argv) != 2 or not (Path(argv[0]) / "index.html").is_file():
        print("usage: python -m compendium.hosting.release SITE_DIR OUT_DIR  (SITE_DIR: a built site)", file=sys.stderr)
        return 2
    info = build_info()  # the same commit and SOURCE_DATE_EPOCH as the build: tools/release.sh sets it
    moment = dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH") or time.time()), dt.timezone.utc)
    path = write_zip(Path(argv[0]), Path(argv[1]), release_name(info["version"], info["date"]), moment)
    print(path)
    print(write_checksum(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
