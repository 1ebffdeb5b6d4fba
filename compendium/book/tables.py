"""Rebuilt tables in a scroll region that a keyboard can reach and a screen reader can name.

A wide table is written inside ``<div class="table-wrap">`` so that on a phone it scrolls sideways
in its own box. A keyboard can scroll a box only if the box takes focus, and a box that takes focus
needs a name (WCAG 2.1.1 and 4.1.2; axe scrollable-region-focusable). The Markdown extension gives
every such wrap ``role="region"``, ``tabindex="0"`` and the table's caption as its ``aria-label``;
the page model refuses a wrap whose table has no caption to name it.
"""
from __future__ import annotations

import html
import re

from compendium.book.errors import PageError

WRAP = '<div class="table-wrap">'
# A wrap, the start tag of its table and the table's caption.
_WRAPPED_TABLE = re.compile(re.escape(WRAP) + r"(\s*<table\b[^>]*>\s*<caption>(.*?)</caption>)", re.S)
_ANY_WRAP = re.compile(r'<div class="table-wrap"[^>]*>')
_TAG = re.compile(r"<[^>]+>")


def label_table_regions(page: str) -> str:
    """Make every table wrap a focusable region named by its table's caption."""
    def label(m: re.Match) -> str:
        name = " ".join(html.unescape(_TAG.sub("", m.group(2))).split())
        return f'<div class="table-wrap" role="region" tabindex="0" aria-label="{html.escape(name)}">{m.group(1)}'
    return _WRAPPED_TABLE.sub(label, page)


def check_table_regions(path: str, body: str, first_line: int) -> None:
    """Raise PageError for a table wrap that is not exactly WRAP around a table with a caption."""
    for m in _ANY_WRAP.finditer(body):
        line = first_line + body.count("\n", 0, m.start())
        if m.group(0) != WRAP:
            raise PageError(path, line, "table", f"table wrap {m.group(0)} has attributes",
                            f"Write {WRAP} alone: the build adds what it needs.")
        if not _WRAPPED_TABLE.match(body, m.start()):
            raise PageError(path, line, "table", "table wrap without a table whose first element is its <caption>",
                            "Put the <table> right inside the wrap, with <caption>title</caption> first: "
                            "it names the table's scroll region.")
