"""Markdown extension for the compilation's own blocks.

``/// remark | ——2017年12月18日，在中央经济工作会议上的讲话`` with an ``id`` option renders a
remark of parts 1 and 4 as ``<figure class="remark" id=…>`` holding the remark's text in a
``<blockquote>`` and its attribution, verbatim, as the ``<figcaption>``, followed there by the
reader's tools (compendium.reader.controls: ¶ permalink, 复制链接, and 复制引文 with the citation the
``cite`` option gives, which the build writes from compendium.reader.remark_citation).

A list whose items all start with ``——`` (the dash items of policy documents) gets the class
``dash-list`` so that it shows its dashes instead of bullets.

Every paragraph (and every item of a tight list) gets a stable id: the anchor it follows — the
numbered heading or run-in head, the remark or the box that holds it — then ``-p`` and its number
there (``s1-2-p3``, ``r-20171218-p1``, ``box-1-p2``; ``p1`` before the first anchor). Citations,
target sentences and "copy a link to this paragraph" point to these ids.

A ``<div class="table-wrap">`` around a rebuilt table becomes a scroll region that a keyboard can
reach, named by the table's caption (compendium.book.tables).
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_html_identifier, type_string

from compendium.book.labels import load_labels
from compendium.book.remarks import attribution_date
from compendium.book.tables import label_table_regions
from compendium.reader.controls import remark_tools

# --- remark block ----------------------------------------------------------------------------


class Remark(Block):
    """A remark with its attribution as a visible citation and a stable anchor id."""

    NAME = "remark"
    ARGUMENT = True
    OPTIONS = {"id": ("", type_html_identifier), "cite": ("", type_string)}

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
        # The attribution closes the remark, as in the book; the reader's tools follow it.
        caption = etree.SubElement(block, "figcaption")
        caption.text = self.argument
        if self.options["id"]:
            labels = load_labels().in_language(self.config.get("lang", "zh"))
            caption.append(remark_tools(self.options["id"], self.options["cite"], labels))


class RemarkExtension(BlocksExtension):
    """Registers the remark block."""

    def __init__(self, *args, **kwargs):
        self.config = {"lang": ["zh", "Language of the labels of the reader's tools (zh or en)"]}
        super().__init__(*args, **kwargs)

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


# --- paragraph ids ---------------------------------------------------------------------------

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Added by the site, not text of the source: no paragraph ids inside.
_SKIP_CLASSES = {"generated", "editorial"}


class ParagraphIdProcessor(Treeprocessor):
    """Numbers paragraphs and tight list items after the anchor they follow (s1-2-p3, r-…-p1)."""

    def run(self, root: etree.Element) -> None:
        self._number(root, {"anchor": "", "count": 0})

    def _number(self, parent: etree.Element, scope: dict) -> None:
        for el in parent:
            classes = set((el.get("class") or "").split())
            if classes & _SKIP_CLASSES or el.tag == "table":
                continue
            if el.tag in _HEADINGS:
                if el.get("id"):
                    scope.update(anchor=el.get("id"), count=0)
            elif el.get("id") and (el.tag == "figure" or "admonition" in classes):
                # A remark or a box: its paragraphs are numbered after it; what follows it is not.
                self._number(el, {"anchor": el.get("id"), "count": 0})
            elif el.tag == "p" or (el.tag == "li" and el.find("p") is None):
                if "admonition-title" in classes or _is_raw_html(el):
                    continue
                head = el[0] if len(el) and not (el.text or "").strip() else None
                if head is not None and head.tag == "strong" and head.get("id"):
                    scope.update(anchor=head.get("id"), count=0)  # a run-in head opens its section
                if not el.get("id"):
                    scope["count"] += 1
                    el.set("id", f"{scope['anchor']}-p{scope['count']}" if scope["anchor"] else f"p{scope['count']}")
                if el.tag == "li":
                    self._number(el, scope)
            else:
                self._number(el, scope)


def _is_raw_html(el: etree.Element) -> bool:
    """A paragraph that only stands for a block of raw HTML (Markdown unwraps it later)."""
    return len(el) == 0 and bool(HTML_PLACEHOLDER_RE.fullmatch((el.text or "").strip()))


# --- table regions ---------------------------------------------------------------------------


class TableRegionPostprocessor(Postprocessor):
    """Names and makes focusable the scroll region of every wrapped table."""

    def run(self, text: str) -> str:
        return label_table_regions(text)


class CompilationExtension(RemarkExtension):
    """The compilation's Markdown: remark blocks, dash lists, paragraph ids and table regions."""

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(DashListProcessor(md), "dash_list", 1)
        # After attr_list (8) has set the written ids; before toc and MkDocs' anchor collection (5), so that
        # links to paragraph ids pass the strict anchor validation.
        md.treeprocessors.register(ParagraphIdProcessor(md), "paragraph_ids", 6)
        # After the raw HTML (priority 30) is back in the page: the tables are raw HTML.
        md.postprocessors.register(TableRegionPostprocessor(md), "table_region", 5)


def makeExtension(**kwargs) -> CompilationExtension:  # noqa: N802 (Markdown's entry point name)
    return CompilationExtension(**kwargs)
