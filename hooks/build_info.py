"""MkDocs hook: version and build date, for the footer and the 版本说明 page.

The version is the project's (pyproject.toml) plus the commit when built from a git checkout; the
date is today's in UTC, or SOURCE_DATE_EPOCH's for reproducible builds.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from compendium.buildinfo import build_info

MARKER = "<!-- build-info -->"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Templates read config.extra.build (overrides/partials/copyright.html).
    config.extra["build"] = build_info()
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The 版本说明 page states the same version and date in its text.
    if MARKER not in markdown:
        return markdown
    b = config.extra["build"]
    return markdown.replace(MARKER, f"版本 **{b['version']}**，构建日期 **{b['date']}**。")
