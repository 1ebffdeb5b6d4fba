"""The 指标目标表 pages in Chromium, as a cadre uses them: the overview's counts opening a sector's
page filtered; on a phone, filtered, searched, sorted, from file:// and with JavaScript off."""
from __future__ import annotations

import pytest

from compendium.book.vocabulary import load_vocabulary
from compendium.targets.page import sector_page
from compendium.targets.records import load_targets

from support.browsing import DESKTOP, PHONE, visit

playwright_api = pytest.importorskip("playwright.sync_api")

VISIBLE_ROWS = "table.targets tr.t-row:not([hidden])"
TARGETS = load_targets(load_vocabulary())
BY_ID = {t.id: t for t in TARGETS}
LARGEST = sector_page(max({t.sector for t in TARGETS}, key=lambda s: sum(t.sector == s for t in TARGETS)))


def page_of(target_id: str) -> str:
    """The table page that holds a target's row."""
    return sector_page(BY_ID[target_id].sector)


def visible(page, attribute: str) -> list[str]:
    """The value of `attribute` on every row left visible."""
    return page.locator(VISIBLE_ROWS).evaluate_all(f"rows => rows.map(r => r.getAttribute('{attribute}'))")


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_the_overview_opens_a_sector_filtered_to_the_scope_counted(browser, server):
    with visit(browser, server + "targets/index.html", **PHONE) as (page, requests):
        link = page.locator("table.t-overview a[href*='?scope=xianning']").first
        count = int(link.inner_text())
        link.click()
        page.wait_for_load_state()
        assert "/targets/" in page.url and page.url.endswith("?scope=xianning")
        scopes = visible(page, "data-scope")
        assert len(scopes) == count and set(scopes) == {"xianning"}
        assert page.locator("select[data-filter=scope]").input_value() == "xianning"
        assert page.locator(".t-count").inner_text().startswith(f"显示 {count} / ")
        assert overflow(page) <= 0
        assert all(u.startswith(server) or u.startswith("data:") for u in requests)


def test_on_a_phone_filter_to_xianning_2020_and_read_the_cards(browser, server):
    with visit(browser, server + page_of("mfg-output-xianning-2020"), **PHONE) as (page, requests):
        total = page.locator("table.targets tr.t-row").count()
        page.select_option("select[data-filter=scope]", "xianning")
        page.select_option("select[data-filter=year]", "2020")
        scopes, years = visible(page, "data-scope"), visible(page, "data-year")
        assert scopes and set(scopes) == {"xianning"} and set(years) == {"2020"}
        assert page.locator(".t-count").inner_text() == f"显示 {len(scopes)} / {total} 项"
        assert overflow(page) <= 0, "the cards must fit the phone"
        # A card: every cell on its own line, labelled, inside the screen.
        card = page.locator(VISIBLE_ROWS).first
        card.scroll_into_view_if_needed()
        assert card.evaluate("r => getComputedStyle(r).display") == "block"
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        label = card.locator("td.t-col-value").evaluate("c => getComputedStyle(c, '::before').content")
        assert label == '"目标值"'
        assert float(card.locator("td.t-col-value").evaluate("c => getComputedStyle(c).fontSize")[:-2]) >= 12
        assert all(u.startswith(server) or u.startswith("data:") for u in requests)


# The sum of the layout shifts of the page so far (the Layout Instability API), as Lighthouse counts CLS.
LAYOUT_SHIFT = """() => new Promise(resolve => {
  let sum = 0;
  new PerformanceObserver(list => {
    for (const shift of list.getEntries()) if (!shift.hadRecentInput) sum += shift.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(sum), 200);
})"""


def test_on_a_phone_nothing_moves_while_the_page_loads(browser, server):
    with visit(browser, server + LARGEST, **PHONE) as (page, _):
        assert page.locator("form.t-filters").is_visible()
        assert page.evaluate(LAYOUT_SHIFT) < 0.01, "the filters must be in place at the first paint"


