"""MkDocs hook: the documents of the compilation, checked and ordered.

Adapts MkDocs events to the core (compendium.pages): checks every document page's front matter
and anchors before the build (a bad page stops it with file, line and fix), orders the
navigation by part and `order`, titles the parts, and adds the generated parts of pages (the
metadata line above a document, the contents of a part's landing page).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from compendium.errors import PageError
from compendium.pages import Document, load_documents
from compendium.render import meta_line, part_listing, part_title
from compendium.vocabulary import Vocabulary, load_vocabulary

_documents: dict[str, Document] = {}
_vocab: Vocabulary

# Top-level order of the navigation: home, the five parts, then the pages about the edition.
_TOP_ORDER = ["index.md", "part1", "part2", "part3", "part4", "part5", "about.md", "errata.md"]


# --- events ----------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The controlled lists of this project (data/ beside mkdocs.yml).
    global _vocab
    _vocab = load_vocabulary(Path(config.config_file_path).parent / "data" / "vocabulary.yml")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Parse and check every document page once, before anything is rendered.
    try:
        docs = load_documents(Path(config.docs_dir), _vocab)
    except PageError as err:
        raise PluginError(f"Bad page: {err}") from None
    _documents.clear()
    _documents.update({d.path: d for d in docs})
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # Book order: parts by number with their titles, documents by `order`.
    for item in nav.items:
        if isinstance(item, Section):
            number = _part_number(item)
            if number:
                item.title = part_title(_vocab, number)
                item.children.sort(key=_child_order)
    nav.items.sort(key=_top_order)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Generated additions: metadata above a document, the contents of a part's landing page.
    path = page.file.src_uri
    if doc := _documents.get(path):
        return meta_line(doc, _vocab) + markdown
    if path.startswith("part") and path.endswith("/index.md"):
        part = int(path[4])
        return markdown + "\n" + part_listing(list(_documents.values()), part, path)
    return markdown


# --- helpers ---------------------------------------------------------------------------------


def _part_number(section: Section) -> int:
    """Part number of a section, from the folder of its pages (0 if not a part)."""
    for child in section.children:
        if isinstance(child, Page) and child.file.src_uri[:4] == "part":
            return int(child.file.src_uri[4])
    return 0


def _child_order(item) -> tuple[int, int]:
    """Landing page first, then documents by their `order`."""
    if isinstance(item, Page):
        if item.file.src_uri.endswith("index.md"):
            return (0, 0)
        doc = _documents.get(item.file.src_uri)
        return (1, doc.meta.order if doc else 0)
    return (2, 0)


def _top_order(item) -> int:
    """Position of a top-level navigation item in _TOP_ORDER."""
    if isinstance(item, Page):
        key = item.file.src_uri
    else:
        key = f"part{_part_number(item)}"
    return _TOP_ORDER.index(key) if key in _TOP_ORDER else len(_TOP_ORDER)
