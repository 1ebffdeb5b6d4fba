"""Small renderings from the model: a document's metadata line, a part's contents."""
from __future__ import annotations

import html

from compendium.pages import Document
from compendium.vocabulary import Vocabulary

CN_PART = {1: "第一篇", 2: "第二篇", 3: "第三篇", 4: "第四篇", 5: "第五篇"}


def format_date(date: str) -> str:
    """2016-12-31 → 2016年12月31日, as precise as the date is."""
    units = ("年", "月", "日")
    return "".join(f"{int(p)}{u}" for p, u in zip(date.split("-"), units)) if date else ""


def meta_line(doc: Document, vocab: Vocabulary) -> str:
    """The generated line above a document: level, kind, issuer, date, topics (not source text)."""
    m = doc.meta
    items = [vocab.levels[m.level].zh, vocab.kinds[m.kind].zh]
    if m.issuer:
        items.append("、".join(m.issuer))
    if m.date:
        items.append(format_date(m.date))
    topics = "".join(f'<span class="doc-topic">{html.escape(vocab.topics[t].zh)}</span>' for t in m.topics)
    spans = "".join(f"<span>{html.escape(x)}</span>" for x in items)
    return f'<div class="doc-meta generated">{spans}{topics}</div>\n\n'


def part_title(vocab: Vocabulary, part: int) -> str:
    """Navigation title of a part: 第一篇 + its label."""
    return f"{CN_PART[part]} {vocab.parts[part].zh}"


def part_listing(docs: list[Document], part: int, relative_to: str) -> str:
    """Markdown list of a part's documents, in book order, linked relative to the landing page."""
    prefix = relative_to.rsplit("/", 1)[0] + "/" if "/" in relative_to else ""
    rows = []
    for d in docs:
        if d.meta.part != part:
            continue
        link = d.path[len(prefix):] if d.path.startswith(prefix) else d.path
        extra = d.meta.doc_no or (format_date(d.meta.date) if d.meta.date else "")
        rows.append(f"1. [{d.meta.title}]({link})" + (f"<span class=\"doc-list-note\">{extra}</span>" if extra else ""))
    return '<div class="doc-list generated" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"
