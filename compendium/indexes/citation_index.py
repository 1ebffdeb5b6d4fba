"""Citations: the documents that the body text names in 《》 or by a 文号 in 〔〕, and where.

Parse: each page's body, line by line, outside its own 文号 line (``{: .doc-no }``: metadata, not
a citation) and the attributions of remarks (which name a remark's source). A 文号 right after a
title, ``《…》（鄂政办发〔2014〕1号）``, belongs to that title. A 〔…〕 that is not a 文号 like
``国办发〔2015〕59号`` stops the build with its file and line.
Model: the cited documents, each with its places (page and anchor: the paragraph, heading or table
row that holds the citation, read from the rendered page, compendium.indexes.passages), and the page of
the compilation that it is, if any (same title, or same 文号).
Render: the 引用关系 page, the 被引用 section of a cited page, the links in the citing text, and
the published data/citations.json.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from compendium.book.errors import PageError
from compendium.book.labels import Labels
from compendium.book.pages import Document
from compendium.indexes.passages import Passage

# 《title》, optionally followed by （文号）.
_TITLE = re.compile(r"《([^《》\n]+)》(?:（([^（）\n]*〔[^〕\n]*〕[^（）\n]*)）)?")
# Any 〔…〕 with what is printed around it: the issuer code before, the number after.
_BRACKET = re.compile(r"([^\s（）《》“”，。；：、〔]*)〔([^〕\n]*)〕(\d*号?)")
# Words that may run into the issuer code of a 文号 cited in running text (参照国发〔2015〕28号).
_LEAD = re.compile(r"^(?:参照|依据|根据|按照|对照|贯彻|落实|执行|印发|详见|见|按|依|和|及|与|或)+")
_DOC_NO = re.compile(r"^[^\s\d（）《》〔〕]{1,12}〔\d{4}〕\d+号$")
_DOC_NO_LINE = "{: .doc-no }"
_REMARK_LINE = "/// remark |"
_HEADING = re.compile(r"^#{1,6}\s")


@dataclass(frozen=True)
class Mention:
    """One citation in a page: title ("" if only a 文号), 文号, line, whether the text may link it."""

    page: str  # path under docs/
    line: int
    title: str
    doc_no: str
    literal: str  # the text searched for in the rendered page: 《title》 or the 文号
    linkable: bool  # in running text (not a heading, not a raw HTML table)


@dataclass
class Cited:
    """A document cited by the text, the compilation's page that it is (if any), its places."""

    title: str
    doc_no: str
    target: str = ""  # path under docs/ of the compilation's page, or ""
    places: list[tuple[str, str]] = field(default_factory=list)  # (page path, anchor)


# --- parse -----------------------------------------------------------------------------------


def find_mentions(page: str, body: str, first_line: int) -> list[Mention]:
    """Every citation in a page body, in order; a malformed 文号 raises PageError (file, line)."""
    found: list[Mention] = []
    for i, text, linkable in _text_lines(body.split("\n")):
        found += _mentions_in_line(page, text, first_line + i, linkable)
    return found


def _text_lines(lines: list[str]):
    """(index, line, linkable) of the lines that are body text: not the page's own 文号 line, not an
    attribution, not raw HTML other than a table's cells; linkable unless in a heading or a table."""
    in_table = False
    for i, text in enumerate(lines):
        start = text.lstrip()
        in_table = in_table or start.startswith("<table")
        own_no = _DOC_NO_LINE in text or (i + 1 < len(lines) and lines[i + 1].strip() == _DOC_NO_LINE)
        if not (own_no or start.startswith(_REMARK_LINE) or (start.startswith("<") and not in_table)):
            yield i, text, not (in_table or _HEADING.match(text))
        if in_table and "</table>" in text:
            in_table = False


