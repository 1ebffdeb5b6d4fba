"""MkDocs hook: the nginx configuration of this build, written into the built site at deploy/nginx.conf;
and the files no page loads or links to left out of the site (compendium.hosting.unused_files).

Runs after every page and every other post-build step (lowest priority), because the
Content-Security-Policy lists the hashes of the inline scripts of the finished pages
(compendium.hosting.csp); the template is deploy/nginx.conf.in, rendered by compendium.hosting.nginx for the server
path of site_url ("/" when none is set; SITE_URL=https://host/xuexi/ builds for a sub-path).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

import _shared

from compendium.book.errors import PageError
from compendium.hosting.csp import policy, site_script_hashes
from compendium.hosting.nginx import SITE_PATH, TEMPLATE, render, url_prefix
from compendium.hosting.unused_files import stale_sitemaps, unused


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # A site_url whose path nginx cannot serve as written stops the build before anything is built.
    try:
        url_prefix(config.site_url)
    except PageError as err:
        raise PluginError(f"Bad site_url: {err}") from None
    return config


@event_priority(_shared.AFTER_I18N)  # after a language edition has rebuilt the file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Material's search, its icon (the site has its own) and source maps (unless asked for) are not
    # copied into the site.
    favicon = str(config.theme["favicon"])
    for file in [f for f in files if unused(f.dest_uri, _shared.source_maps(config), favicon)]:
        files.remove(file)
    return files


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not _shared.site_finished(config):
        return  # a language built inside another's post-build step: the outer one writes it
    site = Path(config.site_dir)
    for name in stale_sitemaps(config.site_url):
        (site / name).unlink(missing_ok=True)
    build = config.extra["build"]
    try:
        text = render(TEMPLATE.read_text(encoding="utf-8"), version=build["version"], date=build["date"],
                      prefix=url_prefix(config.site_url), csp=policy(site_script_hashes(site)))
    except PageError as err:
        raise PluginError(f"Bad nginx template: {err}") from None
    out = site / SITE_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
