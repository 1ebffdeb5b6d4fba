"""Shared fixtures: the site built once per test session, exactly as users build it; the site
served over HTTP (and by nginx with the configuration it ships) and Debian Chromium, one of each
per test module that asks for them; the booklets; a copy of the project to break.

Helpers the tests import are in tests/support/ (project.py, browsing.py, search_eval.py).
`./tools/test.sh --quick` leaves out every test marked `slow`: those that use a fixture below
that starts Chromium, nginx, WeasyPrint or a build of its own (SLOW_FIXTURES), and those that say
`@pytest.mark.slow` themselves.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from support.browsing import CHROMIUM, chromium, serve
from support.project import ROOT, SUBPATH, built, run_mkdocs_build

# Fixtures that start a browser, a server, the PDF tools, the benchmark or another build.
SLOW_FIXTURES = {"browser", "server", "nginx_root", "nginx_subpath", "subpath_site", "booklets", "project_copy",
                 "quick", "release", "next_edition", "deployed"}


def pytest_collection_modifyitems(config, items) -> None:
    # A test that needs any of SLOW_FIXTURES is slow, whatever its module says.
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


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
def subpath_site(tmp_path_factory) -> Path:
    """The site built to be served under SUBPATH (site_url's path), as for https://intranet/xuexi/."""
    return built(tmp_path_factory, "subpath-site", SITE_URL=f"http://intranet.example{SUBPATH}")


@pytest.fixture(scope="session")
def source_lines() -> list[str]:
    return (ROOT / "source" / "compilation.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def browser():
    """Debian Chromium driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is missing: run tools/test.sh as root, or apt-get install chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p, chromium(p) as b:
        yield b


@pytest.fixture(scope="module")
def server(site):
    """The built site over HTTP on a free loopback port."""
    with serve(site) as base:
        yield base


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project to break (node_modules linked, not copied: it is large and only read)."""
    dest = tmp_path / "project"
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".venv", "site", ".git", "build", "__pycache__",
                                                              "node_modules", ".pytest_cache", "*.egg-info"))
    if (ROOT / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dest


# --- the site behind nginx -------------------------------------------------------------------


@pytest.fixture(scope="session")
def nginx_root(site) -> str:
    """Base URL of the site served at the server root by nginx with its deploy/nginx.conf."""
    from compendium.hosting.nginx import serve
    with serve(site) as origin:
        yield origin + "/"


@pytest.fixture(scope="session")
def nginx_subpath(subpath_site) -> str:
    """Base URL of the sub-path build served under SUBPATH by nginx with its deploy/nginx.conf."""
    from compendium.hosting.nginx import serve
    with serve(subpath_site) as origin:
        yield origin + SUBPATH


# --- the PDF booklets ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def booklets(tmp_path_factory) -> subprocess.CompletedProcess:
    """The six PDF booklets (and the HTML handed to WeasyPrint), made once by tools/pdf.sh.

    `.out` is their folder; stdout holds the progress the command showed.
    """
    out = tmp_path_factory.mktemp("booklets")
    result = subprocess.run([str(ROOT / "tools" / "pdf.sh"), "--out", str(out)], cwd=ROOT, capture_output=True,
                            text=True, timeout=900)
    assert result.returncode == 0, f"tools/pdf.sh failed:\n{result.stdout}\n{result.stderr}"
    result.out = out
    return result
