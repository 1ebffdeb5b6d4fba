"""The passages of a page as readers meet them: every element with an id, and its text.

Citations point at the paragraph that holds them and the topic pages quote passages by their
anchor; paragraph ids exist only once the Markdown is rendered (compendium.markup.extension). So a page
that needs them is rendered once more here, with the site's own Markdown extensions, and read
back: each element with an id (paragraph, list item, heading, remark, table row), its whole text
and its own text (not inside a nested element with an id). Attributions (figcaption), the
page's own 文号 line (.doc-no) and what the site adds (generated, editorial, permalinks) are left
out.
"""
from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag
from markdown import Markdown

_SKIP_CLASSES = {"generated", "editorial", "headerlink", "doc-no"}


@dataclass(frozen=True)
class Passage:
    """An element with an id: its tag, its whole text and its own text."""

    id: str
    tag: str
    text: str
    own: str


def render(markdown_text: str, md: Markdown) -> str:
    """HTML of a page body, rendered by `md` (a Markdown built with the site's extensions)."""
    md.reset()
    return md.convert(markdown_text)


def passages(html: str) -> dict[str, Passage]:
    """Every element with an id in `html`, in document order, with its whole and own text."""
    found: list[tuple[Tag, list[str], list[str]]] = []

    def walk(node: Tag, owners: list[tuple[Tag, list[str], list[str]]]) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if owners and type(child) is NavigableString:
                    for _, whole, _ in owners:
                        whole.append(str(child))
                    owners[-1][2].append(str(child))
            elif isinstance(child, Tag) and not _skipped(child):
                if child.get("id"):
                    found.append(entry := (child, [], []))
                    walk(child, owners + [entry])
                else:
                    walk(child, owners)

    walk(BeautifulSoup(html, "html.parser"), [])
    return {el["id"]: Passage(el["id"], el.name, _clean("".join(whole)), _clean("".join(own)))
            for el, whole, own in found}


def _skipped(el: Tag) -> bool:
    """True for an attribution, the page's own 文号 line, or what the site adds."""
    return el.name == "figcaption" or bool(_SKIP_CLASSES & set(el.get("class") or []))


def _clean(text: str) -> str:
    """Text with its line breaks and layout spaces removed (Chinese text has no spaces)."""
    return " ".join(text.split())
