"""MkDocs hook: the documents of the compilation, checked and ordered.

Adapts MkDocs events to the core (compendium.book.pages): checks every document page's front matter
and anchors before the build (a bad page stops it with file, line and fix), orders the
navigation by part and `order`, titles the parts, and adds the generated parts of pages (the
metadata line above a document, the note above a document added after the print, the contents of a
part's landing page, the home page's counts of parts and documents), in the language being
built (an English document page gets its metadata line from hooks/english.py).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

import _shared
from compendium.book.errors import PageError
from compendium.book.formatting import added_note, document_counts, meta_line, part_listing, part_title
from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary

# Top-level order of the navigation: home, the five parts, the generated indexes and the target
# table, then the pages about the edition (folders by name, pages by their Chinese file).
_TOP_ORDER = ["index.md", "part1", "part2", "part3", "part4", "part5", "indexes", "targets", "quiz", "downloads.md",
              "about.md", "errata.md"]
# The home page's marker for its counts of parts and documents, computed from the pages.
COUNTS = "<!-- document-counts -->"
# Labels of the titles of the top-level folders that are not parts.
_SECTION_TITLES = {"indexes": "indexes.title"}


# --- events ----------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # A new build: the controlled lists of this project (data/ beside mkdocs.yml), nothing else yet.
    _shared.reset(load_vocabulary(Path(config.config_file_path).parent / "data" / "vocabulary.yml"))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Parse and check every document page once, before anything is rendered.
    try:
        docs = load_documents(Path(config.docs_dir), _shared.state.vocab)
    except PageError as err:
        raise PluginError(f"Bad page: {err}") from None
    _shared.state.documents = {d.path: d for d in docs}
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # Book order: parts by number with their titles, documents by `order`, in the build's language.
    labels = _shared.labels(config)
    for item in nav.items:
        if isinstance(item, Section):
            folder = _folder(item)
            if folder.startswith("part"):
                item.title = part_title(_shared.state.vocab, int(folder[4:]), labels)
                item.children.sort(key=_child_order)
            elif folder in _SECTION_TITLES:
                item.title = labels(_SECTION_TITLES[folder])
    nav.items.sort(key=_top_order)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Generated additions: metadata above a document (Chinese edition), the contents of a part's
    # landing page (in the build's language).
    path, state, labels = _shared.src_uri(page.file), _shared.state, _shared.labels(config)
    if doc := state.documents.get(path):
        note = added_note(doc, labels)
        return meta_line(doc, state.vocab, labels) + note + markdown if labels.lang == "zh" else note + markdown
    if COUNTS in markdown:
        return markdown.replace(COUNTS, document_counts(list(state.documents.values()), state.vocab, labels))
    if path.startswith("part") and path.endswith("/index.md"):
        part = int(path[4])
        return markdown + "\n" + part_listing(list(state.documents.values()), part, path, labels)
    return markdown


# --- helpers ---------------------------------------------------------------------------------


def _folder(section: Section) -> str:
    """Top-level folder of a section (part1 … part5, indexes), from the path of its first page."""
    for child in section.children:
        if isinstance(child, Page) and "/" in child.file.src_uri:
            return _shared.src_uri(child.file).split("/", 1)[0]
    return ""


def _child_order(item) -> tuple[int, int]:
    """Landing page first, then documents by their `order`."""
    if isinstance(item, Page):
        if _shared.src_uri(item.file).endswith("index.md"):
            return (0, 0)
        doc = _shared.state.documents.get(_shared.src_uri(item.file))
        return (1, doc.meta.order if doc else 0)
    return (2, 0)


def _top_order(item) -> int:
    """Position of a top-level navigation item in _TOP_ORDER."""
    key = _shared.src_uri(item.file) if isinstance(item, Page) else _folder(item)
    return _TOP_ORDER.index(key) if key in _TOP_ORDER else len(_TOP_ORDER)
