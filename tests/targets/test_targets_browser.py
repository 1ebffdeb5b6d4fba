"""The 指标目标表 page in Chromium, as a cadre uses it: on a phone, filtered, searched, sorted,
from file:// and with JavaScript off."""
from __future__ import annotations

import pytest

from support.browsing import PHONE
from test_browser import DESKTOP, visit

playwright_api = pytest.importorskip("playwright.sync_api")

VISIBLE_ROWS = "table.targets tr.t-row:not([hidden])"


def visible(page, attribute: str) -> list[str]:
    """The value of `attribute` on every row left visible."""
    return page.locator(VISIBLE_ROWS).evaluate_all(f"rows => rows.map(r => r.getAttribute('{attribute}'))")


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_on_a_phone_filter_to_xianning_2020_and_read_the_cards(browser, server):
    with visit(browser, server + "targets.html", **PHONE) as (page, requests):
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
    with visit(browser, server + "targets.html", **PHONE) as (page, _):
        assert page.locator("form.t-filters").is_visible()
        assert page.evaluate(LAYOUT_SHIFT) < 0.01, "the filters must be in place at the first paint"


def test_on_a_phone_a_link_to_a_row_far_down_shows_it(browser, server):
    # A link from a document page to a row near the end of the table lands on the row.
    with visit(browser, server + "targets.html", **PHONE) as (page, _):
        last = page.locator("table.targets tr.t-row").last.get_attribute("id")
    with visit(browser, server + f"targets.html#{last}", **PHONE) as (page, _):
        box = page.locator(f"[id='{last}']").bounding_box()
        assert box and 0 <= box["y"] < 844 and box["height"] > 50, box


def test_on_a_phone_one_industry_across_levels_in_one_group(browser, server):
    with visit(browser, server + "targets.html", **PHONE) as (page, _):
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
    with visit(browser, server + "targets.html", **DESKTOP) as (page, _):
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
    with visit(browser, (site / "targets.html").as_uri(), **DESKTOP) as (page, requests):
        page.select_option("select[data-filter=document]", "part2/hubei-5g-industry.md")
        assert set(visible(page, "data-document")) == {"part2/hubei-5g-industry.md"}
        page.locator("#base-stations-5g-hubei-2021 td.t-col-source a").click()
        page.wait_for_load_state()
        assert page.url.endswith("part2/hubei-5g-industry.html#t-network-investment-5g-hubei-2021")
        sentence = page.locator("#t-network-investment-5g-hubei-2021")
        assert sentence.is_visible() and "5G基站5万个以上" in sentence.inner_text()
        assert all(u.startswith(("file://", "data:")) for u in requests)


def test_without_javascript_the_table_is_all_there(browser, server):
    with visit(browser, server + "targets.html", java_script_enabled=False, **PHONE) as (page, _):
        assert not page.locator("form.t-filters").is_visible()
        rows = page.locator("table.targets tr.t-row")
        assert rows.count() > 150 and rows.first.is_visible()
        assert overflow(page) <= 0
