"""The search index: a page's rendered HTML cut into sections, written as one index per language.

The site's own search engine (docs/assets/javascripts/search-engine.js) reads this index; it does
the matching in the browser, where the query is known. Here the pages are only cut into the
places a result can link to, each with its title and its words as shown on the page:

  the page itself      its title, 文号, and the text before its first section
  headings             h2–h6 with an id: their text up to the next section
  run-in heads         <p><strong id="s1-1">（一）…。</strong>…: the rest of their paragraph
  remarks              <figure class="remark" id="r-…">: the attribution is the title
  boxes                专栏 (an admonition with an id): its title and text
  tables and rows      <table id="tab-1">: its caption; <tr id="tab-1-r3">: the first cell is the
                       title, the other cells the text

Text the site generates (class `generated`), text marked ``data-search-exclude`` (the Chinese
original shown on a page of the English edition: it is searched once, in the Chinese edition) and
the ¶ permalinks are left out; zero-width characters are removed, so that nothing copied from a
result carries them.

Material's search plugin indexes no page (hooks/search.py excludes them all from it): its
search/search_index.json, which its bundle fetches on every page view, is a stub of a few hundred
bytes (its configuration, no documents). The worker learns where its index is from its own URL,
which overrides/main.html writes into Material's configuration: worker_url().
"""
from __future__ import annotations

import json
import posixpath
import re
from urllib.parse import quote
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

from compendium.book.pages import is_document_path

# Characters that show nothing: zero-width space, non-joiner, joiner, word joiner, BOM.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")
# Blocks whose content is a section of its own; content after them goes back to the heading.
_BLOCK_SECTION = ("figure", "div", "table")
# The documents rank first; a part's landing page (its title and introduction) next; the pages
# about the edition (home, 版本说明, 勘误说明, which quote words of the documents) last.
PART_PAGE_WEIGHT = 0.6
EDITION_PAGE_WEIGHT = 0.3
# The indexes (索引: timelines, 文件索引, 引用关系, 主题对照) quote the documents' words: below the
# documents they quote, and below the pages about the edition.
INDEX_PAGE_WEIGHT = 0.15


@dataclass
class Section:
    """A place a result can link to: anchor ("" for the page itself), title and text."""

    anchor: str
    title: str
    text: list[str] = field(default_factory=list)

    def as_row(self) -> list[str]:
        """[anchor, title, text] as written into the index."""
        return [self.anchor, self.title, "\n".join(t for t in self.text if t)]


@dataclass(frozen=True)
class SearchPage:
    """One page of the index: URL, title, 文号 (or ""), weight, and its sections in page order."""

    url: str
    title: str
    doc_no: str
    weight: float
    sections: list[Section]


# --- text --------------------------------------------------------------------------------------


def clean(text: str) -> str:
    """Text as shown: zero-width characters removed, runs of white space as one space, trimmed."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def _text(el: Tag | NavigableString) -> str:
    """The visible words of an element (line breaks inside it join without a space)."""
    if isinstance(el, NavigableString):
        return clean(str(el))
    return clean(el.get_text(""))


# --- cutting a page into sections --------------------------------------------------------------


def page_sections(html: str, title: str) -> list[Section]:
    """The sections of a page's rendered content, the page itself first."""
    soup = BeautifulSoup(html, "html.parser")
    for el in soup.select(".generated, a.headerlink, [data-search-exclude]"):
        el.decompose()
    page = Section("", clean(title))
    sections = [page]
    sink = page  # where running text goes: the page, or the last heading or run-in head
    for el in soup.children:
        if isinstance(el, NavigableString):
            sink.text.append(_text(el))
            continue
        if not isinstance(el, Tag) or el.name == "h1":
            continue
        if re.fullmatch(r"h[2-6]", el.name) and el.get("id"):
            sink = Section(el["id"], _text(el))
            sections.append(sink)
        elif el.name == "p" and (head := _run_in_head(el)):
            sink = Section(head.get("id"), _text(head))
            sections.append(sink)
            head.extract()
            sink.text.append(_text(el))
        elif blocks := _block_sections(el):
            sections.extend(blocks)
        else:
            sink.text.append(_text(el))
    return sections


