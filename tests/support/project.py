"""The project as the tests meet it: its root, strict builds of it, edits to a copy, the kinds of pages.

Imported by the tests and by conftest.py (``from support.project import ...``; pyproject.toml puts
tests/ on the path once).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = [sys.executable, "-m", "mkdocs"]
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


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


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


def target_table_pages(site: Path, edition: str = "") -> tuple[str, str] | None:
    """The target table's overview and its largest sector page (edition "" or "en/"), if built."""
    folder = site / edition / "targets"
    sectors = [p for p in folder.glob("*.html") if p.name != "index.html"]
    if not (folder / "index.html").is_file() or not sectors:
        return None
    largest = max(sectors, key=lambda p: p.stat().st_size)
    return f"{edition}targets/index.html", largest.relative_to(site).as_posix()


def page_kinds(site: Path) -> dict[str, str]:
    """One page of every kind a reader meets, by kind; every generated page is a kind of its own,
    except the target table's sector pages and the quiz pages, one kind each (the largest stands for
    them), and the offline page that the service worker shows (no header, no navigation)."""
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
    # (The offline page, which only the service worker shows, is tested where it is: hosting/test_offline.)
    kinds.update({f"generated {rel}": rel for rel in generated_pages(site)
                  if not rel.startswith(("targets/", "quiz/")) and rel != "offline.html"})
    # 自测: its landing page (the 错题本), 每日一练, and the largest quiz page standing for the others.
    quizzes = [rel for rel in generated_pages(site) if rel.startswith("quiz/")]
    if quizzes:
        kinds.update({"quiz": "quiz/index.html", "quiz daily": "quiz/daily.html",
                      "quiz page": max((q for q in quizzes if q not in ("quiz/index.html", "quiz/daily.html")),
                                       key=lambda rel: (site / rel).stat().st_size)})
    if table := target_table_pages(site):
        kinds.update({"target table overview": table[0], "target table": table[1]})
    # The English edition (en/): its pages are the Chinese edition's kinds in English; a document's
    # page is its English header above the Chinese original.
    english = {"English home": "en/index.html", "English document": f"en/{docs[0]}",
               "English timeline": "en/indexes/timeline.html"}
    if table := target_table_pages(site, "en/"):
        english["English target table"] = table[1]
    kinds.update({kind: rel for kind, rel in english.items() if (site / rel).is_file()})
    return kinds
