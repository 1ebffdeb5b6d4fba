"""MkDocs hook: the stylesheets a phone downloads with its first page, as few and as small as they can be.

- The site's own stylesheets (mkdocs.yml ``extra_css``: the colours, the reading layout, the
  indexes, the English edition, …), kept apart in docs/assets/stylesheets/ by what they style, are
  served as one file, assets/stylesheets/site.css, in the order mkdocs.yml lists them: one request
  instead of one each.
- Material's stylesheets lose the rules no page of the site can match
  (compendium.hosting.unused_css): once on the finished site (every language built), before the
  service worker's manifest and the nginx configuration are written from it. A build with source
  maps (SOURCE_MAPS=1) keeps them whole, as their maps describe them.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

import _shared

from compendium.hosting.unused_css import trim_site


SITE_CSS = "assets/stylesheets/site.css"
_sources: list[str] = []  # mkdocs.yml's extra_css, in order


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Pages link the one stylesheet; the ones it is made of are remembered for on_files.
    if list(config.extra_css) != [SITE_CSS]:
        _sources[:] = [str(path) for path in config.extra_css]
        config.extra_css = [SITE_CSS]
    return config


@event_priority(_shared.AFTER_I18N)  # after a language edition has rebuilt the file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # site.css in place of the stylesheets it is made of, each under a comment naming its source.
    parts = []
    for path in _sources:
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"Stylesheets: docs/{path}, listed under extra_css in mkdocs.yml, is missing.")
        parts.append(f"/* {path} */\n{file.content_string.strip()}\n")
        files.remove(file)
    _shared.add_asset(files, config, SITE_CSS, content="\n".join(parts).encode("utf-8"))
    return files


@event_priority(-150)  # after mkdocs-static-i18n built the other languages (-100), before the manifest (-200)
def on_post_build(config: MkDocsConfig) -> None:
    # Trim Material's main and palette stylesheets to the rules the pages and scripts can use.
    if _shared.site_finished(config) and not _shared.source_maps(config):
        trim_site(Path(config.site_dir))