def _run_in_head(p: Tag) -> Tag | None:
    """The <strong id> that opens a paragraph (a run-in head), if any."""
    first = next((c for c in p.children if not (isinstance(c, NavigableString) and not c.strip())), None)
    return first if isinstance(first, Tag) and first.name == "strong" and first.get("id") else None


def _block_sections(el: Tag) -> list[Section]:
    """Sections of a remark, a box or a rebuilt table (with its rows); [] for other elements."""
    if el.name not in _BLOCK_SECTION:
        return []
    if el.name == "figure" and "remark" in el.get("class", []) and el.get("id"):
        caption = el.find("figcaption")
        title = _text(caption) if caption else ""
        if caption:
            caption.extract()
        return [Section(el["id"], title, [_text(el)])]
    if el.name == "div" and "admonition" in el.get("class", []) and el.get("id"):
        head = el.find(class_="admonition-title")
        title = _text(head) if head else ""
        if head:
            head.extract()
        return [Section(el["id"], title, [_text(el)])]
    table = el if el.name == "table" else el.find("table")
    if table is None or not table.get("id"):
        return []
    caption = table.find("caption")
    rows = []
    for tr in table.find_all("tr"):
        cells = [_text(c) for c in tr.find_all(["th", "td"])]
        if tr.get("id") and cells:
            rows.append(Section(tr["id"], cells[0], [" ".join(cells[1:])]))
    return [Section(table["id"], _text(caption) if caption else "", [])] + rows


# --- the index and the stub ---------------------------------------------------------------------


def page_weight(src_uri: str) -> float:
    """How much a page's matches count, by what the page is (its path under docs/)."""
    if is_document_path(src_uri):
        return 1.0
    if src_uri.startswith("indexes/"):
        return INDEX_PAGE_WEIGHT
    return PART_PAGE_WEIGHT if re.fullmatch(r"part\d/index\.md", src_uri) else EDITION_PAGE_WEIGHT


def search_page(url: str, title: str, html: str, doc_no: str = "", weight: float = 1.0) -> SearchPage:
    """A page of the index from its URL, title, 文号 and rendered content."""
    return SearchPage(url, clean(title), clean(doc_no), weight, page_sections(html, title))


def index_data(pages: list[SearchPage], lang: str) -> dict:
    """The index of one language as data: pages with [anchor, title, text] sections."""
    return {"lang": lang, "pages": [
        {"u": p.url, "t": p.title, "n": p.doc_no, "w": p.weight, "s": [s.as_row() for s in p.sections]}
        for p in pages
    ]}


INDEX_GLOBAL = "__compendiumSearchIndex"


def index_script(data: dict) -> str:
    """The index as a script that the worker loads with importScripts (also from file://)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"self.{INDEX_GLOBAL}={body};\n"


def index_path(lang: str) -> str:
    """Where a language's index goes, relative to the site root."""
    return f"search/index.{lang}.js"


WORKER_PATH = "assets/javascripts/search-worker.js"  # what Material's bundle starts on every page
ENGINE_PATH = "assets/javascripts/search-engine.js"  # what the worker loads with the first query


def worker_url(lang: str, version: str) -> str:
    """The worker's URL from the site root, naming the engine and its language's index relative to
    itself.

    `version` (the build's) keeps browsers from using an engine or index cached from an earlier build.
    """
    names = {"index": index_path(lang), "engine": ENGINE_PATH}
    query = []
    for name, path in names.items():
        url = posixpath.relpath(path, posixpath.dirname(WORKER_PATH)) + (f"?v={version}" if version else "")
        query.append(f"{name}={quote(url, safe='')}")
    return f"{WORKER_PATH}?{'&'.join(query)}"
