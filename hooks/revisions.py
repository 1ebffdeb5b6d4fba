"""MkDocs hook: the 修订记录 of the 版本说明 page, from data/revisions.yml (compendium.edition.revisions),
and the documents added after the print, by edition (compendium.edition.additions).

The record is checked when the build starts: a version of the site without an entry stops it; a
document beyond the print must name an edition of the record (on_files, after the catalog hook has
parsed the pages). The table replaces the marker ``<!-- revisions -->`` of docs/about.md (and
about.en.md, in English), the list of additions the marker ``<!-- additions -->``.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import _shared

from compendium.book.errors import PageError
from compendium.edition.additions import check_additions, render_additions
from compendium.edition.revisions import check_current, load_revisions, render_revisions

MARKER = "<!-- revisions -->"
ADDITIONS = "<!-- additions -->"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Runs after hooks/build_info.py (listed before it), which puts the version in config.extra.
    try:
        check_current(load_revisions(_data(config) / "revisions.yml"), config.extra["build"]["version"])
    except PageError as err:
        raise PluginError(f"Bad revision record: {err}") from None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Every document beyond the print names an edition of the record.
    try:
        check_additions(list(_shared.state.documents.values()), load_revisions(_data(config) / "revisions.yml"),
                        Path(config.docs_dir))
    except PageError as err:
        raise PluginError(f"Bad page: {err}") from None
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if ADDITIONS in markdown:
        markdown = markdown.replace(ADDITIONS, render_additions(list(_shared.state.documents.values()),
                                                                _shared.labels(config)))
    if MARKER not in markdown:
        return markdown
    try:
        table = render_revisions(load_revisions(_data(config) / "revisions.yml"), _shared.labels(config))
    except PageError as err:
        raise PluginError(f"Bad revision record: {err}") from None
    return markdown.replace(MARKER, table)


def _data(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "data"
