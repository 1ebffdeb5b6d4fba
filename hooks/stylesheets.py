"""MkDocs hook: Material's stylesheets without the rules no page of the site can match
(compendium.hosting.unused_css), so that a phone's first page downloads only the styles the site uses.

Runs once on the finished site (every language built), before the service worker's manifest and the
nginx configuration are written from it. A build with source maps (SOURCE_MAPS=1) keeps the
stylesheets whole, as their maps describe them.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

import _shared

from compendium.hosting.unused_css import trim_site


@event_priority(-150)  # after mkdocs-static-i18n built the other languages (-100), before the manifest (-200)
def on_post_build(config: MkDocsConfig) -> None:
    # Trim Material's main and palette stylesheets to the rules the pages and scripts can use.
    if _shared.site_finished(config) and not _shared.source_maps(config):
        trim_site(Path(config.site_dir))
