"""MkDocs hook: the files published for download, and the 下载与数据 page that lists them.

Every file of data/ is published as it is, at the same path in the built site; other hooks publish
what they generate (hooks/_shared.py, `publish`). data/downloads.yml describes each file; the page
docs/downloads.md holds the introduction, and the table replaces its marker ``<!-- downloads-table -->``.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import _shared
from compendium.book.errors import PageError
from compendium.downloads.downloads_page import check_published, load_downloads, render_downloads

MARKER = "<!-- downloads-table -->"


@event_priority(_shared.AFTER_I18N)  # after a language edition has rebuilt the file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The project's data files, published as they are (data/ in the repo → data/ in the site).
    data = Path(config.config_file_path).parent / "data"
    for path in sorted(p for p in data.iterdir() if p.is_file()):
        _shared.publish(files, config, f"data/{path.name}", path.read_bytes())
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The table of published files, checked against their descriptions, in place of the marker.
    if MARKER not in markdown:
        return markdown
    root = Path(config.config_file_path).parent
    try:
        described = load_downloads(root / "data" / "downloads.yml")
        check_published(described, _shared.state.published)
        table = render_downloads(described, _shared.state.published, page.file.url, _shared.labels(config))
    except PageError as err:
        raise PluginError(f"Bad download description: {err}") from None
    return markdown.replace(MARKER, table)
