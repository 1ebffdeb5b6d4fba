"""主题对照: for each topic of data/vocabulary.yml, passages side by side by level.

Parse: data/topic-passages.yml, assigned and reviewed by hand (not inherited from a page's
`topics`): under each topic id, passages as page (under docs/), anchor, and optionally the
excerpt to show (verbatim, a sentence of the passage). Check: the topic is in the vocabulary, the
page is a document, the anchor exists in the rendered page (compendium.indexes.passages), the excerpt is
in its text; each topic has a passage from every level whose documents are tagged with it, and
the file has at least ten passages. Every problem names the file, the line and the fix.
Model: passages grouped by topic, then by level column (remarks → national → Hubei → other
cities → Xianning). Render: one page per topic, and the list of topics.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from compendium import ROOT
from compendium.book.errors import PageError
from compendium.book.labels import Labels
from compendium.book.pages import Document
from compendium.book.vocabulary import Vocabulary
from compendium.book.yamlfile import compose_yaml
from compendium.indexes.passages import Passage

TOPIC_FILE = ROOT / "data" / "topic-passages.yml"
WHERE = "data/topic-passages.yml"
# The columns of the comparison, top-down, and the levels of data/vocabulary.yml in each.
COLUMNS = ("remarks", "national", "hubei", "other_region", "xianning")
MIN_PASSAGES = 10
EXCERPT = 60  # characters shown when the file gives no excerpt
_PARAGRAPH = re.compile(r"-?p\d+$")


@dataclass(frozen=True)
class Assignment:
    """A passage assigned to a topic in the data file: page, anchor, excerpt ("" = its opening), line."""

    topic: str
    page: str
    anchor: str
    excerpt: str
    line: int


@dataclass(frozen=True)
class TopicPassage:
    """An assigned passage resolved against its page: document, column, text shown, where it stands."""

    assignment: Assignment
    doc: Document
    column: str
    text: str
    context: str  # the heading or attribution it stands under


def column(doc: Document) -> str:
    """The comparison column of a document: remarks, national, hubei, other_region or xianning."""
    if doc.meta.kind == "remarks":
        return "remarks"
    return "national" if doc.meta.level in ("central", "ministry") else doc.meta.level


# --- parse -----------------------------------------------------------------------------------


def load_assignments(vocab: Vocabulary, documents: dict[str, Document], path: Path = TOPIC_FILE) -> list[Assignment]:
    """Read the topic file; an unknown topic or page, or a malformed entry, raises PageError with its line."""
    node, data = compose_yaml(path.read_text(encoding="utf-8"))
    if node is None or not isinstance(node, yaml.MappingNode):
        raise PageError(WHERE, 1, "", "the file is not a mapping of topics", "Write 'innovation:' then its passages.")
    out = []
    for key, value in node.value:
        topic, line = key.value, key.start_mark.line + 1
        if topic not in vocab.topics:
            raise PageError(WHERE, line, "topic", f"unknown topic {topic!r}",
                            f"Use ids from data/vocabulary.yml: {vocab.describe(vocab.topics)}.")
        if not isinstance(value, yaml.SequenceNode):
            raise PageError(WHERE, line, topic, "the passages of a topic are a list", "Write '- page: …' items.")
        for item in value.value:
            line = item.start_mark.line + 1
            entry = data(item)
            if not isinstance(entry, dict) or not entry.get("page") or not entry.get("anchor") \
                    or set(entry) - {"page", "anchor", "excerpt"}:
                raise PageError(WHERE, line, topic, "a passage needs page and anchor (and may give excerpt)",
                                "Write '- {page: part2/x.md, anchor: s1-2-p1}'.")
            page = str(entry["page"])
            if page not in documents:
                raise PageError(WHERE, line, topic, f"no document page {page!r}",
                                "Give the page's path under docs/, e.g. part2/5g-development.md.")
            out.append(Assignment(topic, page, str(entry["anchor"]), str(entry.get("excerpt") or "").strip(), line))
    return out


# --- check and model -------------------------------------------------------------------------


def resolve(assignments: list[Assignment], documents: dict[str, Document],
            passages: dict[str, dict[str, Passage]]) -> list[TopicPassage]:
    """Each assignment against its rendered page; a missing anchor or an excerpt not in it raises."""
    out = []
    for a in assignments:
        found = passages[a.page].get(a.anchor)
        if found is None:
            raise PageError(WHERE, a.line, a.topic, f"{a.page} has no anchor {a.anchor!r}",
                            "Use an id of the built page (a paragraph s1-2-p3, a remark r-…, a heading s1-2, a row tab-1-r2).")
        if a.excerpt and a.excerpt not in found.text:
            raise PageError(WHERE, a.line, a.topic, f"the excerpt {a.excerpt[:20]!r}… is not in {a.page}#{a.anchor}",
                            "Copy the excerpt verbatim from that passage.")
        text = a.excerpt or (found.text if len(found.text) <= EXCERPT else found.text[:EXCERPT] + "……")
        doc = documents[a.page]
        out.append(TopicPassage(a, doc, column(doc), text, _context(doc, a.anchor, passages[a.page])))
    return out


def _context(doc: Document, anchor: str, page: dict[str, Passage]) -> str:
    """What a passage stands under: a remark's attribution, else its heading (or run-in head)."""
    base = _PARAGRAPH.sub("", anchor)
    for remark in doc.remarks:
        if remark.id in (anchor, base):
            attribution = remark.attribution.lstrip("—")
            return "" if attribution == doc.meta.title else attribution
    head = page.get(base)
    return head.own if head is not None and base != anchor else ""


