"""MkDocs hook: what every page loads, in as few and as small files as can be.

- The site's own stylesheets (mkdocs.yml ``extra_css``: the colours, the reading layout, the
  indexes, the English edition, 我的学习), kept apart in docs/assets/stylesheets/ by what they
  style, are served as one file, assets/stylesheets/site.css, in the order mkdocs.yml lists them.
- The site's own scripts of every page (``extra_javascript``: the search box on a phone, offline
  reading, 我的学习's progress) likewise as assets/javascripts/site.js, each in a function of its
  own, so that what one declares stays its own as when it was a file.
- Material's stylesheets lose the rules no page of the site can match
  (compendium.hosting.unused_css): once on the finished site (every language built), before the
  service worker's manifest and the nginx configuration are written from it. A build with source
  maps (SOURCE_MAPS=1) keeps them whole, as their maps describe them.

One request for each instead of one per file: on a phone's slow network every request costs a
round trip, and the browser's first paint waits for those the page names before it.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

import _shared

from compendium.hosting.unused_css import trim_site

SITE_CSS = "assets/stylesheets/site.css"
SITE_JS = "assets/javascripts/site.js"
_sources: dict[str, list[str]] = {SITE_CSS: [], SITE_JS: []}  # mkdocs.yml's lists, in order


# --- events ----------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Pages link the one stylesheet and the one script; what they are made of is kept for on_files.
    if [str(p) for p in config.extra_css] != [SITE_CSS]:
        _sources[SITE_CSS] = [str(p) for p in config.extra_css]
        config.extra_css = [SITE_CSS]
    if [str(s) for s in config.extra_javascript] != [SITE_JS]:
        if any(not isinstance(s, str) and (s.type or s.defer or s.async_) for s in config.extra_javascript):
            raise PluginError("Scripts: extra_javascript in mkdocs.yml lists plain scripts only (site.js is one "
                              "classic script); load a module, deferred or async script from its page instead.")
        _sources[SITE_JS] = [str(s) for s in config.extra_javascript]
        config.extra_javascript = [ExtraScriptValue(SITE_JS)]
    return config


@event_priority(_shared.AFTER_I18N)  # after a language edition has rebuilt the file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # site.css and site.js in place of the files they are made of, each part under its source's name.
    for bundle, sources in _sources.items():
        parts = []
        for path in sources:
            file = files.get_file_from_path(path)
            if file is None:
                raise PluginError(f"Bundles: docs/{path}, listed in mkdocs.yml, is missing.")
            parts.append(_part(path, file.content_string.strip()))
            files.remove(file)
        _shared.add_asset(files, config, bundle, content="\n".join(parts).encode("utf-8"))
    return files


@event_priority(-150)  # after mkdocs-static-i18n built the other languages (-100), before the manifest (-200)
def on_post_build(config: MkDocsConfig) -> None:
    # Trim Material's main and palette stylesheets to the rules the pages and scripts can use.
    if _shared.site_finished(config) and not _shared.source_maps(config):
        trim_site(Path(config.site_dir))


# --- helpers ---------------------------------------------------------------------------------


def _part(path: str, text: str) -> str:
    """One source file's part of a bundle: a script in a function of its own (its "use strict" and
    its names stay its own), a stylesheet as it is."""
    if path.endswith(".js"):
        return f"/* {path} */\n(function () {{\n{text}\n}})();\n"
    return f"/* {path} */\n{text}\n"