def _mentions_in_line(page: str, text: str, line: int, linkable: bool) -> list[Mention]:
    """Titles and 文号 of one line; a 文号 in （） right after a title belongs to it."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in _TITLE.finditer(text):
        doc_no = _check_doc_no(page, line, m.group(2)) if m.group(2) else ""
        out.append(Mention(page, line, m.group(1).strip(), doc_no, f"《{m.group(1)}》", linkable))
        taken.append(m.span())
    for m in _BRACKET.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        doc_no = _check_doc_no(page, line, _LEAD.sub("", m.group(0)))
        out.append(Mention(page, line, "", doc_no, doc_no, linkable))
    return sorted(out, key=lambda x: text.find(x.literal))


def _check_doc_no(page: str, line: int, text: str) -> str:
    """A 文号 as printed; one that is not like 鄂政发〔2016〕67号 raises PageError."""
    doc_no = text.strip()
    if not _DOC_NO.match(doc_no):
        raise PageError(f"docs/{page}", line, "文号", f"{doc_no!r} is not a 文号 like 鄂政发〔2016〕67号",
                        "Check it against the source: issuer code, year in 〔〕, number, 号.")
    return doc_no


# --- model -----------------------------------------------------------------------------------


def cited_documents(mentions: list[Mention], documents: list[Document]) -> list[Cited]:
    """The cited documents in order of first citation, each matched to its compilation page."""
    by_title = {_key(d.meta.title): d.path for d in documents}
    by_no = {d.meta.doc_no: d.path for d in documents if d.meta.doc_no}
    cited: dict[str, Cited] = {}
    for m in mentions:
        target = by_title.get(_key(m.title)) or by_no.get(m.doc_no, "")
        if target == m.page:
            continue  # a page naming itself is not a citation of another document
        key = target or _key(m.title) or m.doc_no
        entry = cited.setdefault(key, Cited(m.title, m.doc_no, target))
        entry.title = entry.title or m.title
        entry.doc_no = entry.doc_no or m.doc_no
    return list(cited.values())


def place_mentions(mentions: list[Mention], passages: dict[str, Passage]) -> list[str]:
    """The anchor of each mention of one page: the element whose own text holds its k-th literal."""
    anchors = []
    seen: dict[str, int] = {}
    for m in mentions:
        k = seen[m.literal] = seen.get(m.literal, 0) + 1
        count = 0
        for p in passages.values():
            count += p.own.count(m.literal)
            if count >= k:
                anchors.append(p.id)
                break
        else:
            raise PageError(f"docs/{m.page}", m.line, "citation", f"{m.literal} is not found in the rendered page",
                            "The citation must be in the page's text (not only in markup).")
    return anchors


def attach_places(cited: list[Cited], mentions: list[Mention], anchors: list[str],
                  documents: list[Document]) -> None:
    """Add each mention's (page, anchor) to the cited document it names."""
    by_title = {_key(d.meta.title): d.path for d in documents}
    by_no = {d.meta.doc_no: d.path for d in documents if d.meta.doc_no}
    index = {(c.target or _key(c.title) or c.doc_no): c for c in cited}
    for m, anchor in zip(mentions, anchors, strict=True):
        target = by_title.get(_key(m.title)) or by_no.get(m.doc_no, "")
        if target == m.page:
            continue
        entry = index[target or _key(m.title) or m.doc_no]
        if (m.page, anchor) not in entry.places:
            entry.places.append((m.page, anchor))


def _key(title: str) -> str:
    """A title compared without spaces."""
    return "".join(title.split())


# --- render ----------------------------------------------------------------------------------


def link_mentions(markdown: str, page: str, cited: list[Cited]) -> str:
    """The page's Markdown with each linkable citation of a compilation document as a link to it."""
    targets = {c.target: c for c in cited if c.target}
    if not targets:
        return markdown
    literals = {}
    for c in targets.values():
        if c.title:
            literals[f"《{c.title}》"] = c.target
        if c.doc_no:
            literals[c.doc_no] = c.target
    lines = markdown.split("\n")
    for i, text, linkable in _text_lines(lines):
        if not linkable:
            continue
        for literal, target in literals.items():
            if target != page and literal in text:
                link = posixpath.relpath(target, posixpath.dirname(page) or ".")
                text = text.replace(literal, f"[{literal}]({link})")
        lines[i] = text
    return "\n".join(lines)


