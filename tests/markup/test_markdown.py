"""The compilation's Markdown: remark blocks and paragraph ids, rendered without MkDocs."""
from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup

from compendium.book.anchors import SCHEME, check_anchors
from compendium.book.errors import PageError

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "pymdownx.blocks.admonition", "compendium.markup.extension"]

PAGE = """<div class="doc-meta generated"><span>中央</span></div>

工信部通信〔2020〕49号
{: .doc-no }

## 一、加快5G网络建设部署 {#s1}

第一段。

**（一）加快5G网络建设进度。**{#s1-1}基础电信企业要进一步优化设备采购。

第二段。

/// remark | ——2017年12月18日，在中央经济工作会议上的讲话
    id: r-20171218

论述第一段。

论述第二段。
///

论述之后的段落。

- ——网络建设目标：到2021年。
- ——应用发展目标。

/// note | 专栏1 智能制造工程
    attrs: {id: box-1}

专栏正文。
///

说明文字。
{: .editorial }
"""


def render(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=EXTENSIONS), "html.parser")


def test_paragraphs_are_numbered_after_the_anchor_they_follow():
    html = render(PAGE)
    ids = [el["id"] for el in html.select("p[id], li[id]")]
    assert ids == ["p1", "s1-p1", "s1-1-p1", "s1-1-p2", "r-20171218-p1", "r-20171218-p2",
                   "s1-1-p3", "s1-1-p4", "s1-1-p5", "box-1-p1"]


def test_raw_html_editorial_text_and_box_titles_get_no_paragraph_id():
    html = render(PAGE)
    assert html.select_one("div.doc-meta").parent.name != "p", "raw HTML must not be wrapped in a paragraph"
    assert not html.select_one("p.editorial").get("id")
    assert not html.select_one("p.admonition-title").get("id")


def test_remark_keeps_its_attribution_and_id():
    figure = render(PAGE).select_one("figure.remark")
    assert figure["id"] == "r-20171218" and figure["data-date"] == "2017-12-18"
    # The caption is the attribution, verbatim; the reader's tools that follow it are generated.
    assert figure.figcaption.find(string=True, recursive=False) == "——2017年12月18日，在中央经济工作会议上的讲话"
    tools = figure.figcaption.select_one(".remark-tools")
    assert "generated" in tools["class"] and tools.find_previous_sibling() is None
    assert tools.select_one("a.permalink")["href"] == "#r-20171218"
    assert not tools.select("[data-copy=cite]"), "no citation button where the build gave no citation"


def test_paragraph_ids_follow_the_anchor_scheme():
    for el in render(PAGE).select("[id]"):
        assert SCHEME.match(el["id"]) or re.fullmatch(r"__\w+", el["id"]), el["id"]


def test_a_paragraph_id_written_by_hand_is_refused():
    with pytest.raises(PageError, match="does not follow the anchor scheme"):
        check_anchors("docs/part2/x.md", "## 一、标题 {#s1-p2}\n", 10)
