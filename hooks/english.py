"""MkDocs hook: the English edition's document pages, and what changes with the language built.

The edition is mkdocs-static-i18n's (mkdocs.yml): Chinese at the root, English under en/, each
language built in turn. A document has no English Markdown: in the English build the plugin falls
back to the Chinese page, which keeps its URL under en/, its anchors and everything the other
hooks add to it; this hook sets the English title and summary above it (compendium.english.document_page).

- on_config: what mkdocs-static-i18n cannot set per language: Markdown settings (the title of
  the ¶ permalinks, the labels of the remarks' tools), the theme's 404 page (written once, by the
  default language, at the root).
- on_files: every document's English title and summary checked against its Chinese original,
  and every issuer given its English in the glossary, in every build (the Chinese build fails as
  the English one would).
- on_page_markdown: an English document page is titled in English (navigation, <title>, search).
- on_page_content: its English header above the Chinese original, before other hooks read the
  content (the search index must see the original marked).
- on_post_page: English pages' own markup marked by language once every hook has added its part.
- on_template_context: the 404 page's language selector points at the two home pages.
"""
from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import _shared
from compendium.book.errors import PageError
from compendium.book.formatting import issuer_names, meta_line
from compendium.book.frontmatter import read_front_matter
from compendium.english.document_page import check_english, english_header, english_page, mark_languages

NOT_FOUND = "404.html"


# --- events ----------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Markdown settings are one for all languages in mkdocs.yml: the ¶ permalinks' title and the
    # labels of the reader's tools on remarks follow this build's language.
    labels = _shared.labels(config)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels("page.permalink")
    config.mdx_configs.setdefault("compendium.markup.extension", {})["lang"] = labels.lang
    # Every language's build would write the theme's 404.html at the site root: only the default's does.
    if _shared.language_folder(config):
        config.theme.static_templates.discard(NOT_FOUND)
    else:
        config.theme.static_templates.add(NOT_FOUND)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # After hooks/catalog.py has parsed the documents: their English, checked before any page is built.
    docs_dir, state = Path(config.docs_dir), _shared.state
    glossary, en = _shared.glossary(config), _shared.labels(config).in_language("en")
    try:
        for doc in state.documents.values():
            body = read_front_matter(docs_dir, doc.path).body
            check_english(doc, body, glossary)
            issuer_names(doc, en, glossary)
    except PageError as err:
        raise PluginError(f"Bad English edition: {err.in_step('english')}") from None
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # An English document page bears its English title wherever MkDocs and the theme name it.
    if (doc := _document(page, config)) is not None:
        page.meta["title"] = doc.meta.title_en
    return markdown


@event_priority(50)  # before the hooks that read a page's content (the search index)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # An English document page: its English header, then the Chinese original as the Chinese page has it.
    if (doc := _document(page, config)) is None:
        return html
    labels, state = _shared.labels(config), _shared.state
    meta = meta_line(doc, state.vocab, labels, _shared.glossary(config))
    return english_page(html, english_header(doc, meta, labels))


@event_priority(-50)  # after every hook has added its part to the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not _shared.language_folder(config):
        return output
    return mark_languages(output, document=_document(page, config) is not None)


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    # A theme page (404) has no counterpart: its language selector names the edition's home pages.
    i18n = config.plugins.get("i18n")
    if i18n is not None and template_name == NOT_FOUND and i18n.extra_alternate:
        config.extra["alternate"] = deepcopy(i18n.extra_alternate)
    return context


# --- helpers ---------------------------------------------------------------------------------


def _document(page: Page, config: MkDocsConfig):
    """The document shown on `page` when it is built in a language other than Chinese, else None."""
    if _shared.labels(config).lang == "zh":
        return None
    return _shared.state.documents.get(_shared.src_uri(page.file))
