"""Target sentences marked on their document pages, each linked to its rows of the target table.

While MkDocs processes a page's Markdown (the targets hook, on_page_markdown), every target
sentence is wrapped in ``<span class="target" id="t-…">`` — no character added, so the fidelity
check reads the same text — and followed by a small marker (class ``generated``) with one link per
target to its row on the target table's page of its sector (targets/<sector>.html). A table target's row (raw HTML ``<tr id="tab-1-r3">``) gets the
class ``target-row`` and the marker inside the target's cell. MkDocs reads ids in raw HTML, so its
strict build sees these anchors.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from compendium.book.errors import PageError
from compendium.book.layout_repair import content_chars
from compendium.targets.records import Target
from compendium.targets.sentences import Row

# --- the marks of a page ---------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A link from a sentence (or a table cell) to a target's row: its id, accessible label and
    the table page that holds the row, relative to its edition's root (targets/<sector>.html)."""

    target_id: str
    label: str
    table: str


@dataclass(frozen=True)
class Mark:
    """What to mark on a page: a sentence (anchor t-…) or a table row (anchor tab-N-rM).

    For a sentence, `cells` is empty and `refs` follow it; for a row, `cells` maps the index of
    the row's own cell (in source order) to the refs shown in that cell.
    """

    anchor: str
    sentence: str
    refs: tuple[Ref, ...] = ()
    cells: tuple[tuple[int, tuple[Ref, ...]], ...] = ()


def row_cell_index(row: Row, column: str) -> int:
    """Index among the row's own cells of the cell under `column` ("" → the last cell)."""
    if not column:
        return len(row.cells) - 1
    for i, head in enumerate(row.heads):
        if content_chars(head) == content_chars(column):
            return i
    raise ValueError(f"row {row.id} has no cell under {column!r}")


def page_marks(targets: list[Target], rows: dict[str, Row], label: Callable[[Target], str],
               table: Callable[[Target], str]) -> list[Mark]:
    """The marks of one page, one per target sentence or row, from the page's targets; `label`
    names a target's link, `table` gives the page of its row."""
    by_anchor: dict[str, list[Target]] = {}
    for t in targets:
        by_anchor.setdefault(t.anchor, []).append(t)
    marks = []
    for anchor, group in by_anchor.items():
        refs = [Ref(t.id, label(t), table(t)) for t in group]
        if not group[0].row:
            marks.append(Mark(anchor, group[0].sentence, tuple(refs)))
            continue
        cells: dict[int, list[Ref]] = {}
        for t, ref in zip(group, refs):
            cells.setdefault(row_cell_index(rows[t.row], t.column), []).append(ref)
        marks.append(Mark(anchor, "", (), tuple((i, tuple(r)) for i, r in sorted(cells.items()))))
    return marks


# --- rewriting the Markdown ------------------------------------------------------------------

# Markup around text on a line: list markers, heading marks, bold, attribute lists.
_LEAD = re.compile(r"^(?:\s*(?:[-*+]|\d+\.)\s+|#{1,6}\s+)")
_MARKUP = re.compile(r"\*\*|\{[:#.][^}]*\}")


def mark_page(markdown: str, marks: list[Mark], page: str, root: str, marker: str) -> str:
    """`markdown` with every mark applied; `root` is the page's way up to its edition's root (../),
    where the table's pages are; `marker` the marker's visible label (指标). A sentence or row that
    cannot be found raises PageError naming the page."""
    lines = markdown.split("\n")
    edits: dict[int, list[tuple[int, int, str, str]]] = {}  # line → (start, end, before, after)
    reading: dict[int, tuple[list[int], str]] = {}  # line → its reading text's offsets and text, once
    for m in marks:
        if m.cells:
            i = _find_row(lines, m.anchor, page)
            lines[i] = _mark_row(lines[i], m, root, marker)
            reading.pop(i, None)
            continue
        i, start, end = _find_sentence(lines, m.sentence, page, reading)
        before = f'<span class="target" id="{m.anchor}">'
        edits.setdefault(i, []).append((start, end, before, "</span>" + refs_html(m.refs, root, marker)))
    for i, spans in edits.items():
        for start, end, before, after in sorted(spans, reverse=True):
            lines[i] = lines[i][:start] + before + lines[i][start:end] + after + lines[i][end:]
    return "\n".join(lines)


