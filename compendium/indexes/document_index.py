"""The 文件索引: every document by level (中央 → 国务院部门 → 湖北省 → 外地 → 咸宁市), by issuer and
by year, with its 文号 and date, linked to its page; and the published data/documents.json.

Model: the documents' front matter as the page model checked it (compendium.book.pages); levels in
the order of data/vocabulary.yml. Render: Markdown of the index page, JSON records.
"""
from __future__ import annotations

import posixpath
from itertools import groupby

from compendium.book.formatting import format_date
from compendium.book.labels import Labels
from compendium.book.pages import Document
from compendium.book.vocabulary import Vocabulary
from compendium.english.glossary import Glossary


# --- model -----------------------------------------------------------------------------------


def by_level(docs: list[Document], vocab: Vocabulary) -> list[tuple[str, list[Document]]]:
    """(level id, its documents in book order), levels in vocabulary order, empty levels left out."""
    return [(level, [d for d in docs if d.meta.level == level]) for level in vocab.levels
            if any(d.meta.level == level for d in docs)]


def by_issuer(docs: list[Document], vocab: Vocabulary) -> list[tuple[str, list[Document]]]:
    """(issuer, its documents), issuers by the level of their first document then book order; "" last."""
    levels = list(vocab.levels)
    first: dict[str, tuple[int, int]] = {}
    for i, d in enumerate(docs):
        for name in d.meta.issuer or [""]:
            first.setdefault(name, (levels.index(d.meta.level) if name else len(levels), i))
    return [(name, [d for d in docs if name in (d.meta.issuer or [""])]) for name in sorted(first, key=first.get)]


def by_year(docs: list[Document]) -> list[tuple[str, list[Document]]]:
    """(year, its documents by date), years ascending; undated documents last under ""."""
    ordered = sorted(docs, key=lambda d: (d.meta.date[:4] or "9999", d.meta.date))
    return [(year if year != "9999" else "", list(items))
            for year, items in groupby(ordered, key=lambda d: d.meta.date[:4] or "9999")]


# --- render ----------------------------------------------------------------------------------


def render_index(docs: list[Document], vocab: Vocabulary, labels: Labels, page: str, glossary: Glossary) -> str:
    """The 文件索引 page, in the language of `labels` (issuers in English from the glossary)."""
    here, lang = posixpath.dirname(page) or ".", labels.lang
    out = [f"# {labels('docindex.title')}\n",
           labels("docindex.intro").format(n=len(docs)) + "\n{: .editorial }\n",
           f"[{labels('docindex.by_level')}](#by-level) [{labels('docindex.by_issuer')}](#by-issuer) "
           f"[{labels('docindex.by_year')}](#by-year)\n{{: .index-jump }}\n",
           f"## {labels('docindex.by_level')} {{#by-level}}\n"]
    for level, items in by_level(docs, vocab):
        out.append(f"### {vocab.levels[level].label(lang)} {{#level-{level.replace('_', '-')}}}\n")
        out.append(_list(items, vocab, here, labels, show_level=False))
    out.append(f"## {labels('docindex.by_issuer')} {{#by-issuer}}\n")
    for name, items in by_issuer(docs, vocab):
        if name and lang == "en":
            name = glossary.english(name, f"docs/{items[0].path}", "issuer")
        out.append(f"**{name or labels('docindex.no_issuer')}**\n{{: .index-group }}\n")
        out.append(_list(items, vocab, here, labels))
    out.append(f"## {labels('docindex.by_year')} {{#by-year}}\n")
    for year, items in by_year(docs):
        out.append(f"**{labels('timeline.year').format(year=year) if year else labels('docindex.no_date')}**\n"
                   "{: .index-group }\n")
        out.append(_list(items, vocab, here, labels))
    return "\n".join(out)


def _list(items: list[Document], vocab: Vocabulary, here: str, labels: Labels, show_level: bool = True) -> str:
    """A list of documents: title linked, then 文号 (as printed), date, kind (and level) in a small line."""
    rows, lang = [], labels.lang
    for d in items:
        m = d.meta
        facts = [x for x in (labels.original(m.doc_no), format_date(m.date, lang), vocab.kinds[m.kind].label(lang),
                             vocab.levels[m.level].label(lang) if show_level else "") if x]
        rows.append(f"- [{m.title_in(lang)}]({posixpath.relpath(d.path, here)})<br>"
                    f'<span class="doc-index-meta">{" · ".join(facts)}</span>')
    return '<div class="doc-index" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"


def documents_json(docs: list[Document]) -> list[dict]:
    """The published data/documents.json: one record per document, in book order."""
    return [{
        "title": d.meta.title, "title_en": d.meta.title_en, "part": d.meta.part, "order": d.meta.order,
        "level": d.meta.level,
        "kind": d.meta.kind, "issuer": list(d.meta.issuer), "doc_no": d.meta.doc_no or None,
        "date": d.meta.date or None, "topics": list(d.meta.topics), "url": d.url,
    } for d in docs]
