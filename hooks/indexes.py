"""MkDocs hook: the cross-reference indexes, generated from the pages at every build.

Adapts MkDocs events to the core: in on_files (after hooks/catalog.py has parsed the documents)
it builds the 论述时间线 and part 4's timeline (compendium.indexes.timeline), the 文件索引
(compendium.indexes.document_index), the 引用关系 (compendium.indexes.citation_index) and the 主题对照 pages
(compendium.indexes.topics), adds them as generated pages under indexes/ and publishes
data/documents.json, data/quotes.json and data/citations.json. Pages whose citations or topic
passages need paragraph ids are rendered once more for that (compendium.indexes.passages). While a
document's Markdown is processed, it links citations of compilation documents, adds the 另见 note
under a remark printed more than once and the 被引用 section of a cited page — all as Markdown,
so that MkDocs' strict link and anchor checks see them. Everything is written in the language
being built (an English edition builds each language in turn). Bad data stops the build with the
file, the line and the fix.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

import _shared
from compendium.book.errors import PageError
from compendium.book.frontmatter import read_front_matter
from compendium.book.labels import Labels
from compendium.downloads.data_files import json_bytes
from compendium.indexes.attributions import load_places
from compendium.indexes.citation_index import (Cited, attach_places, cited_by, cited_by_section, cited_documents,
                                               citations_json, find_mentions, link_mentions, place_mentions,
                                               render_citations)
from compendium.indexes.document_index import documents_json, render_index
from compendium.indexes.passages import passages, render
from compendium.indexes.remark_duplicates import check_judged, load_judgements, near_pairs, same_groups
from compendium.indexes.timeline import (add_notes, also_notes, build_entries, occurrences, others, quotes_json,
                                         render_sources, render_timeline)
from compendium.indexes.topics import check_coverage, load_assignments, render_topic, render_topic_list, resolve

# The generated pages, in the order of the navigation.
LANDING, TIMELINE, SOURCES = "indexes/index.md", "indexes/timeline.md", "indexes/xianning-timeline.md"
DOCUMENTS, CITATIONS, TOPICS = "indexes/documents.md", "indexes/citations.md", "indexes/topics/index.md"
ORDER = [LANDING, TIMELINE, SOURCES, DOCUMENTS, CITATIONS]


@dataclass
class _Indexes:
    """What the page events of this build need from on_files."""

    labels: Labels | None = None
    cited: list[Cited] = field(default_factory=list)
    notes: dict[str, dict[str, str]] = field(default_factory=dict)  # page → remark id → its 另见 note
    cited_by: dict[str, list[Cited]] = field(default_factory=dict)  # page → what cites it, with places


_built = _Indexes()


# --- events ----------------------------------------------------------------------------------


@event_priority(_shared.AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Everything from the parsed documents, before any page is rendered; after a language
    # edition has rebuilt the file list (hooks/_shared.py).
    global _built
    root, docs_dir = Path(config.config_file_path).parent, Path(config.docs_dir)
    state = _shared.state
    docs, by_path = list(state.documents.values()), state.documents
    try:
        labels, glossary = _shared.labels(config), _shared.glossary(config)
        places = load_places(root / "data" / "places.yml")
        # Timelines: part 1 (every remark dated) and part 4; same remarks judged by hand.
        part1, part4 = occurrences(docs, 1, places), occurrences(docs, 4, places, dated=False)
        texts = {o.key: o.remark.text for o in part1 + part4}
        judgements = load_judgements(set(texts), root / "data" / "remark-duplicates.yml")
        check_judged(near_pairs(texts), judgements)
        groups = same_groups(list(texts), judgements)
        entries1, entries4 = build_entries(part1, groups), build_entries(part4, groups)
        # Citations and topic passages, placed on the paragraphs of the rendered pages.
        bodies = {d.path: read_front_matter(docs_dir, d.path) for d in docs}
        mentions = {p: m for p, fm in bodies.items() if (m := find_mentions(p, fm.body, fm.body_line))}
        assignments = load_assignments(state.vocab, by_path, root / "data" / "topic-passages.yml")
        md = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        rendered = {p: passages(render(bodies[p].body, md)) for p in sorted({*mentions, *(a.page for a in assignments)})}
        cited = cited_documents([m for ms in mentions.values() for m in ms], docs)
        for page, ms in mentions.items():
            attach_places(cited, ms, place_mentions(ms, rendered[page]), docs)
        topic_passages = resolve(assignments, by_path, rendered)
        check_coverage(topic_passages, docs, state.vocab)
        topic_pages = {t: f"indexes/topics/{t}.md" for t in state.vocab.topics}
        pages = {
            LANDING: _landing(labels),
            TIMELINE: render_timeline(entries1, labels, TIMELINE),
            SOURCES: render_sources(part4, state.vocab, labels, SOURCES),
            DOCUMENTS: render_index(docs, state.vocab, labels, DOCUMENTS, glossary),
            CITATIONS: render_citations(cited, by_path, labels, CITATIONS),
            TOPICS: render_topic_list(topic_passages, state.vocab, labels, TOPICS, topic_pages),
            **{path: render_topic(t, topic_passages, state.vocab, labels, path) for t, path in topic_pages.items()},
        }
    except PageError as err:
        raise PluginError(f"Bad index data: {err}") from None
    _built = _Indexes(labels, cited, also_notes(others(entries1 + entries4), labels), cited_by(cited))

    for src_uri, markdown in pages.items():
        _shared.add_page(files, config, src_uri, markdown)
    _shared.publish(files, config, "data/documents.json", json_bytes(documents_json(docs)))
    _shared.publish(files, config, "data/quotes.json", json_bytes(quotes_json(entries1 + entries4)))
    _shared.publish(files, config, "data/citations.json", json_bytes(citations_json(cited, by_path)))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # The indexes in reading order; the topic pages as one section titled 主题对照.
    for item in nav.items:
        if isinstance(item, Section) and _src(item).startswith("indexes/"):
            item.children.sort(key=_index_order)
            for child in item.children:
                if isinstance(child, Section):
                    child.title = _built.labels("topics.title")
                    child.children.sort(key=_index_order)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Citation links, 另见 notes under repeated remarks, the 被引用 section of a cited page.
    path = _shared.src_uri(page.file)
    if path not in _shared.state.documents:
        return markdown
    markdown = link_mentions(markdown, path, _built.cited)
    if notes := _built.notes.get(path):
        markdown = add_notes(markdown, notes)
    for c in _built.cited_by.get(path, []):
        markdown += cited_by_section(c, _shared.state.documents, _built.labels)
    return markdown


# --- helpers ---------------------------------------------------------------------------------


def _landing(labels: Labels) -> str:
    """The 索引 landing page: each index with a line on what it holds, and where its data is."""
    rows = [(labels("indexes.timeline"), "timeline.md", labels("indexes.timeline_note")),
            (labels("timeline.sources_title"), "xianning-timeline.md", labels("indexes.sources_note")),
            (labels("docindex.title"), "documents.md", labels("indexes.documents_note")),
            (labels("citations.title"), "citations.md", labels("indexes.citations_note")),
            (labels("topics.title"), "topics/index.md", labels("indexes.topics_note")),
            (labels("indexes.data"), "../downloads.md", labels("indexes.data_note"))]
    items = "\n".join(f"- [{title}]({link})<br>{note}" for title, link, note in rows)
    return (f"# {labels('indexes.title')}\n\n{labels('indexes.intro')}\n{{: .editorial }}\n\n"
            f'<div class="doc-index" markdown>\n\n{items}\n\n</div>\n')


def _src(section: Section) -> str:
    """src_uri of the first page under a section."""
    for child in section.children:
        if isinstance(child, Page):
            return child.file.src_uri
        if isinstance(child, Section) and (found := _src(child)):
            return found
    return ""


def _index_order(item) -> tuple[int, str]:
    """Position of an index page in ORDER (the topics section after them), topic pages in vocabulary order."""
    if isinstance(item, Section):
        return (len(ORDER), "")
    src = item.file.src_uri
    if src in ORDER:
        return (ORDER.index(src), "")
    topics = list(_shared.state.vocab.topics)
    name = src.rsplit("/", 1)[-1][:-3]
    return (-1, "") if name == "index" else (topics.index(name) if name in topics else len(topics), name)