def refs_html(refs: tuple[Ref, ...], root: str, marker: str) -> str:
    """The marker after a target sentence: 指标 (one target) or 指标 1 2 3 (several), each a link.

    It is left out of the search index (data-search-exclude); it holds no other span, because
    Material's search parser ends an exclusion at the first closing tag of the same name."""
    def link(ref: Ref, text: str) -> str:
        label = html.escape(f"{text} {ref.label}" if text != marker else ref.label)
        return (f'<a class="target-ref" href="{root}{ref.table}#{ref.target_id}" title="{html.escape(ref.label)}" '
                f'aria-label="{label}">{html.escape(text)}</a>')

    if len(refs) == 1:
        inner = link(refs[0], marker)
    else:
        inner = f'<small class="target-refs__label">{html.escape(marker)}</small>' + "".join(
            link(ref, str(n)) for n, ref in enumerate(refs, 1))
    return f'<span class="target-refs generated" data-search-exclude>{inner}</span>'


def _find_sentence(lines: list[str], sentence: str, page: str,
                   reading: dict[int, tuple[list[int], str]]) -> tuple[int, int, int]:
    """(line index, start, end) of `sentence` in the Markdown, in raw offsets of that line;
    `reading` keeps each line's reading text for the page's next sentences."""
    wanted = content_chars(sentence)
    if wanted.startswith("——"):  # a dash item keeps its dashes first, so that it stays a dash item
        wanted = wanted[2:]
    for i, raw in enumerate(lines):
        if i not in reading:
            positions = _text_positions(raw)
            reading[i] = (positions, "".join(raw[p] for p in positions))
        positions, text = reading[i]
        k = text.find(wanted)
        if k < 0:
            continue
        start, end = positions[k], positions[k + len(wanted) - 1] + 1
        if _MARKUP.search(raw[start:end]):
            raise PageError(f"docs/{page}", 0, "target", f"the sentence {sentence[:20]!r}… crosses Markdown markup",
                            "Record the sentence without its run-in head (the bold part).")
        return i, start, end
    raise PageError(f"docs/{page}", 0, "target", f"the sentence {sentence[:20]!r}… is not on the page",
                    "Copy the sentence into data/targets.yml exactly as the page has it.")


def _text_positions(raw: str) -> list[int]:
    """Offsets in `raw` of the characters that are reading text (no markup, no whitespace)."""
    skip: set[int] = set()
    if lead := _LEAD.match(raw):
        skip.update(range(lead.end()))
    for m in _MARKUP.finditer(raw):
        skip.update(range(m.start(), m.end()))
    return [i for i, ch in enumerate(raw) if i not in skip and not ch.isspace()]


def _find_row(lines: list[str], row_id: str, page: str) -> int:
    """Index of the line holding ``<tr id="row_id">``."""
    needle = f'<tr id="{row_id}"'
    for i, raw in enumerate(lines):
        if needle in raw:
            return i
    raise PageError(f"docs/{page}", 0, "target", f"no table row {row_id}", "Name a row id of the page's tables.")


def _mark_row(raw: str, mark: Mark, root: str, marker: str) -> str:
    """The row's line with the class target-row and a marker at the end of each target's cell."""
    raw = raw.replace(f'<tr id="{mark.anchor}"', f'<tr id="{mark.anchor}" class="target-row"', 1)
    closings = [m.start() for m in re.finditer(r"</t[dh]>", raw)]
    for index, refs in sorted(mark.cells, reverse=True):
        at = closings[index]
        raw = raw[:at] + refs_html(refs, root, marker) + raw[at:]
    return raw
