"""The English edition in the built site, as its readers meet it: every page has its counterpart
and the language selector leads to it; English pages say nothing in Chinese outside the Chinese
original they show, which is the Chinese page's text, anchors included; the glossary's renderings
hold on every page; both editions work from file://; bad English stops the build."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary
from compendium.conformance.site_checks import site_pages
from compendium.english.glossary import load_glossary
from compendium.targets.english import load_targets_english
from compendium.targets.records import load_targets

from support.browsing import PHONE, visit
from support.project import ROOT, edit, run_mkdocs_build

# Han characters and CJK punctuation: Chinese text.
HAN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
# Chinese allowed on an English page outside an element marked Chinese: none. (Proper names that
# an English page prints in Chinese, such as a 文号 or a title as printed, are marked lang="zh-CN".)
ALLOWED_CHINESE: frozenset[str] = frozenset()
# Attributes whose words a reader hears or sees.
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-copied", "data-failed")
# The theme's 404 page is written once, at the root (hooks/english.py); it names both home pages.
NOT_FOUND = "404.html"


@pytest.fixture(scope="module")
def documents():
    return load_documents(ROOT / "docs", load_vocabulary())


@pytest.fixture(scope="module")
def pages(site) -> tuple[list[str], list[str]]:
    """(Chinese pages, English pages) of the built site, as site-relative paths."""
    found = site_pages(site)
    return [p for p in found if not p.startswith("en/")], [p for p in found if p.startswith("en/")]


@cache
def _soup(path: str) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def soup(site: Path, rel: str) -> BeautifulSoup:
    return _soup(str(site / rel))


def outside_chinese(site: Path, rel: str) -> BeautifulSoup:
    """A fresh parse of a page without its scripts and styles and without every element marked Chinese."""
    page = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
    for el in page.select('script, style, [lang|="zh"]'):
        el.decompose()
    return page


# --- counterparts and the language selector ----------------------------------------------------


def test_every_chinese_page_has_an_english_counterpart_and_no_english_page_stands_alone(pages):
    chinese, english = pages
    assert len(chinese) > 60, "the Chinese edition is there"
    assert sorted(p.removeprefix("en/") for p in english) == [p for p in chinese if p != NOT_FOUND]


def test_each_page_declares_the_language_of_its_edition(site, pages):
    chinese, english = pages
    for rel in chinese:
        assert soup(site, rel).html["lang"] == "zh", rel
    for rel in english:
        assert soup(site, rel).html["lang"] == "en", rel


def test_the_language_selector_links_each_page_to_its_counterpart(site, pages):
    chinese, english = pages
    for rel in chinese + english:
        if rel == NOT_FOUND or rel.endswith("offline.html"):
            continue  # the offline page has only the site's name in its header (overrides/offline.html)
        counterpart = {"zh": rel.removeprefix("en/"), "en": rel if rel.startswith("en/") else "en/" + rel}
        page = soup(site, rel)
        links = {a["hreflang"]: a for a in page.select("a.md-select__link")}
        assert set(links) == {"zh", "en"}, rel
        for lang, link in links.items():
            assert urljoin(rel, link["href"]) == counterpart[lang], (rel, lang, link["href"])
            assert link["lang"] == lang, "each language is named in its own language"
        # No head alternates: Material would fetch a sitemap.xml beside each (compendium/reader/material_markup.py).
        assert not page.select('link[rel="alternate"][hreflang]'), rel


def test_the_404_page_names_both_home_pages(site):
    links = {a["hreflang"]: a["href"] for a in soup(site, NOT_FOUND).select("a.md-select__link")}
    assert links["zh"].endswith("/index.html") and links["en"].endswith("/en/index.html")
    assert soup(site, NOT_FOUND).html["lang"] == "zh", "the English build must not overwrite the 404 page"


# --- English pages in English ------------------------------------------------------------------


def test_no_english_page_says_anything_in_chinese_outside_what_is_marked_chinese(site, pages):
    # Labels, titles, navigation, footer, buttons, names for screen readers: English. Words of the
    # Chinese original (the text of a document, an occasion, a 文号) are marked lang="zh-CN".
    problems = []
    for rel in pages[1]:
        page = outside_chinese(site, rel)
        found = [t for t in HAN.findall(page.get_text(" ")) if t not in ALLOWED_CHINESE]
        for el in page.find_all(True):
            found += [f"{el.name}[{a}]={el[a]}" for a in READ_ATTRIBUTES if el.has_attr(a) and HAN.search(el[a])]
        problems += [f"{rel}: {x}" for x in found]
    assert not problems, f"{len(problems)} Chinese words outside Chinese elements:\n" + "\n".join(problems[:40])


def test_no_english_page_uses_a_rendering_the_glossary_rules_out(site, pages):
    glossary = load_glossary()
    problems = [f"{rel}: {bad!r} (write {term.en!r})" for rel in pages[1]
                for term, bad in glossary.avoided(outside_chinese(site, rel).get_text(" "))]
    assert not problems, "\n".join(problems)


def text_of(element) -> str:
    """An element's text without what the site adds (generated, ¶ links), white space removed."""
    element = BeautifulSoup(str(element), "html.parser")
    for el in element.select(".generated, .headerlink"):
        el.decompose()
    return re.sub(r"\s+", "", element.get_text())


