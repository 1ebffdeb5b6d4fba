"""Offline reading on phones: the service worker, its manifest, and what readers see, in Chromium
behind nginx over http://127.0.0.1 (a secure origin, as https is), with the network switched off;
and the site unchanged where browsers allow no worker (plain-http intranets, file://)."""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from compendium.book.errors import PageError
from compendium.hosting.nginx import SITE_PATH, serve
from compendium.hosting.offline import MANIFEST_LINE, offline_files, page_subresources, worker_script

from support.browsing import ARGS, CHROMIUM, search_finds
from support.project import built, page_kinds

playwright_api = pytest.importorskip("playwright.sync_api")

INTRANET = "intranet.test"  # a plain-http name: not localhost, so not a secure origin
SAVED = "[data-offline-save] [role=status]"


# --- core ----------------------------------------------------------------------------------------


def test_offline_files_leave_out_what_is_not_for_reading(tmp_path):
    for rel in ("index.html", "sw.js", "deploy/nginx.conf", "assets/a.min.js.map", "sitemap.xml",
                "sitemap.xml.gz", "downloads/all.pdf", "data/x.json", "assets/a.min.js"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    assert offline_files(tmp_path) == ["assets/a.min.js", "data/x.json", "index.html"]


def test_subresources_are_resolved_from_the_page():
    page = ('<link rel="stylesheet" href="../assets/a.css"><link rel="icon" href="../i.png">'
            '<link rel="canonical" href="x.html"><script src="../assets/b.js?v=1"></script>'
            '<script src="https://cdn.example/c.js"></script><script src="/assets/d.js"></script>')
    assert page_subresources("part1/p.html", page) == {"assets/a.css", "i.png", "assets/b.js"}


def test_worker_without_its_placeholder_is_refused():
    with pytest.raises(PageError, match="placeholder"):
        worker_script("self.addEventListener('fetch', f);", {})
    assert worker_script(f"a\n{MANIFEST_LINE}\nb", {"files": {}}) == 'a\nvar MANIFEST = {"files":{}};\nb'


# --- the built site ------------------------------------------------------------------------------


def manifest_of(site: Path) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"^var MANIFEST = (\{.*\});$", text, re.M).group(1))


