"""What the hooks of one build share (a library for the hooks, not a hook: not listed in mkdocs.yml).

- The parsed documents and the controlled lists: the catalog hook parses every page once
  (on_files) and keeps them here; the other hooks read them instead of parsing again.
- Generated pages: `add_page` puts a page that exists only in the build (an index, the target
  table) into MkDocs' files, so that it is rendered, searched and linked like any other page.
- Published files: `publish` puts a data file (or a booklet) into the built site and records its
  size for the 下载与数据 page (data/downloads.yml describes each one); `add_asset` puts a file the
  pages use (a vendored script) into the site without listing it as a download.

A language edition (mkdocs-static-i18n) builds the site once per language and rebuilds the file
list from docs/ in its own on_files (priority -100), where a file that exists only in memory breaks
it. So a hook adds pages and publishes files in an on_files marked
``@event_priority(_shared.AFTER_I18N)``, and `add_page` puts the page of a non-default language
under that language's folder (en/indexes/timeline.html), with the alternates that the plugin gives
the pages it reads (the language selector links each page to its counterpart).

The language being built (`language`) decides what the hooks write: `labels` in that language,
documents' English titles, the glossary's names. `src_uri` names a page as its Chinese file does
(about.en.md → about.md), so that a hook recognises a page in either language.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from compendium.book.errata import Doubt
from compendium.book.labels import Labels, load_labels
from compendium.book.pages import Document
from compendium.book.vocabulary import Vocabulary
from compendium.english.glossary import Glossary, load_glossary

# Priority of an on_files that adds pages or publishes files: after mkdocs-static-i18n's (-100).
AFTER_I18N = -200


@dataclass
class BuildState:
    """The model of the current build, filled by the catalog hook, read by the others."""

    documents: dict[str, Document] = field(default_factory=dict)  # by path under docs/, book order
    vocab: Vocabulary | None = None
    published: dict[str, int] = field(default_factory=dict)  # site path → size in bytes
    generated: list[str] = field(default_factory=list)  # src_uri of every generated page
    doubts: list[Doubt] = field(default_factory=list)  # values kept as printed, for the 勘误说明 page


state = BuildState()


def reset(vocab: Vocabulary) -> None:
    """Start a new build (mkdocs serve rebuilds in the same process)."""
    global state
    state = BuildState(vocab=vocab)


# --- generated pages -------------------------------------------------------------------------


def add_page(files: Files, config: MkDocsConfig, src_uri: str, markdown: str) -> File:
    """Add a generated Markdown page at `src_uri` (e.g. indexes/timeline.md); replaces a same-named file.

    Each language's build calls it with the page in its language (the hooks render with `labels`).
    In a language edition the page of a non-default language goes to that language's folder
    (en/indexes/timeline.html), and the page learns its copy in every language, as the pages that
    mkdocs-static-i18n reads do: the language selector and the sitemap link them.
    """
    file = File.generated(config, src_uri, content=markdown)
    file.dest_uri = _in_folder(language_folder(config), file.dest_uri)
    if i18n := config.plugins.get("i18n"):
        file.locale = file.locale_alternate_of = language(config)
        file.alternates = {lang: File.generated(config, src_uri, content="") for lang in i18n.build_languages}
        for lang, copy in file.alternates.items():
            copy.dest_uri = _in_folder(language_folder(config, lang), copy.dest_uri)
        i18n.i18n_files_per_language.setdefault(file.locale, []).append(file)
    page = _put(files, file)
    state.generated.append(src_uri)
    return page


def collapse_section(nav: Navigation, landing_src: str) -> Navigation:
    """Make the navigation section holding the page `landing_src` (e.g. targets/index.md) one entry,
    that page: the section's other pages are reached from it, not from every page's navigation."""
    for i, item in enumerate(nav.items):
        if isinstance(item, Section):
            landing = next((c for c in item.children if isinstance(c, Page) and src_uri(c.file) == landing_src), None)
            if landing is not None:
                landing.parent = None
                nav.items[i] = landing
                others = {id(c) for c in item.children if c is not landing}
                nav.pages[:] = [p for p in nav.pages if id(p) not in others]
    return nav


def _in_folder(folder: str, dest_uri: str) -> str:
    return f"{folder}/{dest_uri}" if folder else dest_uri


# --- languages -------------------------------------------------------------------------------


def language(config: MkDocsConfig) -> str:
    """The language being built: mkdocs-static-i18n's current one (zh before it starts), or zh without it."""
    i18n = config.plugins.get("i18n")
    return (i18n.current_language or i18n.default_language) if i18n else "zh"


