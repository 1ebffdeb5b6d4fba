"""The reader's controls on a page: a remark's permalink and copy buttons, the text-size menu,
the link tool of a paragraph and the 已复制 notice, with their labels from data/labels.yml.

Everything here is markup added by the site, not text of the source: it carries the class
``generated`` (the fidelity check leaves it out), ``data-search-exclude`` (Material's search
leaves it out) and, on what a reader clicks, ``reader-control`` (never selected or copied with
the text: see extra.css). Buttons that need the script carry ``reader-js-only``: without
JavaScript they are hidden and only the permalinks show. The script is
docs/assets/javascripts/reader.js; it only copies what the build wrote here.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from compendium.book.labels import Labels

# Text sizes the reader can choose, smallest first; "normal" is the site's own size.
TEXT_SIZES = ("small", "normal", "large", "xlarge")
_SKIP = {"class": "generated", "data-search-exclude": ""}


# --- a remark's tools ------------------------------------------------------------------------


def remark_tools(anchor: str, cite: str, labels: Labels) -> etree.Element:
    """¶ permalink, 复制链接 and (where the build knows the citation) 复制引文, for one remark."""
    tools = etree.Element("span", {**_SKIP, "class": "remark-tools generated"})
    _permalink(tools, anchor, labels("reader.remark_link"))
    _button(tools, labels("reader.copy_link"), {"data-copy": "link"})
    if cite:
        _button(tools, labels("reader.copy_cite"), {"data-copy": "cite", "data-cite": cite})
    return tools


# --- the controls the script places on every page --------------------------------------------


def page_controls(labels: Labels) -> str:
    """A <template> with the text-size menu, the paragraph link tool and the notice, as HTML."""
    template = etree.Element("template", {**_SKIP, "id": "reader-ui"})

    size = etree.SubElement(template, "div", {"class": "reader-size generated"})
    _button(size, labels("reader.text_size"), {"class": "reader-size__toggle", "aria-expanded": "false",
                                               "aria-controls": "reader-size-menu"}, js_only=False)
    menu = etree.SubElement(size, "div", {"class": "reader-size__menu", "id": "reader-size-menu", "role": "group",
                                          "aria-label": labels("reader.text_size"), "hidden": "hidden"})
    for name in TEXT_SIZES:
        _button(menu, labels(f"reader.size_{name}"), {"data-size": name, "aria-pressed": "false"}, js_only=False)

    para = etree.SubElement(template, "span", {"class": "para-tools generated"})
    _permalink(para, "", labels("reader.paragraph_link"))
    _button(para, labels("reader.copy_link"), {"data-copy": "link"}, js_only=False)

    etree.SubElement(template, "div", {"class": "reader-notice generated", "role": "status",
                                       "data-copied": labels("reader.copied"),
                                       "data-failed": labels("reader.copy_failed")})
    return etree.tostring(template, encoding="unicode", method="html")


# --- helpers ---------------------------------------------------------------------------------


def _permalink(parent: etree.Element, anchor: str, name: str) -> etree.Element:
    """A visible ¶ link to `anchor` (set by the script where empty), named for screen readers."""
    link = etree.SubElement(parent, "a", {"class": "reader-control permalink", "href": f"#{anchor}",
                                          "title": name, "aria-label": name})
    link.text = "¶"
    return link


def _button(parent: etree.Element, text: str, attrs: dict[str, str], js_only: bool = True) -> etree.Element:
    """A button with `text`; `js_only` hides it where the script does not run."""
    classes = " ".join(c for c in ("reader-control", "reader-js-only" if js_only else "", attrs.get("class")) if c)
    button = etree.SubElement(parent, "button", {"type": "button", **attrs, "class": classes})
    button.text = text
    return button
