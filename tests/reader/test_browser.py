"""The site in real Chromium, as readers open it: on a phone, from a server and from file://."""
from __future__ import annotations

import pytest

from support.browsing import DESKTOP, PHONE, visit

playwright_api = pytest.importorskip("playwright.sync_api")

PAGES = ["index.html", "part1/on-high-quality-development.html", "part2/hubei-industrial-economy-plan.html",
         "part5/made-in-china-2025-xianning.html", "part4/index.html", "errata.html", "about.html"]


@pytest.mark.parametrize("rel", PAGES)
def test_pages_fit_a_phone_and_request_nothing_outside(browser, server, rel):
    with visit(browser, server + rel, **PHONE) as (page, requests):
        # Nothing wider than the phone: long tables scroll inside their own box.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{rel} is {overflow}px wider than the phone"
        assert page.locator("article h1").first.is_visible()
        assert len(page.locator("article").inner_text()) > 20
        outside = [u for u in requests if not u.startswith(server) and not u.startswith("data:")]
        assert not outside, f"{rel} requested {outside}"


def test_remark_permalink_scrolls_to_the_remark(browser, server):
    url = server + "part1/on-high-quality-development.html#r-20180518-2"
    with visit(browser, url, **DESKTOP) as (page, _):
        remark = page.locator("#r-20180518-2")
        assert remark.is_visible() and remark.locator("figcaption").inner_text().startswith("——2018年5月18日")
        box = remark.bounding_box()
        assert 0 <= box["y"] < 900, "the linked remark must be on screen"


def test_table_scrolls_sideways_inside_its_box_on_a_phone(browser, server):
    with visit(browser, server + "part5/made-in-china-2025-xianning.html", **PHONE) as (page, _):
        table = page.locator("table.source-table").first
        table.scroll_into_view_if_needed()
        assert table.is_visible()
        wrap = page.locator(".table-wrap").first
        assert wrap.evaluate("el => getComputedStyle(el).overflowX") == "auto"


def test_site_opens_from_file_without_outside_requests(browser, site):
    url = (site / "part2" / "5g-development.html").as_uri()
    with visit(browser, url, **PHONE) as (page, requests):
        assert "5G" in page.locator("article h1").inner_text()
        # The stylesheet loaded: Material's layout is applied (the header is fixed at the top).
        assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") in ("sticky", "fixed")
        # Links are .html files that exist from file://, e.g. the next page in the footer.
        page.locator("a.md-footer__link--next").click()
        page.wait_for_load_state()
        assert page.url.startswith("file://") and page.url.endswith(".html")
        assert page.locator("article h1").is_visible()
        assert all(u.startswith(("file://", "data:")) for u in requests), [u for u in requests if
                                                                          not u.startswith("file://")]


def test_search_finds_a_mixed_term(browser, server):
    # Material's search box, over HTTP: a term of digits, Latin and Chinese finds its documents,
    # typed once, right after the page loads, before the index is in: the worker answers it then.
    found = ('[...document.querySelectorAll(".md-search-result__item a")].some('
             'e => e.href.split("#")[0].split("?")[0].endsWith("part2/5g-development.html"))')
    with visit(browser, server + "index.html", **DESKTOP) as (page, _):
        page.click("input.md-search__input")
        page.keyboard.type("5G基站")
        try:
            page.wait_for_function(found, timeout=10_000)
        except playwright_api.TimeoutError:
            links = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
            pytest.fail(f"5G基站 did not find part2/5g-development.html; results: {links}")
