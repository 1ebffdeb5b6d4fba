"""The built site as readers meet it: parts, documents, remarks, tables, anchors, edition pages."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from compendium.book.errata import load_errata
from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary

from support.project import ROOT

# The documents that ../shared/source/README.md lists, by the line where each title starts.
SOURCE_TITLE_LINES = [4, 324, 665, 846, 1080, 1381, 1553, 1865, 1994, 2154, 2319, 2505, 2701, 2905, 3047, 3530,
                      3810, 4103, 4285, 4441, 4590, 4811, 5024, 5106, 5211, 5400, 5628, 5705, 6099, 6498, 7489]
PART4_SOURCES = ["李明波发言", "2007年咸宁市第三次党代会报告", "2011年咸宁市第四次党代会报告",
                 "2016年咸宁市第五次党代会报告", "2018年8月17日", "2019年7月"]


@pytest.fixture(scope="session")
def documents():
    return load_documents(ROOT / "docs", load_vocabulary())


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def text_of(site: Path, rel: str) -> str:
    return soup(site, rel).select_one("article").get_text()


def test_every_document_of_the_source_has_its_page(documents, site):
    assert len(documents) == 37
    assert Counter(d.meta.part for d in documents) == {1: 2, 2: 20, 3: 6, 4: 6, 5: 3}
    starts = sorted(d.meta.source_lines[0] for d in documents if d.meta.part != 4)
    assert starts == SOURCE_TITLE_LINES
    for d in documents:
        assert (site / d.url).is_file(), d.url
        assert re.fullmatch(r"part[1-5]/[a-z0-9-]+\.html", d.url)


def test_pages_show_their_titles_and_metadata(documents, site):
    for d in documents:
        page = soup(site, d.url)
        assert page.select_one("article h1").get_text(strip=True) == d.meta.title
        meta = page.select_one("article .doc-meta").get_text()
        assert load_vocabulary().levels[d.meta.level].zh in meta


def test_part4_pages_are_the_six_excerpts_in_book_order(documents, site):
    part4 = [d for d in documents if d.meta.part == 4]
    captions = [soup(site, d.url).select_one("figure.remark figcaption").get_text() for d in part4]
    for caption, expected in zip(captions, PART4_SOURCES, strict=True):
        assert expected in caption
    landing = [a["href"] for a in soup(site, "part4/index.html").select("article .doc-list a")]
    assert landing == [d.url.split("/")[1] for d in part4]


def test_part1_remarks_carry_their_attributions(site):
    remarks = []
    for rel in ("part1/on-high-quality-development.html", "part1/on-transformation-development.html"):
        remarks += soup(site, rel).select("figure.remark")
    assert len(remarks) == 48
    for fig in remarks:
        caption = fig.select_one("figcaption").get_text()
        assert caption.startswith("——") and len(caption) > 6
        assert re.fullmatch(r"r-\d{4,8}(-\d+)?", fig["id"])
        assert fig.select_one("blockquote p"), f"remark {fig['id']} has no text"


def test_ids_are_unique_on_every_page(site):
    for html in site.rglob("*.html"):
        ids = [el["id"] for el in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select("[id]")]
        dupes = [i for i, n in Counter(ids).items() if n > 1]
        assert not dupes, f"{html.relative_to(site)}: duplicate ids {dupes}"


def test_headings_have_scheme_ids(documents, site):
    from compendium.book.anchors import GENERATED
    for d in documents:
        for h in soup(site, d.url).select("article h2, article h3, article h4"):
            if h.find_parent(class_="generated"):
                assert GENERATED.match(h.get("id", "")), (d.url, h)
            else:
                assert re.fullmatch(r"s\d+(-\d+)*(-[b-z])?|u-[a-z0-9-]+", h.get("id", "")), (d.url, h)


def test_every_paragraph_of_a_document_has_a_paragraph_id(documents, site):
    # Citations, target sentences and "copy a link" point to these; they follow the scheme.
    from compendium.book.anchors import PARAGRAPH
    for d in documents:
        article = soup(site, d.url).select_one("article")
        paragraphs = [p for p in article.select("p, li") if not p.find_parent(class_=["generated", "editorial"])
                      and "admonition-title" not in (p.get("class") or []) and p.get_text(strip=True)
                      and not (p.name == "li" and p.find("p"))]
        assert paragraphs, d.url
        for p in paragraphs:
            assert PARAGRAPH.match(p.get("id", "")) or p.get("id") in {a.id for a in d.anchors}, (d.url, str(p)[:80])


def test_made_in_china_2025_tables_are_real_tables(site):
    page = soup(site, "part5/made-in-china-2025-xianning.html")
    tables = page.select("table.source-table")
    assert len(tables) >= 7
    captions = [t.caption.get_text(strip=True) for t in tables]
    assert "咸宁市2020年和2025年制造业主要指标" in captions
    assert sum(c.endswith("产业发展目标及重点项目") for c in captions) == 6
    indicator = tables[captions.index("咸宁市2020年和2025年制造业主要指标")]
    rows = indicator.select("tbody tr")
    assert len(rows) == 13 and all(re.fullmatch(r"tab-\d+-r\d+", r["id"]) for r in rows)
    cells = [c.get_text(strip=True) for c in indicator.select("td, th")]
    assert "规模以上单位工业增加值能耗下降幅度" in cells and "比2010年下降27%" in cells


def test_boxes_are_admonitions(site):
    for rel, count in (("part2/manufacturing-design-capability.html", 6), ("part5/made-in-china-2025-xianning.html", 6)):
        boxes = soup(site, rel).select("article .admonition[id^=box-]")
        assert len(boxes) == count, rel
        assert all(b.select_one(".admonition-title").get_text().startswith("专栏") for b in boxes)


def test_dash_items_stay_list_items(site):
    page = soup(site, "part2/hubei-5g-industry.html")
    items = page.select("ul.dash-list > li")
    assert items and all(li.get_text().startswith("——") for li in items)


def test_navigation_has_the_five_parts_in_order(site):
    nav = soup(site, "index.html").select(".md-nav--primary > .md-nav__list > .md-nav__item")
    labels = [item.get_text(" ", strip=True) for item in nav]
    parts = [label for label in labels if label.startswith("第")]
    assert [p[:3] for p in parts] == ["第一篇", "第二篇", "第三篇", "第四篇", "第五篇"]


def test_footer_and_about_page_state_version_and_build_date(site):
    about = text_of(site, "about.html")
    assert "以正式文件为准" in about
    assert re.search(r"版本 \S+，构建日期 \d{4}-\d{2}-\d{2}", about)
    footer = soup(site, "part3/xuzhou.html").select_one(".md-footer").get_text(" ", strip=True)
    assert re.search(r"版本 \S+ · 构建于 \d{4}-\d{2}-\d{2}", footer)
    assert "以正式文件为准" in footer


def test_errata_page_lists_every_correction(site):
    page = soup(site, "errata.html")
    rows = page.select_one("article table").select("tbody tr")  # the first table; 疑误未改 follows
    errata = load_errata()
    assert len(rows) == len(errata) > 0
    for row, c in zip(rows, errata):
        cells = [td.get_text() for td in row.select("td")]
        assert c.original in cells[1] and c.corrected in cells[2]
        link = row.select_one("a")
        assert link["href"] == c.page[:-3] + ".html"
        assert link.get_text() == soup(site, link["href"]).select_one("article h1").get_text(strip=True)


def test_no_reference_outside_the_site(site):
    # Every stylesheet, script, image and font the pages load is a file of the site.
    for html in site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for el in page.select("link[rel=stylesheet], script[src], img[src], link[rel=icon], source[src]"):
            url = el.get("href") or el.get("src")
            assert not re.match(r"^(https?:)?//", url), f"{html.relative_to(site)} loads {url}"
    for css in site.rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(https?:)?//", css.read_text(encoding="utf-8")), css


def test_no_markup_shows_as_text(site):
    # An attribute list that attached to nothing ({: .editorial } after a table) shows as text.
    for html in site.rglob("*.html"):
        text = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("article").get_text()
        assert not re.search(r"\{:[^}]*\}|\{#[\w-]+\}|^///", text, re.M), html.relative_to(site)


def test_file_names_and_urls_are_ascii(site):
    for path in list((ROOT / "docs").rglob("*")) + list(site.rglob("*.html")):
        assert path.name.isascii(), path
