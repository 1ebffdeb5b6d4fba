"""Reading on a phone, in real Chromium: text size, permalinks, 复制引文, clean copying, keeping the
place when the phone turns, back to top, printing, no JavaScript, and scripts for Chromium 86.

Clipboard: the context is granted clipboard-read and clipboard-write, so the test reads what a
reader would paste (navigator.clipboard.readText/read) rather than a stub of writeText: the same
path a phone takes over https or on localhost. The fallback for plain-http intranets and old
engines (a text field and execCommand("copy")) is tested by taking navigator.clipboard away.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, SoupStrainer

from support.browsing import DESKTOP, PHONE, visit
from support.project import ROOT

playwright_api = pytest.importorskip("playwright.sync_api")

PART1 = "part1/on-high-quality-development.html"
PART1_B = "part1/on-transformation-development.html"
PART4_DECISION = "part4/plenum-5-4-decision-2018.html"
TABLES = "part5/made-in-china-2025-xianning.html"
LONGEST = "part5/sci-tech-innovation-13th-plan.html"
# Every kind of page a reader copies from: remarks, headings and run-in heads, tables, a listing.
COPY_PAGES = [PART1, "part2/5g-development.html", TABLES, "part4/index.html", "index.html"]
LABELS = ["复制引文", "复制链接", "本条链接", "本段链接", "字号", "特大", "已复制"]
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
# A phone whose reader allowed the site to use the clipboard.
PHONE_CLIPBOARD = {**PHONE, "permissions": ["clipboard-read", "clipboard-write"]}


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def paragraph_texts(remark) -> list[str]:
    return remark.locator("blockquote [id]").evaluate_all(
        "els => els.filter(e => /-p\\d+$/.test(e.id)).map(e => e.textContent.trim())")


# --- 复制引文 and 复制链接 on remarks ---------------------------------------------------------


def test_copy_citation_gives_the_remark_with_its_attribution(browser, server):
    with visit(browser, server + PART1, **PHONE_CLIPBOARD) as (page, _):
        page.click("#r-20180424 button[data-copy=cite]")
        assert clipboard(page) == ("“推动高质量发展是做好经济工作的根本要求。高质量发展就是体现新发展理念的发展，"
                                   "是经济发展从‘有没有’转向‘好不好’。”（习近平，2018年4月24日至28日，在湖北考察时的讲话）")
        page.wait_for_selector(".reader-notice.reader-notice--shown")
        assert page.locator(".reader-notice").inner_text() == "已复制"
        # Every remark of the page: its paragraphs in quotation marks, then the citation the build wrote.
        for fig in page.locator("figure.remark").all():
            button = fig.locator("button[data-copy=cite]")
            button.click()
            text, cite = clipboard(page), button.get_attribute("data-cite")
            assert text.startswith("“") and text.endswith("”" + cite), text
            assert cite.count("习近平") == 1 and not INVISIBLE.search(text) and "¶" not in text
            swapped = [p.translate(str.maketrans("“”‘’", "‘’“”")) for p in paragraph_texts(fig)]
            assert text == "\n".join("“" + p for p in swapped) + "”" + cite


def test_citation_of_a_part4_excerpt_quotes_each_paragraph(browser, server):
    with visit(browser, server + PART4_DECISION, **PHONE_CLIPBOARD) as (page, _):
        page.click("figure.remark button[data-copy=cite]")
        text = clipboard(page)
        lines = text.split("\n")
        assert len(lines) == 4 and all(line.startswith("“") for line in lines)
        assert lines[0].startswith("“改造升级传统产业。") and "‘低碳升级+循环改造+绿色替代’" in lines[0]
        assert lines[-1].endswith("”（《中共咸宁市委关于深入学习贯彻习近平总书记视察湖北重要讲话精神解放思想担当作为"
                                  "全力推进新时代咸宁高质量发展的决定》（2018年8月17日中国共产党咸宁市第五届委员会"
                                  "第四次全体（扩大）会议通过））")
        assert text.count("”（") == 1, "only the last paragraph closes the quotation"


def test_copy_link_of_a_remark_opens_at_the_remark(browser, server):
    with visit(browser, server + PART1_B, **PHONE_CLIPBOARD) as (page, _):
        remark = page.locator("#r-20190916")
        # An attribution that names him: cited as printed, no second name.
        remark.locator("button[data-copy=cite]").click()
        assert clipboard(page).endswith("”（习近平2019年9月16日至18日在河南考察调研时的讲话）")
        permalink = remark.locator("a.permalink")
        assert permalink.is_visible() and permalink.get_attribute("aria-label") == "本条链接"
        remark.locator("button[data-copy=link]").click()
        url = clipboard(page)
        assert url == server + PART1_B + "#r-20190916"
        page.goto(url)
        box = page.locator("#r-20190916").bounding_box()
        assert 0 <= box["y"] < PHONE["viewport"]["height"] / 2


def test_copying_works_without_the_clipboard_api(browser, server):
    # Plain-http intranets and old engines have no navigator.clipboard: the script copies through
    # a text field. Another tab of the same browser reads what was copied.
    with visit(browser, server + PART1, **PHONE_CLIPBOARD) as (reader, _):
        reader.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
        reader.reload()
        assert reader.evaluate("navigator.clipboard === undefined")
        reader.click("#r-20180424 button[data-copy=cite]")
        other = reader.context.new_page()
        other.goto(server + "index.html")
        assert clipboard(other).endswith("”（习近平，2018年4月24日至28日，在湖北考察时的讲话）")
        assert reader.locator(".reader-notice").inner_text() == "已复制"
        assert reader.evaluate("document.activeElement.dataset.copy") == "cite", "focus returns to the button"


# --- a link to any paragraph -------------------------------------------------------------------


def test_a_tapped_paragraph_offers_its_link(browser, server):
    rel = "part2/5g-development.html"
    with visit(browser, server + rel, **PHONE_CLIPBOARD) as (page, _):
        page.click("#s1-2-p1", position={"x": 200, "y": 10})
        tools = page.locator("#s1-2-p1 .para-tools")
        assert tools.is_visible()
        assert tools.locator("a.permalink").get_attribute("href") == "#s1-2-p1"
        assert tools.locator("a.permalink").get_attribute("aria-label") == "本段链接"
        tools.locator("button[data-copy=link]").click()
        url = clipboard(page)
        assert url == server + rel + "#s1-2-p1"
        page.keyboard.press("Escape")
        assert page.locator(".para-tools").count() == 0
        # The link opens the page at that paragraph, marked.
        page.goto(server + "index.html")
        page.goto(url)
        target = page.locator("#s1-2-p1")
        page.wait_for_function("() => { const y = document.getElementById('s1-2-p1').getBoundingClientRect().top; "
                               "return y >= 0 && y < innerHeight / 2; }", timeout=5_000)
        assert target.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"


# --- text size ---------------------------------------------------------------------------------

# Records, when <body> first appears (before anything is drawn), the text size set on <html> and,
# when the document is parsed, the header title's width before the script adds 字号 to the header.
EARLY = """
new MutationObserver((_, obs) => {
  if (document.body && !window.__atBody) {
    window.__atBody = document.documentElement.getAttribute('data-text-size') || 'normal';
    obs.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
document.addEventListener('DOMContentLoaded', () => {
  const title = document.querySelector('.md-header__title');
  window.__titleWidth = title ? title.getBoundingClientRect().width : -1;
});
"""


def test_text_size_is_chosen_by_keyboard_and_kept_from_the_first_paint(browser, server):
    with visit(browser, server + PART1, **PHONE) as (page, _):
        paragraph = page.locator("#r-20171218-p1")
        normal = paragraph.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        toggle = page.locator("button.reader-size__toggle")
        assert toggle.is_visible() and toggle.inner_text() == "字号"
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        menu = page.locator("#reader-size-menu")
        assert menu.is_visible() and menu.get_attribute("aria-label") == "字号"
        assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"
        assert page.evaluate("document.activeElement.dataset.size") == "normal"
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # 特大: normal → large → xlarge
        assert menu.locator("[data-size=xlarge]").get_attribute("aria-pressed") == "true"
        larger = paragraph.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        assert larger >= normal * 1.3
        page.keyboard.press("Escape")
        assert menu.is_hidden() and page.evaluate("document.activeElement.classList.contains('reader-size__toggle')")

        # Another page, in the same browser: the size is there when <body> first appears.
        page.add_init_script(EARLY)
        page.goto(server + "part2/5g-development.html")
        assert page.evaluate("window.__atBody") == "xlarge"
        assert page.locator("article p[id]").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") == larger
        # 字号 took the room kept for it in the header: nothing beside it moved.
        width_after = page.locator(".md-header__title").evaluate("el => el.getBoundingClientRect().width")
        assert page.evaluate("window.__titleWidth") == pytest.approx(width_after, abs=0.5)

        page.locator("button.reader-size__toggle").click()
        page.locator("[data-size=normal]").click()
        page.reload()
        assert page.evaluate("window.__atBody") == "normal"


# --- keeping the place ---------------------------------------------------------------------------

TOP_BLOCK = """() => {
  const line = document.querySelector('.md-header').getBoundingClientRect().bottom + 1;
  const blocks = [...document.querySelectorAll('article p[id], article li[id], article h2, article h3, article h4')];
  const top = blocks.find(el => el.getBoundingClientRect().bottom > line);
  return top && top.id;
}"""


@pytest.mark.parametrize("rel", [LONGEST, PART1])
def test_the_paragraph_at_the_top_stays_there_when_the_phone_turns(browser, server, rel):
    with visit(browser, server + rel, **PHONE) as (page, _):
        # The tallest paragraph of the second half of the page, two thirds read: turning to
        # landscape halves its height, so keeping its top where it was would lose it above.
        target = page.evaluate_handle("""() => {
            const ps = [...document.querySelectorAll('article p[id]')];
            return ps.slice(ps.length / 2).reduce((a, b) => b.offsetHeight > a.offsetHeight ? b : a);
        }""")
        page.evaluate("""el => {
            const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
            const box = el.getBoundingClientRect();
            window.scrollBy(0, box.top - header + box.height * 2 / 3);
        }""", target)
        page.wait_for_timeout(200)
        first = page.evaluate(TOP_BLOCK)
        assert first == target.get_attribute("id")
        assert target.evaluate("el => el.offsetHeight") > 150
        for width, height in ((844, 390), (390, 844), (844, 390)):
            page.set_viewport_size({"width": width, "height": height})
            page.wait_for_timeout(300)
            assert page.evaluate(TOP_BLOCK) == first, f"after turning to {width}x{height}"


# --- back to top ---------------------------------------------------------------------------------


def test_back_to_top(browser, server):
    with visit(browser, server + LONGEST, **PHONE) as (page, _):
        page.mouse.wheel(0, 4000)
        page.wait_for_timeout(300)
        page.mouse.wheel(0, -300)  # Material shows the button when the reader scrolls back up
        button = page.locator(".md-top")
        button.wait_for(state="visible")
        assert button.get_attribute("aria-label") or button.inner_text().strip()
        button.click()
        page.wait_for_function("window.scrollY === 0")


# --- clean copying ---------------------------------------------------------------------------------

SELECT_ARTICLE = """() => {
  const article = document.querySelector('article');
  const range = document.createRange();
  range.selectNodeContents(article);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
}"""
# A zero-width space and a soft hyphen slipped into a paragraph (as a pasted source might carry).
DIRTY = """() => {
  const p = document.querySelector('article p, article li');
  p.insertBefore(document.createTextNode('\\u200b\\u00ad'), p.firstChild);
  window.__copied = [];
  window.addEventListener('copy', e => window.__copied.push(e.clipboardData.getData('text/plain')));
}"""


@pytest.mark.parametrize("rel", COPY_PAGES)
def test_copied_text_is_clean(browser, server, rel):
    with visit(browser, server + rel, **PHONE_CLIPBOARD) as (page, _):
        if page.locator("article p[id]").count():
            page.click("article p[id]", position={"x": 20, "y": 5})  # a paragraph tool is showing
        page.evaluate(DIRTY)
        selected = page.evaluate(SELECT_ARTICLE)
        page.keyboard.press("Control+c")
        copied = page.evaluate("window.__copied")
        assert len(copied) == 1
        pasted = clipboard(page)
        types = page.evaluate("navigator.clipboard.read().then(items => items.flatMap(i => i.types))")
        assert types == ["text/plain"], "no markup goes to the clipboard"
        assert pasted == copied[0]
        for text in (selected, pasted):
            assert "¶" not in text, "a permalink mark was copied"
            assert not [label for label in LABELS if label in text], "a control's label was copied"
            assert "<" not in text and ">" not in text
        assert not INVISIBLE.search(pasted)
        assert "\n\n" not in pasted, "one line per paragraph"
        title = page.locator("article h1").evaluate("el => el.firstChild.textContent.trim()")
        assert pasted.startswith(title)
        body = page.locator("article p[id]").evaluate_all("els => els.slice(1, 4).map(e => e.textContent)")
        for text in body:
            assert text.strip() in pasted


# --- printing -------------------------------------------------------------------------------------


def test_a_page_prints_cleanly(browser, server, tmp_path):
    with visit(browser, server + TABLES, **DESKTOP) as (page, _):
        page.emulate_media(media="print")
        for selector in (".md-header", ".md-search", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                         ".md-top", ".reader-size", ".headerlink", ".remark-tools"):
            shown = page.locator(selector).evaluate_all("els => els.filter(e => e.getClientRects().length).length")
            assert shown == 0, f"{selector} shows in print"
        assert page.locator("article h1").is_visible()
        # Tables print whole: no scrolling box, nothing beyond the text column.
        for wrap in page.locator(".table-wrap").all():
            assert wrap.evaluate("el => getComputedStyle(el).overflowX") == "visible"
            assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
        pdf = tmp_path / "page.pdf"
        page.pdf(path=str(pdf), format="A4")
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: run tools/test.sh as root, or apt-get install poppler-utils")
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                              check=True).stdout)
    for cell in ["咸宁市2020年和2025年制造业主要指标", "高新技术企业数量（个）", "责任部门", "市科技局", "省级以上有效期内名牌产品（个）"]:
        assert cell in text, f"{cell} is not printed"
    for noise in ["¶", "搜索", "字号", "复制", "回到页面顶部"]:
        assert noise not in text, f"{noise} printed"


def test_a_remark_page_prints_without_its_tools(browser, server, tmp_path):
    with visit(browser, server + PART1, **DESKTOP) as (page, _):
        page.pdf(path=str(tmp_path / "remarks.pdf"), format="A4")
    text = subprocess.run(["pdftotext", str(tmp_path / "remarks.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "——2018年4月24日至28日，在湖北考察时的讲话" in text
    assert "复制引文" not in text and "¶" not in text


# --- without JavaScript ----------------------------------------------------------------------------


def part_links(site: Path, rel: str) -> list[str]:
    """The navigation links of a built page that lead to the five parts' landing pages."""
    page = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser", parse_only=SoupStrainer("nav"))
    return [a["href"] for a in page.select("nav.md-nav--primary a[href]") if re.search(r"part\d/index\.html$",
                                                                                      (Path(rel).parent / a["href"]).as_posix())]


def test_every_page_carries_links_to_every_part_in_its_html(site):
    # (Not the offline page, which only the service worker shows, with no network: it links home
    # and to the pages saved on the device.)
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name not in ("404.html", "offline.html")]
    assert len(pages) > 40
    for rel in pages:
        parts = {re.search(r"part(\d)/index\.html$", (Path(rel).parent / h).as_posix()).group(1)
                 for h in part_links(site, rel)}
        assert parts == {"1", "2", "3", "4", "5"}, f"{rel} links to parts {sorted(parts)}"


# For each part, whether a link of the menu to its landing page is on screen and readable.
PARTS_IN_VIEW = """() => [1, 2, 3, 4, 5].map(n => [...document.querySelectorAll('.md-sidebar--primary a')].some(a => {
  const box = a.getBoundingClientRect();
  return a.href.split('#')[0].endsWith('part' + n + '/index.html') && box.width > 50 && box.left >= 0
    && box.right <= innerWidth && box.top >= 0 && box.bottom <= innerHeight && getComputedStyle(a).visibility === 'visible';
}))"""


@pytest.mark.parametrize("rel", ["index.html", PART1, TABLES])
def test_pages_read_with_their_navigation_without_javascript(browser, server, rel):
    with visit(browser, server + rel, java_script_enabled=False, **PHONE) as (page, _):
        assert page.evaluate("document.documentElement.classList.contains('no-js')")
        assert page.locator("article h1").is_visible()
        assert len(page.locator("article").inner_text()) > 100
        # Buttons that need the script are hidden; remark permalinks still show.
        assert all(not b.is_visible() for b in page.locator("article button").all())
        if rel == PART1:
            assert page.locator("#r-20171218 a.permalink").is_visible()
        # The menu opens without a script and, from its top level, shows every part.
        page.click("label.md-header__button[for=__drawer]")
        page.wait_for_timeout(400)
        # The drawer opens at the page's own part; its title leads back to the top level.
        left = page.locator(".md-sidebar--primary").bounding_box()["x"]
        for _ in range(3):
            back = [b for b in page.locator(".md-sidebar--primary label.md-nav__title[for^='__nav_']").all()
                    if b.is_visible() and abs(b.bounding_box()["x"] - left) < 1]
            if not back:
                break
            back[-1].click()
            page.wait_for_timeout(400)
        assert page.evaluate(PARTS_IN_VIEW) == [True] * 5, f"not every part is reachable from the menu of {rel}"


def test_desktop_navigation_without_javascript(browser, server):
    with visit(browser, server + TABLES, java_script_enabled=False, **DESKTOP) as (page, _):
        assert page.evaluate(PARTS_IN_VIEW) == [True] * 5
        assert page.locator("article h1").is_visible()


# --- scripts for Chromium 86 -------------------------------------------------------------------------


def own_scripts(site: Path) -> list[Path]:
    """The site's scripts that the project wrote: not Material's, not vendored from node_modules."""
    import material
    others = {p.read_bytes() for base in (Path(material.__file__).parent / "templates", ROOT / "node_modules")
              for p in base.rglob("*.js") if p.is_file()}
    return [p for p in sorted(site.rglob("*.js")) if p.read_bytes() not in others]


def test_own_scripts_need_nothing_newer_than_chromium_86(site):
    node = shutil.which("node")
    if not node:
        pytest.fail("node is missing: run tools/test.sh as root, or apt-get install nodejs npm")
    scripts = own_scripts(site)
    assert site / "assets" / "javascripts" / "reader.js" in scripts
    out = subprocess.run([node, str(ROOT / "tests" / "reader" / "chromium86.mjs"), *map(str, scripts)], capture_output=True,
                         text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == []


def test_the_chromium86_check_catches_newer_code(tmp_path):
    bad = tmp_path / "bad.js"
    bad.write_text("var last = [1, 2].at(-1);\nif (navigator.share) navigator.share({});\nlet a = {}; a.b ??= 1;\n")
    out = subprocess.run(["node", str(ROOT / "tests" / "reader" / "chromium86.mjs"), str(bad)], capture_output=True, text=True,
                         cwd=ROOT)
    assert "not ES2020" in out.stdout
    bad.write_text("var last = [1, 2].at(-1);\nif (navigator.share) navigator.share({});\n"
                   "var copy = typeof structuredClone === 'function' ? structuredClone(last) : last;\n")
    found = json.loads(subprocess.run(["node", str(ROOT / "tests" / "reader" / "chromium86.mjs"), str(bad)], capture_output=True,
                                      text=True, cwd=ROOT).stdout)
    assert [(f["line"], f["problem"].split()[0]) for f in found] == [(1, "at")]