def test_an_english_document_page_is_its_english_header_then_the_chinese_page(site, documents):
    for doc in documents:
        en, zh = soup(site, "en/" + doc.url), soup(site, doc.url)
        article = en.select_one("article")
        assert article.select_one("h1").get_text(strip=True) == doc.meta.title_en, doc.path
        assert en.title.get_text().startswith(doc.meta.title_en), doc.path
        assert article.select_one(".doc-title-original").get_text(strip=True) == doc.meta.title
        summary = article.select_one(".doc-summary")
        assert doc.meta.summary_en in " ".join(summary.get_text().split()), doc.path
        assert "Chinese original" in summary.select_one(".doc-original-note").get_text()
        original = article.select_one("div.doc-original")
        assert original["lang"] == "zh-CN" and original.has_attr("data-search-exclude"), doc.path
        assert original.find_previous("div", class_="doc-summary") is summary, "the summary is above the original"
        # The Chinese original exactly as the Chinese page shows it: the same text, the same anchors.
        chinese = zh.select_one("article")
        for el in chinese.select("h1, .doc-meta"):
            el.decompose()
        assert text_of(original) == text_of(chinese), doc.path
        ids = {el["id"] for el in chinese.select("[id]")
               if "generated" not in el.get("class", []) and not el.find_parent(class_="generated")}
        assert ids and ids <= {el["id"] for el in original.select("[id]")}, doc.path


def test_navigation_and_generated_pages_are_in_english(site, documents):
    home = soup(site, "en/index.html")
    nav = [a.get_text(" ", strip=True) for a in home.select("nav.md-nav--primary .md-nav__link")]
    assert any(t.startswith("Part 1: General Secretary Xi Jinping") for t in nav)
    assert "Indexes" in nav and "Downloads and data" in nav
    for part in range(1, 6):
        listing = soup(site, f"en/part{part}/index.html").select(".doc-list a")
        assert [a.get_text() for a in listing] == [d.meta.title_en for d in documents if d.meta.part == part]
    index = soup(site, "en/indexes/documents.html")
    assert index.select_one("h1").get_text(strip=True).rstrip("¶") == "Document index"
    assert {a.get_text() for a in index.select("#by-level ~ .doc-index a")} >= {d.meta.title_en for d in documents}
    timeline = soup(site, "en/indexes/timeline.html")
    assert timeline.select_one("h1").get_text(strip=True).rstrip("¶") == "Timeline of remarks"
    assert timeline.select_one(".tl-date").get_text() == "December 2012"
    assert len(timeline.select(".timeline .tl-links a")) == 48
    errata = soup(site, "en/errata.html")
    assert "Unmatched brackets" in errata.select_one("article table").get_text()
    about = soup(site, "en/about.html").select_one("article").get_text()
    assert re.search(r"Version \S+, built on \d{4}-\d{2}-\d{2}\.", about)
    footer = soup(site, "en/index.html").select_one(".md-copyright")
    assert "The official documents prevail" in footer.get_text() and "built on" in footer.get_text()


