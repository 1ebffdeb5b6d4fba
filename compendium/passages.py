"""The passages of a page as readers meet them: every element with an id, and its text.

Citations point at the paragraph that holds them and the topic pages quote passages by their
anchor; paragraph ids exist only once the Markdown is rendered (compendium.markdown). So a page
that needs them is rendered once more here, with the site's own Markdown extensions, and read
back: each element with an id (paragraph, list item, heading, remark, table row), its whole text
and its own text (not inside a nested element with an id). Attributions (figcaption), the
page's own 文号 line (.doc-no) and what the site adds (generated, editorial, permalinks) are left
out.
"""
from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString
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
    soup = BeautifulSoup(html, "html.parser")
    order: list = [el for el in soup.find_all(id=True) if not _skipped(el)]
    whole: dict[int, list[str]] = {id(el): [] for el in order}
    own: dict[int, list[str]] = {id(el): [] for el in order}
    for string in soup.find_all(string=True):
        if not isinstance(string, NavigableString) or _skipped(string.parent):
            continue
        nearest = True
        for parent in string.parents:
            if id(parent) in whole:
                whole[id(parent)].append(str(string))
                if nearest:
                    own[id(parent)].append(str(string))
                    nearest = False
    return {el["id"]: Passage(el["id"], el.name, _clean("".join(whole[id(el)])), _clean("".join(own[id(el)])))
            for el in order}


def _skipped(el) -> bool:
    """True inside an attribution, the page's own 文号 line, or what the site adds."""
    node = el
    while node is not None:
        if node.name == "figcaption" or _SKIP_CLASSES & set(node.get("class") or []):
            return True
        node = node.parent
    return False


def _clean(text: str) -> str:
    """Text with its line breaks and layout spaces removed (Chinese text has no spaces)."""
    return " ".join(text.split())
