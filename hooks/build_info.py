"""MkDocs hook: version and build date, for the footer and the 版本说明 page, in the language built.

The version is the project's (pyproject.toml) plus the commit when built from a git checkout; the
date is today's in UTC, or SOURCE_DATE_EPOCH's for reproducible builds.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import _shared
from compendium.edition.build_info import build_info

MARKER = "<!-- build-info -->"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Templates read config.extra.build (overrides/partials/copyright.html): its footer line is in
    # the language of this build (an edition runs on_config once per language).
    info = build_info()
    config.extra["build"] = {**info, "footer": _shared.labels(config)("build.footer").format(**info)}
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The 版本说明 page states the same version and date in its text.
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, _shared.labels(config)("build.about").format(**config.extra["build"]))