def test_on_a_phone_a_link_to_a_row_far_down_shows_it(browser, server):
    # A link from a document page to a row near the end of the table lands on the row.
    with visit(browser, server + LARGEST, **PHONE) as (page, _):
        last = page.locator("table.targets tr.t-row").last.get_attribute("id")
    with visit(browser, server + f"{LARGEST}#{last}", **PHONE) as (page, _):
        box = page.locator(f"[id='{last}']").bounding_box()
        assert box and 0 <= box["y"] < 844 and box["height"] > 50, box


def test_on_a_phone_one_industry_across_levels_in_one_group(browser, server):
    with visit(browser, server + page_of("energy-saving-industry-output-hubei-2020"), **PHONE) as (page, _):
        page.fill("input[data-filter=q]", "节能环保产业总产值")
        group = page.locator("tbody.t-group:not([hidden])", has=page.locator("#energy-saving-industry-output-hubei-2020"))
        assert group.count() == 1
        scopes = group.locator("tr.t-row:not([hidden])").evaluate_all("rows => rows.map(r => r.dataset.scope)")
        assert {"hubei", "xianning"} <= set(scopes)
        # The group's chart: the Xianning path 2020 → 2025, its numbers in the caption.
        group.locator("figure").first.scroll_into_view_if_needed()
        assert "2025年 150亿元" in group.locator("figcaption").first.inner_text()
        assert group.locator("svg").first.is_visible()
        assert overflow(page) <= 0


def test_sorting_by_year_within_groups_and_across_the_table(browser, server):
    with visit(browser, server + page_of("mfg-output-xianning-2020"), **DESKTOP) as (page, _):
        header = page.locator("thead th.t-col-year")
        header.click()
        assert header.get_attribute("aria-sort") == "ascending"
        years = page.locator("#mfg-output-xianning-2020").locator("xpath=..").evaluate(
            "b => [...b.querySelectorAll('tr.t-row')].map(r => Number(r.dataset.year))")
        assert years == sorted(years) and len(years) > 1
        # Ungrouped, the sort runs over the whole table.
        page.uncheck("form.t-filters input[name=group]")
        header.click()  # descending
        all_years = [int(y) if y != "none" else 9999 for y in visible(page, "data-year")]
        assert len(all_years) == page.locator("table.targets tr.t-row").count()
        assert all_years == sorted(all_years, reverse=True)
        assert page.locator("tbody.t-group:not([hidden])").count() == 0


def test_from_file_the_page_filters_and_a_row_opens_its_sentence(browser, site):
    start = (site / "targets" / "index.html").as_uri()
    with visit(browser, start, **DESKTOP) as (page, requests):
        # From the overview's list of documents to the sector page filtered to that document.
        page.locator(f"ul.t-by-document a[href^='{page_of('base-stations-5g-hubei-2021').split('/')[1]}?document=']"
                     "[href*='hubei-5g-industry']").click()
        page.wait_for_load_state()
        assert set(visible(page, "data-document")) == {"part2/hubei-5g-industry.md"}
        page.select_option("select[data-filter=document]", "")
        page.select_option("select[data-filter=document]", "part2/hubei-5g-industry.md")
        assert set(visible(page, "data-document")) == {"part2/hubei-5g-industry.md"}
        page.locator("#base-stations-5g-hubei-2021 td.t-col-source a").click()
        page.wait_for_load_state()
        assert page.url.endswith("part2/hubei-5g-industry.html#t-network-investment-5g-hubei-2021")
        sentence = page.locator("#t-network-investment-5g-hubei-2021")
        assert sentence.is_visible() and "5G基站5万个以上" in sentence.inner_text()
        assert all(u.startswith(("file://", "data:")) for u in requests)


def test_without_javascript_the_table_is_all_there(browser, server):
    with visit(browser, server + LARGEST, java_script_enabled=False, **PHONE) as (page, _):
        assert not page.locator("form.t-filters").is_visible()
        rows = page.locator("table.targets tr.t-row")
        assert rows.count() == sum(t.sector == BY_ID[rows.first.get_attribute("id")].sector for t in TARGETS)
        assert rows.first.is_visible()
        assert overflow(page) <= 0
