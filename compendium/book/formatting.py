"""Small renderings from the model, in the reader's language: a document's metadata line, a
part's title and contents, a date."""
from __future__ import annotations

import datetime as dt
import html

from babel.dates import format_skeleton

from compendium.book.labels import Labels
from compendium.book.pages import Document
from compendium.book.vocabulary import Vocabulary

CN_PART = {1: "第一篇", 2: "第二篇", 3: "第三篇", 4: "第四篇", 5: "第五篇"}
# How many parts the book has, in words (the home page's 全书分为五篇).
_NUMBER_WORDS = {"zh": "零一二三四五六七八九十", "en": ["None", "One", "Two", "Three", "Four", "Five", "Six", "Seven",
                                                    "Eight", "Nine", "Ten"]}
# Babel's locale for the dates of each language (British English, as the glossary spells).
_DATE_LOCALE = {"zh": "zh", "en": "en_GB"}
# Babel skeletons by the precision of a date (YYYY, YYYY-MM, YYYY-MM-DD).
_SKELETON = {1: "y", 2: "yMMMM", 3: "yMMMMd"}


def format_date(date: str, lang: str = "zh") -> str:
    """A date as precise as it is, in the reader's language: 2016-12-31 → 2016年12月31日, 31 December 2016."""
    if not date:
        return ""
    parts = [int(p) for p in date.split("-")]
    day = dt.date(*(parts + [1, 1])[:3])
    return format_skeleton(_SKELETON[len(parts)], day, locale=_DATE_LOCALE[lang])


def format_span(start: str, end: str, lang: str) -> str:
    """A date or, with `end`, a range of days in the reader's language: 24–28 April 2018."""
    if not end:
        return format_date(start, lang)
    first = dt.date.fromisoformat(start)
    if start[:7] == end[:7]:
        return f"{first.day}–{format_date(end, lang)}"
    return f"{format_skeleton('dMMMM', first, locale=_DATE_LOCALE[lang])} – {format_date(end, lang)}"


def issuer_names(doc: Document, labels: Labels, glossary) -> list[str]:
    """The issuing bodies of a document as the reader's language names them (the glossary's English)."""
    return [glossary.english(name, f"docs/{doc.path}", "issuer") if labels.lang == "en" else name
            for name in doc.meta.issuer]


def meta_line(doc: Document, vocab: Vocabulary, labels: Labels, glossary=None) -> str:
    """The generated line above a document: level, kind, issuer, date, topics (not source text)."""
    m, lang = doc.meta, labels.lang
    items = [vocab.levels[m.level].label(lang), vocab.kinds[m.kind].label(lang)]
    if m.issuer:
        items.append(labels("meta.issuer_separator").join(issuer_names(doc, labels, glossary)))
    if m.date:
        items.append(format_date(m.date, lang))
    topics = "".join(f'<span class="doc-topic">{html.escape(vocab.topics[t].label(lang))}</span>' for t in m.topics)
    spans = "".join(f"<span>{html.escape(x)}</span>" for x in items)
    return f'<div class="doc-meta generated">{spans}{topics}</div>\n\n'


def part_title(vocab: Vocabulary, part: int, labels: Labels) -> str:
    """Navigation title of a part: 第一篇 + its label, or Part 1: its label."""
    return labels("catalog.part_title").format(cn_number=CN_PART[part], number=part,
                                               label=vocab.parts[part].label(labels.lang))


def part_listing(docs: list[Document], part: int, relative_to: str, labels: Labels) -> str:
    """Markdown list of a part's documents, in book order, linked relative to the landing page."""
    prefix = relative_to.rsplit("/", 1)[0] + "/" if "/" in relative_to else ""
    rows = []
    for d in docs:
        if d.meta.part != part:
            continue
        link = d.path[len(prefix):] if d.path.startswith(prefix) else d.path
        extra = labels.original(d.meta.doc_no) or format_date(d.meta.date, labels.lang)
        if d.meta.is_added:
            added = labels("catalog.added_mark").format(version=d.meta.added_in)
            extra = f"{extra} {added}" if extra else added
        rows.append(f"1. [{d.meta.title_in(labels.lang)}]({link})"
                    + (f"<span class=\"doc-list-note\">{extra}</span>" if extra else ""))
    return '<div class="doc-list generated" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"


def added_note(doc: Document, labels: Labels) -> str:
    """The generated note above a document beyond the print: not in the printed book, added in which
    edition, and where its text comes from (the editors' source_note); "" for a document of the print."""
    m = doc.meta
    if not m.is_added:
        return ""
    note = labels("catalog.added_note").format(version=m.added_in)
    source = f" {labels.original(html.escape(m.source_note))}" if m.source_note else ""
    return f'<p class="doc-added generated">{html.escape(note)}{source}</p>\n\n'


def document_counts(docs: list[Document], vocab: Vocabulary, labels: Labels, prefix: str = "") -> str:
    """The home page's 内容结构, counted from the pages: how many parts and documents (and how many
    of them were added after the print), and a table of the parts with the count of each."""
    lang = labels.lang
    parts = sorted(vocab.parts)
    added = sum(1 for d in docs if d.meta.is_added)
    words = _NUMBER_WORDS[lang]
    intro = labels("catalog.counts").format(
        parts=words[len(parts)] if len(parts) < len(words) else len(parts), count=len(docs),
        added=labels("catalog.counts_added").format(count=added) if added else "")
    heads = [labels(f"catalog.counts_{k}") for k in ("part", "contents", "documents")]
    rows = ["| " + " | ".join(heads) + " |", "| --- | --- | --- |"]
    for n in parts:
        count = sum(1 for d in docs if d.meta.part == n)
        name = CN_PART[n] if lang == "zh" else labels("catalog.part_title").format(cn_number="", number=n, label="")
        name = name.strip().rstrip(":")
        rows.append(f"| [{name}]({prefix}{vocab.parts[n].folder}/index.md) | {html.escape(vocab.parts[n].label(lang))} "
                    f"| {count} |")
    return f'<div class="doc-counts generated" markdown>\n\n{html.escape(intro)}\n\n' + "\n".join(rows) + "\n\n</div>\n"

