"""The core's layers: each capability package imports only the packages it says it builds on.

The tree is the architecture (ARCHITECTURE.md, "The packages"): a package's docstring names what it
builds on, and this test holds the imports of every module to it. A new package must be given its
place here; an import across packages that the docstring does not name, a cycle, or an import of
MkDocs in the core fails.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from support.project import ROOT

CORE = ROOT / "compendium"
# What each package may import besides itself and the project's paths (compendium/__init__.py).
BUILDS_ON = {
    "book": set(),
    "reader": {"book"},
    "markup": {"book", "reader"},
    "english": {"book"},
    "edition": {"book"},
    "downloads": {"book"},
    "search": {"book"},
    "targets": {"book"},
    "indexes": {"book", "english"},
    "hosting": {"book", "edition"},
    "booklets": {"book", "edition"},
    "study": {"book"},
    "quiz": {"book", "targets", "indexes"},
    "conformance": set(),
}


def packages() -> list[str]:
    return sorted(p.parent.name for p in CORE.glob("*/__init__.py"))


def imported_packages(package: str) -> dict[str, set[str]]:
    """Each package of the core that `package`'s modules import (top-level or inside functions), by module."""
    found: dict[str, set[str]] = {}
    for path in sorted((CORE / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            for name in names:
                parts = name.split(".")
                if parts[0] == "compendium" and len(parts) > 1 and parts[1] != package:
                    found.setdefault(parts[1], set()).add(path.relative_to(ROOT).as_posix())
    return found


def test_every_package_has_its_place_and_a_docstring():
    assert packages(), "no capability package under compendium/"
    assert set(packages()) == set(BUILDS_ON), "a package of compendium/ is missing from BUILDS_ON, or gone"
    for package in packages():
        doc = ast.get_docstring(ast.parse((CORE / package / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc.splitlines()) >= 3, f"compendium/{package}/__init__.py says too little of what it does"
    assert not [p for p in CORE.glob("*.py") if p.name != "__init__.py"], "a module outside every package"


@pytest.mark.parametrize("package", sorted(BUILDS_ON))
def test_a_package_imports_only_what_it_builds_on(package):
    wrong = {dep: files for dep, files in imported_packages(package).items() if dep not in BUILDS_ON[package]}
    assert not wrong, f"compendium/{package} imports packages it does not build on: {wrong}"


@pytest.mark.parametrize("package", sorted(BUILDS_ON))
def test_the_docstring_names_what_the_package_builds_on(package):
    doc = ast.get_docstring(ast.parse((CORE / package / "__init__.py").read_text(encoding="utf-8")))
    said = doc.split("Builds on", 1)[1] if "Builds on" in doc else ""
    for dep in imported_packages(package):
        assert re.search(rf"\b{dep}\b", said), f"compendium/{package}'s docstring does not say it builds on {dep}"


def test_the_layers_have_no_cycle():
    # Depth-first over BUILDS_ON; the imports are held to it above.
    state: dict[str, str] = {}

    def visit(package: str, path: list[str]) -> None:
        assert state.get(package) != "open", f"cycle: {' → '.join(path + [package])}"
        if state.get(package) == "done":
            return
        state[package] = "open"
        for dep in BUILDS_ON[package]:
            visit(dep, path + [package])
        state[package] = "done"

    for package in BUILDS_ON:
        visit(package, [])


def test_the_core_does_not_import_mkdocs():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(n.split(".")[0] == "mkdocs" for n in names), f"{path} imports MkDocs"
