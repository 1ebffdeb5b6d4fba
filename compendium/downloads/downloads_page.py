"""What the site publishes for download (data files, later PDF booklets), and the 下载与数据 page.

Every published file is described once in data/downloads.yml: its path in the built site, a title
and a line on its fields, in Chinese (English beside it for the English edition). The build adds
the files; this module checks that every published file is described and every described file is
published (or marked optional, like the PDF booklets of a quick preview), and renders the table.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import yaml

from compendium import ROOT
from compendium.book.errors import PageError
from compendium.book.labels import Labels

DOWNLOADS_FILE = ROOT / "data" / "downloads.yml"


@dataclass(frozen=True)
class Download:
    """One published file as data/downloads.yml describes it."""

    path: str  # relative to the site root, e.g. data/documents.json
    title: str
    fields: str  # one line on what it holds
    title_en: str
    fields_en: str
    optional: bool  # may be absent from a build (PDFs of a quick preview); the page says so
    missing: str  # what the page says when an optional file is absent
    missing_en: str = ""  # the same in English


# --- the description file --------------------------------------------------------------------


def load_downloads(path: Path = DOWNLOADS_FILE) -> list[Download]:
    """Read data/downloads.yml; a malformed or duplicate entry raises PageError naming it."""
    where = "data/downloads.yml"
    out: list[Download] = []
    for i, e in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or [], 1):
        try:
            item = Download(str(e["path"]), str(e["title"]), str(e["fields"]), str(e.get("title_en", "")),
                            str(e.get("fields_en", "")), bool(e.get("optional", False)), str(e.get("missing", "")),
                            str(e.get("missing_en", "")))
        except (KeyError, TypeError) as err:
            raise PageError(where, 0, f"entry {i}", f"malformed entry ({err})",
                            "Give path, title and fields (optional: title_en, fields_en, optional, missing, "
                            "missing_en).") from None
        if any(d.path == item.path for d in out):
            raise PageError(where, 0, f"entry {i}", f"{item.path} is described twice", "Keep one entry per file.")
        out.append(item)
    return out


def check_published(described: list[Download], published: dict[str, int]) -> None:
    """Every published file is described; every described, non-optional file is published."""
    paths = {d.path for d in described}
    for path in sorted(published):
        if path not in paths:
            raise PageError("data/downloads.yml", 0, "path", f"{path} is published but not described",
                            "Add an entry (path, title, fields) for it.")
    for d in described:
        if d.path not in published and not d.optional:
            raise PageError("data/downloads.yml", 0, "path", f"{d.path} is described but the build publishes no such file",
                            "Remove the entry, fix the path, or mark it optional.")


# --- rendering -------------------------------------------------------------------------------


def human_size(size: int) -> str:
    """12345 → '12.1 KB' (1 KB = 1024 bytes), as a reader wants to see a download's size."""
    if size < 1024:
        return f"{size} B"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}"
    raise AssertionError("unreachable")


def render_downloads(described: list[Download], published: dict[str, int], relative_to: str,
                     labels: Labels) -> str:
    """The table of the 下载与数据 page: file (linked), what it holds, size or why it is absent.

    `relative_to` is the page's own URL (e.g. downloads.html), so that links work from file://.
    """
    prefix = "../" * relative_to.count("/")
    en = labels.lang == "en"
    if en and (d := next((d for d in described if not d.title_en or not d.fields_en
                          or (d.missing and not d.missing_en)), None)):
        raise PageError("data/downloads.yml", 0, d.path, "no English description for the English edition",
                        "Give title_en and fields_en (and missing_en beside missing).")
    rows = [f"| {labels('downloads.file')} | {labels('downloads.content')} | {labels('downloads.size')} |",
            "| --- | --- | --- |"]
    for d in described:
        name = d.path.rsplit("/", 1)[-1]
        if d.path in published:
            link = f'<a href="{prefix}{html.escape(d.path)}" download>{html.escape(name)}</a>'
            size = human_size(published[d.path])
        else:
            missing = (d.missing_en if en else d.missing) or labels("downloads.not_built")
            link, size = html.escape(name), html.escape(missing)
        title, fields = (d.title_en, d.fields_en) if en else (d.title, d.fields)
        rows.append(f"| {link}<br>{_cell(title)} | {_cell(fields)} | {size} |")
    return '<div class="downloads generated" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"


def _cell(text: str) -> str:
    return html.escape(text).replace("|", "&#124;")
