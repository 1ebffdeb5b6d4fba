"""The pages the browser steps measure, found in the built site rather than named in the code."""
from __future__ import annotations

import re
from pathlib import Path

from compendium.book.pages import is_document_path

HOME = "index.html"
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
    """The 指标目标表 page, or None while it does not exist."""
    for page in sorted(site.rglob("*.html")):
        m = _TITLE.search(page.read_text(encoding="utf-8", errors="replace"))
        if m and m.group(1).strip().startswith(TARGET_TABLE_TITLE):
            return page.relative_to(site).as_posix()
    return None


def measured_pages(site: Path) -> dict[str, str | None]:
    """What Lighthouse and the page-weight step read: key → URL (None: not built yet)."""
    return {"home": HOME, "longest": longest_document(site), "target_table": target_table(site)}
