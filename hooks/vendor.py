"""MkDocs hook: the npm packages' browser scripts that the site serves itself (compendium.hosting.vendored_scripts).

Adds each file from node_modules/, at the version package-lock.json pins, to the site's files
under assets/vendor/<package>/, with its licence.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

import _shared
from compendium.book.errors import PageError
from compendium.hosting.vendored_scripts import vendored_files


@event_priority(_shared.AFTER_I18N)  # after a language edition has rebuilt the file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Copied like any static file of the site.
    try:
        vendored = vendored_files(Path(config.config_file_path).parent)
    except PageError as err:
        raise PluginError(f"Vendored script: {err}") from None
    for v in vendored:
        _shared.add_asset(files, config, v.dest, str(v.src))
    return files
