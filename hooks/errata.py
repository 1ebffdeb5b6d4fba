"""MkDocs hook: the errata, checked against the source and the pages, shown on the 勘误说明 page.

The page docs/errata.md (and its English, errata.en.md) holds the introduction; the table is
rendered from data/errata.yml in place of the marker ``<!-- errata-table -->``, and the doubtful
values kept as printed (collected by the targets hook into the shared build state) in place of
``<!-- doubtful-values -->``, in the page's language.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import _shared
from compendium.book.errata import Correction, check_errata, load_errata, page_titles, render_doubts, render_errata
from compendium.book.errors import PageError

MARKER = "<!-- errata-table -->"
DOUBTS_MARKER = "<!-- doubtful-values -->"
_errata: list[Correction] = []


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Every entry must match its source line and its page, or the build stops.
    root = Path(config.config_file_path).parent
    try:
        _errata[:] = load_errata(root / "data" / "errata.yml")
        check_errata(_errata, root / "source" / "compilation.txt", Path(config.docs_dir))
    except PageError as err:
        raise PluginError(f"Bad errata entry: {err}") from None
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Replace the marker on the errata page with the rendered table.
    if MARKER not in markdown:
        return markdown
    labels = _shared.labels(config)
    titles = page_titles(_errata, Path(config.docs_dir), labels.lang)
    markdown = markdown.replace(DOUBTS_MARKER, render_doubts(_shared.state.doubts, labels))
    return markdown.replace(MARKER, render_errata(_errata, titles, labels))
