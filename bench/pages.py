"""The pages the browser steps measure, found in the built site rather than named in the code."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

from compendium.book.pages import is_document_path

HOME = "index.html"
STUDY = "study.html"  # 我的学习 (issue 18)
STUDY_FIRST_VIEW = ("assets/javascripts/study-boot.js", "assets/stylesheets/study.css")  # in site.js, site.css
# The site's own stylesheets and scripts of every page, each as one file (hooks/bundles.py).
BUNDLES = ("assets/stylesheets/site.css", "assets/javascripts/site.js")
QUIZ = "quiz"  # 自测 (issue 19): its largest quiz page
STUDY_ON_DEMAND = ("assets/javascripts/study.js", "assets/stylesheets/study-tools.css")
# The 指标目标表 page, once a hook generates it: found by its title, wherever it is placed.
TARGET_TABLE_TITLE = "指标目标表"
_TITLE = re.compile(r"<title>([^<]*)</title>")


def document_pages(site: Path) -> list[str]:
    """Site-relative URLs of the built document pages (partN/<slug>.html)."""
    urls = (p.relative_to(site).as_posix() for p in site.glob("part*/*.html"))
    return sorted(u for u in urls if is_document_path(u[: -len(".html")] + ".md"))


def longest_document(site: Path) -> str:
    """The document page whose built HTML is the largest."""
    return max(document_pages(site), key=lambda url: (site / url).stat().st_size)


def target_table(site: Path) -> str | None:
    """The 指标目标表's largest page (the whole table, or its largest part where it is split into
    pages beside the one titled 指标目标表), or None while it does not exist."""
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0] == "en":
            continue
        m = _TITLE.search(page.read_text(encoding="utf-8", errors="replace"))
        if m and m.group(1).strip().startswith(TARGET_TABLE_TITLE):
            return max(page.parent.glob("*.html"), key=lambda p: p.stat().st_size).relative_to(site).as_posix()
    return None


def largest(site: Path, pattern: str, but: str = "index.html") -> str | None:
    """The largest built page matching `pattern` (not named `but`), or None."""
    pages = [p for p in site.glob(pattern) if p.name != but]
    return max(pages, key=lambda p: p.stat().st_size).relative_to(site).as_posix() if pages else None


def measured_pages(site: Path) -> dict[str, str | None]:
    """What Lighthouse and the page-weight steps read, one page of each kind: key → URL (None: not
    built)."""
    english = f"en/{longest_document(site)}"
    return {"home": HOME, "longest": longest_document(site),
            "timeline": "indexes/timeline.html" if (site / "indexes/timeline.html").is_file() else None,
            "documents": "indexes/documents.html" if (site / "indexes/documents.html").is_file() else None,
            "topic": largest(site, "indexes/topics/*.html"), "target_table": target_table(site),
            "english": english if (site / english).is_file() else None,
            "study": STUDY if (site / STUDY).is_file() else None,
            "quiz": largest(site, f"{QUIZ}/*.html")}


def study_assets(site: Path) -> dict[str, int]:
    """Bytes gzip (level 6) of what the 我的学习 tools add: `first_view` on every page (study-boot.js,
    study.css), `on_demand` on a document page once they are used (study.js, study-tools.css)."""
    def gz(*paths: str) -> int:
        return sum(len(gzip.compress(_content(site, p), 6)) for p in paths)
    return {"first_view": gz(*STUDY_FIRST_VIEW), "on_demand": gz(*STUDY_ON_DEMAND)}


def _content(site: Path, path: str) -> bytes:
    """A file of the built site, or the part of site.css or site.js that a file of mkdocs.yml's
    extra_css or extra_javascript became."""
    if (site / path).is_file():
        return (site / path).read_bytes()
    marker = f"/* {path} */\n"
    for name in BUNDLES:
        bundle = (site / name).read_text(encoding="utf-8")
        if marker in bundle:
            return bundle.split(marker, 1)[1].split("\n/* assets/", 1)[0].encode("utf-8")
    raise FileNotFoundError(f"{path}: neither in the built site nor in {' or '.join(BUNDLES)}")
