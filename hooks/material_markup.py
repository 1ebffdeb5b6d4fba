"""MkDocs hook: Material's own markup repaired where no template override reaches it.

Every built page, the 404 page included, goes through compendium.reader.material_markup (written against
mkdocs-material 9.8.2; see there what is repaired and why).
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from compendium.reader.material_markup import repair_material_markup


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Pages rendered from Markdown, generated pages included.
    return repair_material_markup(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # Pages rendered from a theme template alone: 404.html (sitemap.xml is not HTML).
    return repair_material_markup(output_content) if template_name.endswith(".html") else output_content