def site_finished(config: MkDocsConfig) -> bool:
    """True in the post-build step that sees the finished site: always without mkdocs-static-i18n;
    with it, not in the builds of the other languages, which the plugin runs inside the default
    language's on_post_build (priority -100): the default language's later post-build steps run
    after them, on every language's pages. A step that reads the whole built site (the worker's
    manifest, the CSP's script hashes) runs there once instead of once per language."""
    i18n = config.plugins.get("i18n")
    return i18n is None or not i18n.building


def source_maps(config: MkDocsConfig) -> bool:
    """Whether the build keeps Material's stylesheets and scripts as their source maps describe them
    (SOURCE_MAPS=1, mkdocs.yml ``extra.source_maps``): a developer's build."""
    return str(config.extra.get("source_maps", "")).lower() in ("1", "true", "yes")


def language_folder(config: MkDocsConfig, lang: str | None = None) -> str:
    """The folder of a language of the edition (by default the one being built): "" for the default
    language or without mkdocs-static-i18n, else its locale (en)."""
    i18n = config.plugins.get("i18n")
    lang = lang or language(config)
    return "" if i18n is None or lang == i18n.default_language else lang


def labels(config: MkDocsConfig) -> Labels:
    """The interface labels (data/labels.yml) in the language being built."""
    return load_labels(_data(config) / "labels.yml").in_language(language(config))


def glossary(config: MkDocsConfig) -> Glossary:
    """The glossary of recurring terms (data/glossary.yml)."""
    return load_glossary(_data(config) / "glossary.yml")


def src_uri(file: File) -> str:
    """A page's path under docs/ as its Chinese file names it: about.en.md → about.md."""
    return getattr(file, "norm_src_uri", None) or file.src_uri


def _data(config: MkDocsConfig) -> Path:
    """The project's data/ folder (beside mkdocs.yml)."""
    return Path(config.config_file_path).parent / "data"


# --- published files -------------------------------------------------------------------------


def publish(files: Files, config: MkDocsConfig, site_path: str, content: bytes) -> File:
    """Put `content` into the built site at `site_path` (e.g. data/documents.json) and record its size."""
    state.published[site_path] = len(content)
    return _put(files, File.generated(config, site_path, content=content))


def publish_file(files: Files, config: MkDocsConfig, site_path: str, abs_path: str, size: int) -> File:
    """Put a file on disk (a PDF booklet) into the built site at `site_path` and record its size."""
    state.published[site_path] = size
    return _put(files, File.generated(config, site_path, abs_src_path=abs_path))


def add_asset(files: Files, config: MkDocsConfig, site_path: str, abs_path: str | None = None,
              content: bytes | None = None) -> File:
    """Put a file on disk (a vendored script, its licence), or `content` (the site's stylesheet), into
    the built site at `site_path`; an asset of the pages, not a download."""
    if content is not None:
        return _put(files, File.generated(config, site_path, content=content))
    return _put(files, File.generated(config, site_path, abs_src_path=abs_path))


def _put(files: Files, item: File) -> File:
    """Add `item` to the build's files, in place of a file with the same path."""
    if old := files.get_file_from_path(item.src_uri):
        files.remove(old)
    files.append(item)
    return item
