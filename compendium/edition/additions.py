"""Documents beyond the print, by edition: the list of the 版本说明 page, and each held to its edition.

A document the editors add that the printed book lacks says so in its front matter (``source: added``,
``added_in: <version>``, optionally ``source_note``; compendium.book.schema). Each must name an
edition of the 修订记录 (data/revisions.yml), so that the record says when it came; the 版本说明
page lists them by edition, newest first.
"""
from __future__ import annotations

import html
from pathlib import Path

from compendium.book.errors import PageError
from compendium.book.frontmatter import read_front_matter
from compendium.book.labels import Labels
from compendium.book.pages import Document
from compendium.edition.revisions import WHERE, Revision


def check_additions(docs: list[Document], revisions: list[Revision], docs_dir: Path) -> None:
    """Every document beyond the print names an edition that has its 修订记录 entry."""
    versions = {r.version for r in revisions}
    for d in docs:
        if d.meta.is_added and d.meta.added_in not in versions:
            line = read_front_matter(docs_dir, d.path).lines.get("added_in", 2)
            raise PageError(f"docs/{d.path}", line, "added_in", f"edition {d.meta.added_in} has no entry in {WHERE}",
                            f"Name the edition that adds the document (the version in pyproject.toml) and give that "
                            f"edition its entry in {WHERE}, saying that this document was added", step="added")


def render_additions(docs: list[Document], labels: Labels, prefix: str = "") -> str:
    """The 版本说明 page's list of documents beyond the print, newest edition first: edition,
    document (linked, relative to the page by `prefix`), where its text comes from."""
    added = sorted((d for d in docs if d.meta.is_added),
                   key=lambda d: (tuple(-int(x) for x in d.meta.added_in.split(".")), d.meta.part, d.meta.order))
    if not added:
        return f'<p class="generated">{html.escape(labels("catalog.additions_none"))}</p>\n'
    heads = [labels(f"catalog.additions_{k}") for k in ("version", "document", "source")]
    rows = ["| " + " | ".join(heads) + " |", "| --- | --- | --- |"]
    for d in added:
        note = labels.original(html.escape(d.meta.source_note).replace("|", "&#124;")) if d.meta.source_note else ""
        title = html.escape(d.meta.title_in(labels.lang)).replace("|", "&#124;")
        rows.append(f"| {html.escape(d.meta.added_in)} | [{title}]({prefix}{d.path}) | {note} |")
    return '<div class="additions generated" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"
