"""Shared fixtures: the site built once per test session, exactly as users build it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def run_mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `site`, output captured."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "build", "--strict", "-d", str(site)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> subprocess.CompletedProcess:
    """The strict build of this project, with its output."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site)
    result.site = site
    return result


@pytest.fixture(scope="session")
def site(build) -> Path:
    """Folder of the built site; the build must have succeeded."""
    assert build.returncode == 0, f"mkdocs build failed:\n{build.stdout}\n{build.stderr}"
    return build.site


@pytest.fixture(scope="session")
def source_lines() -> list[str]:
    return (ROOT / "source" / "compilation.txt").read_text(encoding="utf-8").splitlines()