def test_manifest_lists_every_file_of_the_site_with_its_hash(site):
    m = manifest_of(site)
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    expected = {rel for rel in on_disk if not rel.startswith("deploy/") and not rel.endswith((".map", ".pdf"))
                and rel not in ("sw.js", "sitemap.xml", "sitemap.xml.gz")}
    assert set(m["files"]) == expected and len(expected) > 60
    for rel, (digest, size) in m["files"].items():
        data = (site / rel).read_bytes()
        assert digest == hashlib.sha256(data).hexdigest()[: len(digest)] and size == len(data), rel
    # Every page loads the shell: Material's bundle and stylesheets, and the offline script.
    assert {"assets/javascripts/site.js", "assets/stylesheets/site.css"} <= set(m["shell"])
    assert any(re.match(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js$", p) for p in m["shell"])
    # What one page loads besides (the target table's scripts) is saved with that page only: a
    # first view of any other page does not fetch it.
    assert "assets/javascripts/targets.js" not in m["shell"]
    table_pages = [p for p in m["pages"] if p.startswith("targets/") and p != "targets/index.html"]
    assert table_pages and all("assets/javascripts/targets.js" in m["pages"][p] for p in table_pages)
    assert all(set(extra) <= set(m["files"]) and not set(extra) & set(m["shell"]) for extra in m["pages"].values())
    assert m["version"].startswith(m["version"].split("+")[0]) and "(" in m["version"]


def test_pages_carry_the_hidden_notice_and_the_about_page_the_button(site):
    for rel in ("index.html", "part1/on-high-quality-development.html", "about.html"):
        notice = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser").select_one("#offline-notice")
        assert notice is not None and notice.has_attr("hidden") and "generated" in notice["class"], rel
        assert notice.get_text(" ", strip=True).startswith("已更新到新版本")
    box = BeautifulSoup((site / "about.html").read_text(encoding="utf-8"), "html.parser").select_one("[data-offline-save]")
    assert box.has_attr("hidden") and "generated" in box["class"]
    # The reader's own edition first, the other language on request.
    assert [(b["data-edition"], b.get_text()) for b in box.select("button")] == [
        ("zh", "保存中文版全站，供离线阅读"), ("en", "也保存英文版")]


def test_the_site_holds_nothing_no_page_loads(site):
    # Material's lunr and search worker (the site has its own), source maps, a sitemap of None.
    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    assert files and not [f for f in files if f.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/"))
                          or f.endswith(".map") or f.startswith("sitemap.xml")]


def test_each_language_is_an_edition_of_its_own_and_has_its_offline_page(site):
    m = manifest_of(site)
    assert m["default"] == "zh" and m["editions"] == {"zh": "", "en": "en/"}
    assert m["only"] == {"search/index.zh.js": "zh", "search/index.en.js": "en"}
    assert m["offline"] == {"zh": "offline.html", "en": "en/offline.html"}
    for lang, rel in m["offline"].items():
        page = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
        # Light to keep: no navigation or footer; a list (filled by offline.js) that links home.
        assert page.select_one("nav.md-nav--primary, footer.md-footer") is None, rel
        assert page.select_one("header.md-header") is not None, rel
        assert [a["href"] for a in page.select(".offline-pages a")] == ["index.html"], rel
        assert page.select_one("[data-offline-save]")["data-lang"] == lang
    # Not a page of the navigation, nor of the search index.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "offline.html" not in home and "本页尚未保存" not in (site / "search/index.zh.js").read_text(encoding="utf-8")


# --- in Chromium -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    """Chromium that also knows the plain-http name INTRANET (for 127.0.0.1)."""
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM),
                              args=[*ARGS, f"--host-resolver-rules=MAP {INTRANET} 127.0.0.1"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def next_edition(tmp_path_factory, site) -> Path:
    """The same site built as a later edition (another build date)."""
    later = built(tmp_path_factory, "next-edition", SOURCE_DATE_EPOCH="86400")
    assert manifest_of(later)["version"] != manifest_of(site)["version"]
    return later


@pytest.fixture(scope="module")
def deployed(tmp_path_factory, site):
    """nginx serving whatever the link `current` points at, with the site's configuration; yields
    (base URL, link) and points the link back at the site after each use."""
    link = tmp_path_factory.mktemp("deployed") / "current"
    link.symlink_to(site)
    with serve(link, (site / SITE_PATH).read_text(encoding="utf-8")) as origin:
        yield origin + "/", link


def deploy(link: Path, folder: Path) -> None:
    """Point the served link at another built site, at once, as IT staff would switch editions."""
    new = link.with_name("next")
    new.symlink_to(folder)
    os.replace(new, link)


def controlled(page) -> None:
    """Wait until the worker controls the page and the page has recorded the edition it read."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('offline-edition'))",
                           timeout=30_000)


@contextlib.contextmanager
def reader(browser, base: str, first: str):
    """A phone that has opened `first` and whose worker now controls the page: (context, page)."""
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        page.goto(base + first)
        controlled(page)
        yield ctx, page
    finally:
        ctx.close()


def footer(page) -> str:
    """The footer's version line of the page in the browser."""
    return " ".join(page.locator(".build-info").inner_text().split())


def footer_of(site: Path, rel: str) -> str:
    """The footer's version line of a built page, as the browser renders it."""
    text = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser").select_one(".build-info").get_text()
    return " ".join(text.split())


def test_pages_read_once_open_without_network(browser, deployed):
    base, _ = deployed
    with reader(browser, base, "index.html") as (ctx, page):
        page.goto(base + "part1/on-high-quality-development.html")
        ctx.set_offline(True)
        for rel in ("part1/on-high-quality-development.html", "index.html"):
            page.goto(base + rel)
            assert page.locator("article h1").first.is_visible(), rel
            assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky", rel
        # The network is really off: a page not read yet is not there (the offline page stands in).
        page.goto(base + "part3/index.html")
        assert page.url.startswith(base + "offline.html?from=")


def test_the_target_table_read_once_filters_without_network(browser, deployed):
    # Its scripts are not in the shell: the worker saves them with the page that was open.
    base, _ = deployed
    with reader(browser, base, "targets/digital.html") as (ctx, page):
        ctx.set_offline(True)
        page.reload()
        total = page.locator("table.targets tr.t-row").count()
        page.select_option("select[data-filter=scope]", "xianning")
        shown = page.locator("table.targets tr.t-row:not([hidden])").count()
        assert 0 < shown < total
        assert page.locator(".t-count").inner_text() == f"显示 {shown} / {total} 项"


def edition_files(m: dict, lang: str) -> list[str]:
    """The files of one language's edition, as the worker counts them."""
    def language(path: str) -> str:
        folder = path.split("/")[0] + "/"
        return next((l for l, f in m["editions"].items() if f == folder), m["default"])
    return [p for p in m["files"] if (language(p) == lang if p.endswith(".html") else m["only"].get(p, lang) == lang)]


def test_whole_site_saved_on_request_reads_and_searches_offline(browser, deployed, site):
    base, _ = deployed
    m = manifest_of(site)
    chinese = edition_files(m, "zh")
    assert len(chinese) < 0.7 * len(m["files"]) and "search/index.en.js" not in chinese
    with reader(browser, base, "about.html") as (ctx, page):
        box = page.locator("[data-offline-save]")
        assert box.is_visible()
        page.wait_for_function(f"() => document.querySelector('{SAVED}').textContent !== ''")
        # Before it starts, the reader learns how much it will fetch (what is not saved yet, at most).
        status = page.locator(SAVED).inner_text()
        assert re.fullmatch(r"本机已保存 \d+ / " + str(len(chinese)) + r" 个文件；全部保存还需下载至多 \d+\.\d MB。", status)
        box.locator("button[data-edition=zh]").click()
        page.wait_for_function(f"() => document.querySelector('{SAVED}').textContent.includes('已保存全站')",
                               timeout=120_000)
        assert page.locator(SAVED).inner_text() == f"已保存全站（{len(chinese)} 个文件），断网时也可阅读。"
        ctx.set_offline(True)
        # Pages of every kind and folder depth, most never opened (the manifest test covers every file).
        kinds = {kind: rel for kind, rel in page_kinds(site).items() if not rel.startswith("en/")}  # the edition saved
        pages = {kind: rel for kind, rel in kinds.items() if not kind.startswith(("generated", "404"))}
        pages.update({f"depth {rel.count('/')}": rel for rel in kinds.values() if rel.count("/") > 1})
        for kind, rel in pages.items():
            page.goto(base + rel)
            assert page.locator("article h1").first.is_visible(), kind
            assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky", kind
        page.goto(base + "index.html")
        assert search_finds(page, "5G基站", "part2/5g-development.html"), "no search offline"
        # The English edition was not asked for: its pages are not saved (nor its offline page).
        page.goto(base + "en/index.html")
        assert page.url == base + "offline.html?from=en%2Findex.html"


def test_a_page_not_saved_opened_offline_shows_the_offline_page_with_the_pages_that_are(browser, deployed):
    base, _ = deployed
    with reader(browser, base, "index.html") as (ctx, page):
        page.goto(base + "part1/on-high-quality-development.html")  # online: the offline page is kept
        page.wait_for_timeout(500)
        ctx.set_offline(True)
        page.goto(base + "part3/xuzhou.html")
        assert page.url == base + "offline.html?from=part3%2Fxuzhou.html"
        assert page.locator("article h1").inner_text().startswith("本页尚未保存")
        # The pages saved, titled as their saved copies are (the home page is listed first anyway).
        saved = page.locator(".offline-pages a", has_text="习近平总书记关于高质量发展的论述")
        saved.wait_for()
        links = page.locator(".offline-pages a").evaluate_all("links => links.map(a => a.href)")
        assert links == [base + "index.html", base + "part1/on-high-quality-development.html"]
        assert page.locator("[data-offline-save]").is_visible()
        # A saved page listed there opens offline.
        saved.click()
        page.wait_for_load_state()
        assert page.locator("article h1").first.is_visible()
        # An English page opened online: then the English offline page stands in for English pages.
        ctx.set_offline(False)
        page.goto(base + "en/part1/index.html")
        page.goto(base + "en/part2/index.html")
        page.wait_for_timeout(500)
        ctx.set_offline(True)
        page.goto(base + "en/part3/xuzhou.html")
        assert page.url.startswith(base + "en/offline.html?from=")
        assert page.locator("article h1").inner_text().startswith("This page is not saved yet")


def test_new_edition_is_taken_up_and_announced(browser, deployed, site, next_edition):
    base, link = deployed
    try:
        with reader(browser, base, "part1/index.html") as (ctx, page):
            page.goto(base + "part2/index.html")
            first = footer(page)
            assert page.locator("#offline-notice").is_hidden()
            deploy(link, next_edition)
            page.reload()
            notice = page.locator("#offline-notice")
            notice.wait_for(state="visible", timeout=60_000)
            assert notice.inner_text().startswith("已更新到新版本")
            notice.locator("button").click()
            page.wait_for_load_state()
            assert footer(page) != first and footer(page) == footer_of(next_edition, "part2/index.html")
            # What the reader had saved is the new edition, offline too.
            ctx.set_offline(True)
            page.goto(base + "part1/index.html")
            assert footer(page) == footer_of(next_edition, "part1/index.html")
    finally:
        deploy(link, site)


def test_plain_http_intranet_and_file_work_without_a_worker(browser, deployed, site):
    base, _ = deployed
    intranet = base.replace("127.0.0.1", INTRANET)
    for url in (intranet + "about.html", (site / "about.html").as_uri()):
        ctx = browser.new_context()
        try:
            page = ctx.new_page()
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url, wait_until="networkidle")
            assert page.locator("article h1").inner_text().startswith("版本说明")
            assert page.locator("[data-offline-save]").is_hidden(), url
            assert errors == [], url
            secure = page.evaluate("() => window.isSecureContext")
            workers = page.evaluate("() => navigator.serviceWorker ? navigator.serviceWorker.getRegistrations()"
                                    ".then(r => r.length, () => 0) : 0")
            assert workers == 0 and (secure is False or url.startswith("file:")), url
        finally:
            ctx.close()