def cited_by_section(cited: Cited, documents: dict[str, Document], labels: Labels) -> str:
    """The generated 被引用 section at the end of a cited page: a link to each citing place."""
    here = posixpath.dirname(cited.target)
    items = [f"- [{documents[p].meta.title_in(labels.lang)}]({posixpath.relpath(p, here or '.')}#{a})"
             for p, a in cited.places]
    return ('\n\n<div class="generated cited-by" markdown>\n\n'
            f"## {labels('citations.cited_by')} {{#cited-by}}\n\n"
            f"{labels('citations.cited_by_note')}\n\n" + "\n".join(items) + "\n\n</div>\n")


def cited_by(cited: list[Cited]) -> dict[str, list[Cited]]:
    """The compilation's documents that are cited, each with what cites it (in the order of `cited`)."""
    out: dict[str, list[Cited]] = {}
    for c in cited:
        if c.target and c.places:
            out.setdefault(c.target, []).append(c)
    return out


def render_citations(cited: list[Cited], documents: dict[str, Document], labels: Labels, page: str) -> str:
    """The 引用关系 page: documents of the compilation cited by others, then other documents.

    A cited title or 文号 is shown as printed (marked Chinese on an English page); a document of
    the compilation by its title in the page's language.
    """
    here = posixpath.dirname(page)
    rel = lambda path: posixpath.relpath(path, here or ".")  # noqa: E731
    out = [f"# {labels('citations.title')}\n", f"{labels('citations.intro')}\n{{: .editorial }}\n"]
    for heading, anchor, group in ((labels("citations.in_compilation"), "in-compilation", [c for c in cited if c.target]),
                                   (labels("citations.elsewhere"), "elsewhere", [c for c in cited if not c.target])):
        out.append(f"## {heading} {{#{anchor}}}\n")
        out.append('<div class="citation-list" markdown>\n')
        for c in group:
            printed = labels.original(f"《{c.title}》" if c.title else c.doc_no)
            name = f"[{_cited_name(c, documents, labels)}]({rel(c.target)})" if c.target else printed
            no = f' <span class="doc-no-inline">{labels.original(c.doc_no)}</span>' if c.doc_no and c.title else ""
            places = labels("citations.separator").join(_places_of_page(page_path, anchors, documents, rel, labels)
                                                        for page_path, anchors in _by_page(c.places).items())
            out.append(f"- {name}{no}<br>{labels('citations.cited_in')}{places}")
        out.append("\n</div>\n")
    return "\n".join(out)


def _cited_name(c: Cited, documents: dict[str, Document], labels: Labels) -> str:
    """A cited document of the compilation: 《title》 as cited in Chinese, its title in another language."""
    if labels.lang == "zh":
        return f"《{c.title}》" if c.title else c.doc_no
    return documents[c.target].meta.title_in(labels.lang)


def _by_page(places: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The anchors of each citing page, pages in order of first citation."""
    out: dict[str, list[str]] = {}
    for page, anchor in places:
        out.setdefault(page, []).append(anchor)
    return out


def _places_of_page(page: str, anchors: list[str], documents: dict[str, Document], rel, labels: Labels) -> str:
    """A citing page linked at its first citation, further citations in it as （第2处）."""
    first = f"[{documents[page].meta.title_in(labels.lang)}]({rel(page)}#{anchors[0]})"
    more = "".join(labels("citations.more").format(link=f"[{labels('citations.nth').format(n=n)}]({rel(page)}#{a})")
                   for n, a in enumerate(anchors[1:], 2))
    return first + more


def citations_json(cited: list[Cited], documents: dict[str, Document]) -> list[dict]:
    """The published data/citations.json: each cited document, its page if in the compilation, its places."""
    return [{
        "title": c.title or None,
        "doc_no": c.doc_no or None,
        "in_compilation": bool(c.target),
        "url": documents[c.target].url if c.target else None,
        "cited_by": [{"document": documents[p].meta.title, "url": f"{documents[p].url}#{a}"} for p, a in c.places],
    } for c in cited]
