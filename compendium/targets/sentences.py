"""The text of a document page as sentences and table rows, each with the line it stands on.

The target table reads its records against these: a target sentence must stand in one paragraph
of its page, a table target names a row of a rebuilt table (``<tr id="tab-1-r3">``). Paragraphs
are single lines of the page's Markdown; their markup (heading marks, list dashes, bold run-in
heads and their ``{#id}``, attribute lists) is not text. Sentences end with 。！？ or the
paragraph; a run-in head is a sentence of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from compendium.book.layout_repair import content_chars

# --- paragraphs and sentences ----------------------------------------------------------------

# Lines that are not text: block fences and options, attribute lists, raw HTML, front matter.
_NOT_TEXT = re.compile(r"^(?:///|\s{4}\S|\{:|<|---)")
# A bold run-in head with its id: **（一）推进建设智能工厂。**{#s1-1}
RUN_IN_HEAD = re.compile(r"\*\*(?P<head>[^*]+)\*\*\{#[^}]+\}")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*(?:\{[^}]*\})?\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
_BOX_TITLE = re.compile(r"^///\s*\w+\s*\|\s*(.*)$")
_SENTENCE = re.compile(r"[^。！？]*(?:[。！？]+[”’」）)]*|$)")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a page as it reads (markup removed), with its Markdown line."""

    line: int
    text: str


def text_lines(body: str, first_line: int) -> list[tuple[int, str, str]]:
    """(line, raw Markdown, text) of every line of reading text in a page body: paragraphs, list
    items, headings and box titles, with their markup removed."""
    out = []
    for offset, raw in enumerate(body.splitlines()):
        line = first_line + offset
        if m := _BOX_TITLE.match(raw):
            out.append((line, raw, m.group(1).strip()))
            continue
        if not raw.strip() or _NOT_TEXT.match(raw):
            continue
        if m := _HEADING.match(raw):
            out.append((line, raw, m.group(1)))
            continue
        text = RUN_IN_HEAD.sub(lambda h: h.group("head"), _LIST_ITEM.sub("", raw, count=1))
        out.append((line, raw, text.replace("**", "").strip()))
    return out


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph's text, each with its closing punctuation (and closing quote)."""
    return [s for s in _SENTENCE.findall(text) if s.strip()]


def page_sentences(body: str, first_line: int) -> list[Sentence]:
    """Every sentence of a page body, in reading order; a run-in head is a sentence of its own."""
    out = []
    for line, raw, _text in text_lines(body, first_line):
        if _BOX_TITLE.match(raw) or _HEADING.match(raw):
            out.append(Sentence(line, _text))
            continue
        item = _LIST_ITEM.sub("", raw, count=1)
        for piece in _pieces(item):
            out += [Sentence(line, s) for s in split_sentences(piece.replace("**", ""))]
    return out


def _pieces(raw: str) -> list[str]:
    """A paragraph cut at its run-in heads: the head's text, then what follows it."""
    pieces, pos = [], 0
    for m in RUN_IN_HEAD.finditer(raw):
        pieces += [raw[pos:m.start()], m.group("head")]
        pos = m.end()
    return [p for p in pieces + [raw[pos:]] if p.strip()]


# --- table rows ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """A row of a rebuilt table: its id, line, cells (text), and the column head of each cell."""

    id: str
    table: str
    line: int
    cells: tuple[str, ...]
    heads: tuple[str, ...]  # the table's header text above each cell ("" where none)

    @property
    def text(self) -> str:
        """The row as one line of text: its cells, ' | ' between them."""
        return " | ".join(self.cells)

    def cell(self, head: str) -> str | None:
        """The text of the cell under the column head `head`, or None."""
        for h, c in zip(self.heads, self.cells):
            if content_chars(h) == content_chars(head):
                return c
        return None


class _TableParser(HTMLParser):
    """Rows of the raw HTML tables of a page, with rowspans resolved to columns."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.rows: list[Row] = []
        self._table = ""
        self._heads: list[str] = []
        self._spans: dict[int, int] = {}  # column → rows below still covered by a rowspan
        self._covered: set[int] = set()  # columns of the current row covered from above
        self._row: dict | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "table":
            self._table, self._heads, self._spans = a.get("id", ""), [], {}
        elif tag == "tr":
            self._covered = {c for c, n in self._spans.items() if n > 0}
            self._row = {"id": a.get("id", ""), "line": self.first_line + self.getpos()[0] - 1, "cells": {}}
        elif tag in ("td", "th") and self._row is not None:
            column = 0
            while column in self._covered or column in self._row["cells"]:
                column += 1
            self._row["cells"][column] = ""
            self._cell = []
            self._column = column
            if int(a.get("rowspan") or 1) > 1:
                self._spans[column] = int(a["rowspan"])  # this row included; decremented at its end

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row["cells"][self._column] = "".join(self._cell).strip()
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._finish_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _finish_row(self) -> None:
        row, self._row = self._row, None
        self._spans = {c: n - 1 for c, n in self._spans.items() if n > 1}
        columns = sorted(row["cells"])
        if row["id"].endswith("-r0"):
            self._heads = [row["cells"][c] for c in columns]
            return
        heads = tuple(self._heads[c] if c < len(self._heads) else "" for c in columns)
        self.rows.append(Row(row["id"], self._table, row["line"], tuple(row["cells"][c] for c in columns), heads))


def table_rows(body: str, first_line: int) -> list[Row]:
    """Every body row of the rebuilt tables of a page (the header row r0 gives the column heads)."""
    parser = _TableParser(first_line)
    parser.feed(body)
    parser.close()
    return parser.rows
