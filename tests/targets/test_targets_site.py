"""The target table in the built site: one page per sector and an overview; every row links to its
sentence and back, the downloads read back, the 勘误说明 page lists the doubtful values, the pages
need no script to be read."""
from __future__ import annotations

import csv
import io
import json
from functools import cache

import pytest
from bs4 import BeautifulSoup

from compendium.book.anchors import SCHEME, TARGET
from compendium.book.layout_repair import content_chars
from compendium.book.vocabulary import load_vocabulary
from compendium.targets.page import EXPORT_FIELDS, row_url, sector_page
from compendium.targets.records import load_targets

from support.project import ROOT, edit, line_of, run_mkdocs_build

VOCAB = load_vocabulary()
TARGETS = load_targets(VOCAB)
BY_ID = {t.id: t for t in TARGETS}
OVERVIEW = "targets/index.html"
SECTORS = [s for s in VOCAB.topics if any(t.sector == s for t in TARGETS)]


@pytest.fixture(scope="module")
def html(site):
    """Parsed built pages by path, each parsed once."""
    @cache
    def parse(rel: str) -> BeautifulSoup:
        return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
    return parse


def resolve(base: str, href: str) -> tuple[str, str]:
    """(page, fragment) that `href` on the page `base` points to, relative to the site root."""
    path, _, fragment = href.partition("#")
    parts = base.split("/")[:-1]
    for piece in path.split("/"):
        if piece == "..":
            parts.pop()
        elif piece:
            parts.append(piece)
    return "/".join(parts), fragment


def marker_links(element) -> list:
    """The links of the generated marker that follows a sentence span or sits in a table cell."""
    if element.name == "tr":
        return element.select(".target-refs a")
    marker = element.find_next_sibling()
    assert marker is not None and "target-refs" in marker.get("class", []), element.get("id")
    return marker.select("a")


def sector_rows(html):
    """(sector page, row) of every row of the table's pages."""
    return [(sector_page(s), row) for s in SECTORS for row in html(sector_page(s)).select("table.targets tr.t-row")]


def test_the_table_has_one_row_per_target_on_the_page_of_its_sector(html, site):
    assert len(TARGETS) >= 150 and len(SECTORS) > 5
    assert sorted(p.name for p in (site / "targets").glob("*.html")) == sorted([f"{s}.html" for s in SECTORS] + ["index.html"])
    rows = sector_rows(html)
    assert sorted(r["id"] for _, r in rows) == sorted(BY_ID)
    for page, row in rows:
        assert row_url(BY_ID[row["id"]]) == f"{page}#{row['id']}"
    # No page lays out the whole table: the largest holds well under a sixth of its rows' elements.
    assert max(len(html(sector_page(s)).select("table.targets tr.t-row")) for s in SECTORS) < len(TARGETS) / 5


def test_the_overview_counts_every_target_and_links_each_count_to_its_filtered_page(html):
    page = html(OVERVIEW)
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == "指标目标表"
    matrix = page.select_one("table.t-overview")
    totals = [int(r.select("td")[-1].get_text()) for r in matrix.select("tbody tr")]
    assert sum(totals) == len(TARGETS) and len(totals) == len(SECTORS)
    for a in matrix.select("tbody a[href]"):
        path, _, query = a["href"].partition("?")
        sector = path[: -len(".html")]
        assert sector in SECTORS, a["href"]
        mine = [t for t in TARGETS if t.sector == sector]
        if query:  # a scope's count: that many rows of the sector page carry the scope
            name, value = query.split("=")
            assert name == "scope" and int(a.get_text()) == sum(t.scope == value for t in mine)
            assert len(html(f"targets/{path}").select(f"tr.t-row[data-scope='{value}']")) == int(a.get_text())
    documents = page.select("ul.t-by-document a[href]")
    assert sum(int(a.get_text().split()[-1]) for a in documents) == len(TARGETS)
    for a in documents:
        path, _, query = a["href"].partition("?")
        assert query.startswith("document=") and (html(f"targets/{path}") is not None)


def test_every_row_links_to_its_sentence_and_the_sentence_back_to_the_row(html, site):
    for table, row in sector_rows(html):
        target = BY_ID[row["id"]]
        link = row.select_one("td.t-col-source a[href]")
        page, fragment = resolve(table, link["href"])
        assert (site / page).is_file(), link["href"]
        element = html(page).find(id=fragment)
        assert element is not None, f"{row['id']}: no #{fragment} on {page}"
        if target.row:
            # A table target: the row, whose cells read as the record's sentence.
            assert element.name == "tr"
            assert content_chars(target.sentence.replace(" | ", "")) == content_chars(_without_generated(element))
        else:
            assert element.name == "span" and "target" in element["class"]
            assert content_chars(element.get_text()) in content_chars(target.sentence)
            assert len(content_chars(element.get_text())) >= len(content_chars(target.sentence)) - 2  # "——" kept outside
        backs = [resolve(page, a["href"]) for a in marker_links(element)]
        assert (table, row["id"]) in backs, f"{page}#{fragment} does not link back to {row['id']}"


def _without_generated(element) -> str:
    copy = BeautifulSoup(str(element), "html.parser")
    for el in copy.select(".generated"):
        el.decompose()
    return copy.get_text()