def test_the_target_table_names_every_indicator_and_note_in_english_and_the_markers_lead_to_it(site):
    targets = load_targets(load_vocabulary())
    english = load_targets_english(targets)
    overview = soup(site, "en/targets/index.html")
    assert overview.select_one("article h1").get_text(strip=True).rstrip("¶") == "Target table"
    pages = {a["href"].split("?")[0] for a in overview.select("table.t-overview tbody th a")}
    assert pages and all(p.endswith(".html") for p in pages)
    sector_pages = {p: soup(site, f"en/targets/{p}") for p in sorted(pages)}
    for name, page in sector_pages.items():
        assert page.select_one("article h1").get_text(strip=True).startswith("Target table: "), name
    rows = {tr["id"]: tr for page in sector_pages.values() for tr in page.select("table.targets tr.t-row")}
    assert len(rows) == len(targets)
    for t in targets:
        row = rows[t.id]
        assert row.select_one("th.t-col-indicator").get_text() == english.indicator(t), t.id
        assert row.select_one("td.t-col-note").get_text() == english.note(t), t.id
        assert row.select_one("td.t-col-value [lang='zh-CN']").get_text().startswith(t.value), t.id
    legend = sector_pages["manufacturing.html"].select_one(".t-intro:has(span[lang])").get_text(" ")
    assert "a hundred million yuan" in legend and "亿元" in legend
    # A target sentence on an English document page links to its row of the English table.
    doc = soup(site, "en/part2/5g-development.html")
    refs = doc.select("a.target-ref")
    assert refs and all(urljoin("en/part2/5g-development.html", a["href"]).startswith("en/targets/") for a in refs)
    assert all(a["href"].split("#")[1] in rows for a in refs)


# --- from file:// --------------------------------------------------------------------------------


def test_both_editions_work_from_file_and_the_selector_keeps_the_reader_on_the_page(browser, site):
    with visit(browser, (site / "en" / "index.html").as_uri(), **PHONE) as (page, requests):
        page.locator("article a[href='part2/index.html']").click()
        page.wait_for_load_state()
        assert page.url.endswith("/en/part2/index.html")
        assert page.locator("article h1").inner_text().startswith("Part 2:")
        page.locator("article .doc-list a").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/en/part2/agricultural-development-mode.html")
        assert page.locator("article h1").inner_text().startswith("Opinions of the General Office")
        for lang, path, title in (("zh", "/part2/agricultural-development-mode.html", "国务院办公厅"),
                                  ("en", "/en/part2/agricultural-development-mode.html", "Opinions of")):
            page.locator(".md-header__option .md-select button").hover()
            page.locator(f"a.md-select__link[hreflang='{lang}']").click()
            page.wait_for_load_state()
            assert page.url.endswith(path) and page.url.startswith("file://")
            assert page.locator("article h1").first.inner_text().startswith(title)
        assert all(u.startswith(("file://", "data:")) for u in requests), [u for u in requests
                                                                          if not u.startswith("file://")]


def test_a_page_of_either_edition_asks_for_nothing_that_is_not_there(browser, server):
    # Over HTTP, where a missing file answers 404: the pages and their scripts request only files
    # of the site (Material fetched a sitemap.xml beside each language alternate of the head).
    for rel in ("part2/5g-development.html", "en/part2/5g-development.html", "en/indexes/timeline.html"):
        with visit(browser, server + rel, **PHONE) as (page, requests):
            failed = []
            page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
            page.reload(wait_until="networkidle")
            assert not failed, (rel, failed)


# --- bad English stops the build -----------------------------------------------------------------


def test_a_summary_that_states_a_number_its_document_does_not_print_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "part2" / "5g-development.md"
    edit(page, "the 512 project", "the 513 project")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert "docs/part2/5g-development.md: summary_en: 513 is not a number of the Chinese original" in output
