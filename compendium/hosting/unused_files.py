"""Files of a build that no page loads or links to, left out of the built site (and so of the
release zip and the service worker's manifest).

- Material's own search: the lunr scripts and its search worker; the site searches with its own
  worker and index (compendium.search), so a reader never loads them.
- Source maps (``*.map``) of Material's bundle and stylesheets, for a developer's browser tools;
  kept when the build asks for them (``SOURCE_MAPS=1``, mkdocs.yml ``extra.source_maps``).
- Material's own icon, when the site names another (mkdocs.yml ``theme.favicon``).
- The sitemaps, when the build has no site_url: MkDocs then writes ``None`` where each page's
  address should be, so they would only mislead.
"""
from __future__ import annotations

# Theme files under these paths are Material's search, which the site replaces.
MATERIAL_SEARCH = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
MATERIAL_FAVICON = "assets/images/favicon.png"
SOURCE_MAP = ".map"
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def unused(path: str, source_maps: bool = False, favicon: str = MATERIAL_FAVICON) -> bool:
    """Whether a file of the build at site path `path` is one no page loads or links to, when the
    pages name `favicon` as their icon."""
    if path.startswith(MATERIAL_SEARCH) or (path == MATERIAL_FAVICON and favicon != MATERIAL_FAVICON):
        return True
    return path.endswith(SOURCE_MAP) and not source_maps


def stale_sitemaps(site_url: str | None) -> tuple[str, ...]:
    """The sitemaps to leave out: all of them when the build has no site_url to write in them."""
    return SITEMAPS if not site_url else ()
