"""The printed question sheets (quiz.pdf): the bank by part, then an answer key that gives, for each
answer, the page of the compilation booklet where its source stands.

The page is found, not guessed: each question's source is located in the compilation booklet's
HTML (compendium/booklets/booklet_html.py writes it beside the PDF) by its scoped id — the remark
(``part1-on-high-quality-development--r-20171218``), the table row (``…--tab-1-r3``), or the
innermost paragraph or list item whose text holds the target's sentence or the blank's — and that
id's named destination in compilation.pdf gives the PDF page; the number printed on it counts from
the first part's title page (booklet/booklet.css, ``@page body-start``), so the printed number
is the PDF page less the pages before the first part. Nothing here sets a PDF (tools/pdf.py does).
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from html.parser import HTMLParser

from compendium.book.errors import PageError
from compendium.book.labels import Labels
from compendium.book.layout_repair import content_chars
from compendium.quiz.bank import Question
from compendium.quiz.pages import LETTERS, part_groups, parts_name

FIRST_PART = "part1"  # the anchor of the booklet's first section, whose page is printed as 1
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def doc_anchor(path: str) -> str:
    """part2/5g-development.md → part2-5g-development (as compendium.booklets.booklet_html scopes ids)."""
    return path.removesuffix(".md").replace("/", "-")


class _Ids(HTMLParser):
    """Every element with a scoped id (``anchor--id``) and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        ident = dict(attrs).get("id")
        if ident and "--" in ident:
            self.text.setdefault(ident, [])
        self.stack.append((tag, ident if ident and "--" in ident else None))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        for _, ident in self.stack:
            if ident:
                self.text[ident].append(data)


def scoped_ids(booklet_html: str) -> dict[str, str]:
    """Scoped id → its text (content characters), in document order."""
    parser = _Ids()
    parser.feed(booklet_html)
    return {k: content_chars("".join(v)) for k, v in parser.text.items()}


def locate(questions: list[Question], booklet_html: str) -> dict[str, str]:
    """Each question's scoped id in the compilation booklet: where its source stands."""
    ids = scoped_ids(booklet_html)
    out = {}
    for q in questions:
        doc = doc_anchor(q.document)
        anchor = q.url.split("#", 1)[1]
        if q.kind in ("occasion", "date") or anchor.startswith("tab-"):
            scoped = f"{doc}--{anchor}"
        else:
            want = content_chars(q.source)
            found = [k for k, text in ids.items() if k.startswith(doc + "--") and want in text]
            scoped = min(found, key=lambda k: len(ids[k])) if found else ""
        if scoped not in ids:
            raise PageError(f"docs/{q.document}", 0, q.id, f"its source ({anchor}) is not in the compilation booklet",
                            "Set the booklets again (tools/pdf.sh) from the same pages.")
        out[q.id] = scoped
    return out


def printed_pages(located: dict[str, str], destinations: dict[str, int]) -> dict[str, int]:
    """The page number printed on the booklet's page of each question's source, from the PDF's named
    destinations (id → PDF page, from 1)."""
    if FIRST_PART not in destinations:
        raise PageError("build/booklets/compilation.pdf", 0, FIRST_PART, "the PDF names no first part",
                        "Set compilation.pdf again with tools/pdf.sh.")
    first = destinations[FIRST_PART]
    missing = [s for s in located.values() if s not in destinations]
    if missing:
        raise PageError("build/booklets/compilation.pdf", 0, missing[0], "no named destination for it",
                        "Set compilation.pdf again with tools/pdf.sh.")
    return {q: destinations[s] - first + 1 for q, s in located.items()}


@dataclass(frozen=True)
class Sheet:
    """What the sheets print: every question numbered, by part, and the key."""

    groups: list[tuple[str, list[tuple[int, Question]]]]


def plan_sheet(questions: list[Question], labels: Labels) -> Sheet:
    groups, n = [], 0
    for parts in part_groups(questions):
        mine = []
        for q in questions:
            if q.part in parts:
                n += 1
                mine.append((n, q))
        groups.append((parts_name(parts, labels), mine))
    return Sheet(groups)


def render_sheet(sheet: Sheet, pages: dict[str, int], labels: Labels, title: str, edition: str,
                 stylesheet: str, sources: str = "") -> str:
    """quiz.pdf's HTML: the questions by part, each part on its own pages, then the key."""
    parts = []
    for name, items in sheet.groups:
        qs = []
        for n, q in items:
            excerpt = f'<p class="excerpt">{html.escape(q.excerpt)}</p>' if q.excerpt else ""
            options = "".join(f"<li>{html.escape(o)}</li>" for o in q.options)
            qs.append(f'<li value="{n}"><p class="stem">{html.escape(q.stem)}</p>{excerpt}'
                      f'<ol class="options" type="A">{options}</ol></li>')
        parts.append(f'<section class="sheet"><h2>{html.escape(name)}</h2><ol class="questions">'
                     + "".join(qs) + "</ol></section>")
    rows = []
    for _, items in sheet.groups:
        for n, q in items:
            page = labels("quiz.sheet_page").format(page=pages[q.id])
            rows.append(f"<tr><td>{n}</td><td>{LETTERS[q.answer]}</td><td>{html.escape(q.answer_text)}</td>"
                        f"<td>{html.escape(page)}</td></tr>")
    key = (f'<section class="key"><h2>{html.escape(labels("quiz.sheet_key"))}</h2>'
           f'<p>{html.escape(labels("quiz.sheet_key_note"))}</p><table><thead><tr>'
           + "".join(f"<th>{html.escape(labels('quiz.sheet_' + c))}</th>" for c in ("number", "letter", "answer", "where"))
           + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></section>")
    head = (f'<meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta name="compendium-edition" content="{html.escape(edition)}">'
            f'<meta name="compendium-sources" content="{html.escape(sources)}"><style>{stylesheet}</style>')
    intro = f'<h1>{html.escape(title)}</h1><p class="intro">{html.escape(labels("quiz.sheet_intro"))}</p>'
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>{head}</head>\n<body>{intro}'
            + "".join(parts) + key + "</body>\n</html>\n")