def check_coverage(resolved: list[TopicPassage], documents: list[Document], vocab: Vocabulary) -> None:
    """Each topic has a passage from each column whose documents carry it; ten passages at least."""
    if len(resolved) < MIN_PASSAGES:
        raise PageError(WHERE, 0, "", f"only {len(resolved)} passages", f"Assign at least {MIN_PASSAGES}.")
    for topic in vocab.topics:
        have = {p.column for p in resolved if p.assignment.topic == topic}
        for col in COLUMNS:
            tagged = [d.path for d in documents if topic in d.meta.topics and column(d) == col]
            if tagged and col not in have:
                raise PageError(WHERE, 0, topic, f"no passage from the {col} level, whose documents speak to it "
                                f"({', '.join(tagged)})", f"Assign one of their passages to {topic}.")


# --- render ----------------------------------------------------------------------------------


def render_topic(topic: str, resolved: list[TopicPassage], vocab: Vocabulary, labels: Labels, page: str) -> str:
    """The page of one topic: its passages by column, each an excerpt linked to its anchor."""
    here = posixpath.dirname(page) or "."
    mine = [p for p in resolved if p.assignment.topic == topic]
    cols = [c for c in COLUMNS if any(p.column == c for p in mine)]
    name = vocab.topics[topic].label(labels.lang)
    out = [f"---\ntitle: {name}\n---\n",
           f"# {labels('topics.page_title').format(topic=name)}\n",
           labels("topics.intro") + "\n{: .editorial }\n",
           " ".join(f"[{labels('topics.col_' + c)}](#col-{c.replace('_', '-')})" for c in cols) + "\n{: .index-jump }\n"]
    for c in cols:
        out.append(f"## {labels('topics.col_' + c)} {{#col-{c.replace('_', '-')}}}\n")
        out.append(f'<div class="topic-passages col-{c.replace("_", "-")}" markdown>\n')
        for p in (x for x in mine if x.column == c):
            a = p.assignment
            where = p.doc.meta.title_in(labels.lang) + (f" · {labels.original(p.context)}" if p.context else "")
            out.append('<div class="topic-passage" markdown>\n')
            out.append(f"{labels.original(f'“{p.text}”')}\n{{: .tp-text }}\n")
            out.append(f"[{where}]({posixpath.relpath(a.page, here)}#{a.anchor})\n{{: .tp-source }}\n")
            out.append("</div>\n")
        out.append("</div>\n")
    return "\n".join(out)


def render_topic_list(resolved: list[TopicPassage], vocab: Vocabulary, labels: Labels, page: str,
                      pages: dict[str, str]) -> str:
    """The list of topics: each linked, with its count of passages per column."""
    here = posixpath.dirname(page) or "."
    out = [f"# {labels('topics.title')}\n", labels("topics.list_intro") + "\n{: .editorial }\n",
           '<div class="doc-index" markdown>\n']
    for topic, term in vocab.topics.items():
        mine = [p for p in resolved if p.assignment.topic == topic]
        counts = " · ".join(f"{labels('topics.col_' + c)} {n}" for c in COLUMNS
                            if (n := sum(p.column == c for p in mine)))
        out.append(f"- [{term.label(labels.lang)}]({posixpath.relpath(pages[topic], here)})<br>"
                   f'<span class="doc-index-meta">{counts}</span>')
    out.append("\n</div>\n")
    return "\n".join(out)