def test_every_marked_sentence_links_only_to_rows_that_point_back(html, site):
    documents = sorted({t.document for t in TARGETS})
    assert documents
    seen = 0
    for doc in documents:
        page = doc[:-3] + ".html"
        for element in html(page).select("span.target, tr.target-row"):
            assert SCHEME.match(element["id"]), element["id"]
            if element.name == "span":
                assert TARGET.match(element["id"])
            for a in marker_links(element):
                table, row_id = resolve(page, a["href"])
                row = html(table).find("tr", id=row_id)
                assert table == sector_page(BY_ID[row_id].sector) and row is not None, a["href"]
                assert resolve(table, row.select_one("td.t-col-source a")["href"]) == (page, element["id"])
                assert a.get("aria-label"), "a marker link needs an accessible name"
                seen += 1
    assert seen == len(TARGETS), "every target has exactly one link from its sentence or cell"


def test_the_pages_link_both_downloads_and_the_csv_reads_back(html, site):
    for page in [OVERVIEW, sector_page(SECTORS[0])]:
        links = {a["href"] for a in html(page).select(".t-intro a[download], .t-downloads a[download]")}
        assert links == {"../data/targets.json", "../data/targets.csv"}, page
    raw = (site / "data" / "targets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == EXPORT_FIELDS and len(rows) == len(TARGETS)
    by_id = {r["id"]: r for r in rows}
    t = BY_ID["mfg-output-xianning-2020"]
    assert by_id[t.id]["value"] == "2500亿元" and float(by_id[t.id]["value_number"]) == 2500
    assert by_id[t.id]["sentence"] == t.sentence and by_id[t.id]["scope"] == "咸宁市"


def test_the_json_is_valid_and_its_urls_resolve(html, site):
    data = json.loads((site / "data" / "targets.json").read_text(encoding="utf-8"))
    assert isinstance(data, list) and len(data) == len(TARGETS)
    for item in data:
        assert tuple(item) == EXPORT_FIELDS
        assert isinstance(item["value_number"], (int, float)) and not isinstance(item["value_number"], bool)
        assert item["year"] is None or isinstance(item["year"], int)
        assert all(isinstance(item[k], str) and item[k] for k in ("id", "scope", "sector", "indicator", "value",
                                                                 "comparator", "document", "sentence", "url"))
        page, fragment = resolve("", item["url"])
        assert html(page).find(id=fragment) is not None, item["url"]
        table, row = resolve("", item["row_url"])
        assert html(table).find("tr", id=row) is not None and row == item["id"], item["row_url"]


def test_the_errata_page_lists_the_doubtful_values_linked_to_their_places(html):
    doubtful = [t for t in TARGETS if t.doubtful]
    assert {t.value for t in doubtful} >= {"75%左右", "不低于70%", "60%左右"}
    section = html("errata.html").find(id="u-doubtful")
    assert section is not None and section.contents[0].strip() == "疑误未改"
    rows = section.find_next("table").select("tbody tr")
    assert len(rows) == len(doubtful)
    for row, t in zip(rows, doubtful):
        page, fragment = resolve("errata.html", row.select_one("a")["href"])
        assert (page, fragment) == (t.document[:-3] + ".html", t.anchor)
        assert html(page).find(id=fragment) is not None
        assert t.value in row.get_text()


def test_the_pages_read_without_scripts_and_run_none_inline(html, site):
    for sector in SECTORS:
        page = html(sector_page(sector))
        form = page.select_one("form.t-filters")
        # Shown by the stylesheet where the reader's script runs (html.reader-js, set in the head), so
        # that it is in place at the first paint; without JavaScript the table is all there is.
        assert "reader-js-only" in form["class"] and not form.has_attr("hidden")
        mine = sum(t.sector == sector for t in TARGETS)
        assert form.select_one(".t-count").get_text() == f"显示 {mine} / {mine} 项"
        assert len(page.select("table.targets tr.t-row")) == mine
        scripts = page.select("article script")
        assert scripts and all(s.get("src") and not s.string for s in scripts)
        for s in scripts:
            assert (site / "targets" / s["src"]).resolve().is_file(), s["src"]
        # Every other sector is one link away.
        assert {a["href"] for a in page.select("nav.t-sectors a")} == {"index.html"} | {
            f"{s}.html" for s in SECTORS if s != sector}
    vendored = ROOT / "node_modules" / "tablesort"
    assert (site / "assets/vendor/tablesort/LICENCE").read_bytes() == (vendored / "LICENCE").read_bytes()
    assert (site / "assets/vendor/tablesort/dist/tablesort.min.js").read_bytes() == \
        (vendored / "dist" / "tablesort.min.js").read_bytes()


def test_groups_show_a_chart_with_its_numbers_in_text(html):
    page = html(sector_page(BY_ID["hi-tech-enterprises-xianning-2020"].sector))
    figures = page.select("tr.t-group-head figure.t-chart-figure")
    assert figures
    hi_tech = page.find("tr", id="hi-tech-enterprises-xianning-2020").find_parent("tbody")
    caption = hi_tech.select_one("figure figcaption").get_text()
    assert "2015年 99个" in caption and "2020年 180个" in caption and "2025年 240个" in caption
    assert hi_tech.select_one("svg")["aria-hidden"] == "true"
    page = html(sector_page(BY_ID["energy-saving-industry-output-hubei-2020"].sector))
    energy = page.find("tr", id="energy-saving-industry-output-hubei-2020").find_parent("tbody")
    assert energy.find("tr", id="energy-saving-industry-output-xianning-2025") is not None


def test_a_bad_record_stops_the_build_naming_it(project_copy, tmp_path):
    # The value as printed must be in its sentence: a changed value stops the build with the record's line.
    path = project_copy / "data" / "targets.yml"
    edit(path, "value: 2500亿元, value_number: 2500", "value: 2600亿元, value_number: 2600")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    line = line_of(path, "id: mfg-output-xianning-2020,")
    assert (f"Bad target record: data/targets.yml:{line}: target mfg-output-xianning-2020: "
            "the value '2600亿元' is not in the sentence") in result.stdout + result.stderr
