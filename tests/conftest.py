"""Shared fixtures: the site built once per test session, exactly as users build it; the site
served over HTTP (and by nginx with the configuration it ships) and Debian Chromium, one of each
per test module that asks for them; the kinds of pages a reader meets, found in the built site."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from browsing import ARGS, CHROMIUM, PHONE, chromium, serve  # noqa: F401 (ARGS, PHONE: for the tests)

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
SUBPATH = "/xuexi/"  # the sub-path the hosting tests serve a site under, as an intranet would


def run_mkdocs_build(project: Path, site: Path, **env_vars: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `site`, output captured; `env_vars` added."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_vars}
    return subprocess.run([*MKDOCS, "build", "--strict", "-d", str(site)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def built(tmp_path_factory, name: str, **env: str) -> Path:
    """A strict build of this project into a new folder; fails the test if the build fails."""
    site = tmp_path_factory.mktemp(name)
    result = run_mkdocs_build(ROOT, site, **env)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site


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


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


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


# --- Chromium pages ------------------------------------------------------------------------------


@contextlib.contextmanager
def visit(browser, url: str, **context):
    """A page opened at `url` in a fresh context, with the list of URLs it requested."""
    ctx = browser.new_context(**context)
    requests: list[str] = []
    try:
        page = ctx.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url, wait_until="networkidle")
        yield page, requests
    finally:
        ctx.close()


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


# --- the kinds of pages, found in the built site ---------------------------------------------


def generated_pages(site: Path) -> list[str]:
    """Pages of the Chinese edition that no Markdown file under docs/ gives (indexes, the target
    table). The English edition's pages (en/) are copies of the same kinds: see page_kinds."""
    written = {p.relative_to(ROOT / "docs").with_suffix(".html").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    return sorted(rel for p in site.rglob("*.html")
                  if (rel := p.relative_to(site).as_posix()) not in written and rel != "404.html"
                  and not rel.startswith("en/"))


def document_pages(site: Path) -> list[str]:
    """The document pages (partN/<slug>.html), in path order."""
    return sorted(p.relative_to(site).as_posix() for p in site.glob("part[0-9]/*.html") if p.name != "index.html")


def page_kinds(site: Path) -> dict[str, str]:
    """One page of every kind a reader meets, by kind; every generated page is a kind of its own."""
    docs = document_pages(site)
    count = lambda rel, pattern: len(re.findall(pattern, (site / rel).read_text(encoding="utf-8")))
    kinds = {
        "home": "index.html",
        "part landing": "part1/index.html",
        "document": docs[0],
        "longest document": max(docs, key=lambda rel: (site / rel).stat().st_size),
        "remark-heavy": max(docs, key=lambda rel: count(rel, r'class="remark"')),
        "table": max(docs, key=lambda rel: count(rel, r'class="source-table')),
        "errata": "errata.html",
        "about": "about.html",
        "downloads": "downloads.html",
        "404": "404.html",
    }
    kinds.update({f"generated {rel}": rel for rel in generated_pages(site)})
    # The English edition (en/): its pages are the Chinese edition's kinds in English; a document's
    # page is its English header above the Chinese original.
    english = {"English home": "en/index.html", "English document": f"en/{docs[0]}",
               "English timeline": "en/indexes/timeline.html", "English target table": "en/targets.html"}
    kinds.update({kind: rel for kind, rel in english.items() if (site / rel).is_file()})
    return kinds


def search_finds(page, query: str, rel: str) -> bool:
    """Type `query` once into Material's search box: does a result link to `rel`?"""
    from playwright.sync_api import TimeoutError as Timeout
    found = ('() => [...document.querySelectorAll(".md-search-result__item a")].some('
             f'e => e.href.split("#")[0].split("?")[0].endsWith({rel!r}))')
    page.click("input.md-search__input")
    page.keyboard.type(query)
    try:
        page.wait_for_function(found, timeout=15_000)
        return True
    except Timeout:
        return False
