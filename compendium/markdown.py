"""Markdown extension for the compilation's own blocks.

``/// remark | ——2017年12月18日，在中央经济工作会议上的讲话`` with an ``id`` option renders a
remark of parts 1 and 4 as ``<figure class="remark" id=…>`` holding the remark's text in a
``<blockquote>`` and its attribution, verbatim, as the ``<figcaption>``.

A list whose items all start with ``——`` (the dash items of policy documents) gets the class
``dash-list`` so that it shows its dashes instead of bullets.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_html_identifier

from compendium.remarks import attribution_date

# --- remark block ----------------------------------------------------------------------------


class Remark(Block):
    """A remark with its attribution as a visible citation and a stable anchor id."""

    NAME = "remark"
    ARGUMENT = True
    OPTIONS = {"id": ("", type_html_identifier)}

    def on_create(self, parent: etree.Element) -> etree.Element:
        # The figure carries the anchor and the date the attribution gives, for later indexes.
        attrs = {"class": "remark", "id": self.options["id"]}
        if date := attribution_date(self.argument):
            attrs["data-date"] = date
        figure = etree.SubElement(parent, "figure", attrs)
        etree.SubElement(figure, "blockquote")
        return figure

    def on_add(self, block: etree.Element) -> etree.Element:
        # The remark's paragraphs go into the blockquote.
        return block[0]

    def on_end(self, block: etree.Element) -> None:
        # The attribution closes the remark, as in the book.
        caption = etree.SubElement(block, "figcaption")
        caption.text = self.argument


class RemarkExtension(BlocksExtension):
    """Registers the remark block."""

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        block_mgr.register(Remark, self.getConfigs())


# --- dash lists ------------------------------------------------------------------------------


class DashListProcessor(Treeprocessor):
    """Marks lists whose items all start with —— so that CSS hides their bullets."""

    def run(self, root: etree.Element) -> None:
        for ul in root.iter("ul"):
            items = [li for li in ul if li.tag == "li"]
            if items and all("".join(li.itertext()).startswith("——") for li in items):
                ul.set("class", (ul.get("class", "") + " dash-list").strip())


class CompilationExtension(RemarkExtension):
    """The compilation's Markdown: remark blocks and dash lists."""

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(DashListProcessor(md), "dash_list", 1)


def makeExtension(**kwargs) -> CompilationExtension:  # noqa: N802 (Markdown's entry point name)
    return CompilationExtension(**kwargs)
