"""我的学习 in real Chromium at phone width, over http and from file://: reading progress, 收藏,
划线 and 笔记 kept on the device and listed with their citations, 继续阅读, the backup file and its
import, text for Word or WPS, storage switched off or full, every step by keyboard alone."""
from __future__ import annotations

import json
import re

import pytest

from compendium.book.labels import load_labels
from support.browsing import PHONE
from support.studying import PHONE_CLIPBOARD, RAW_RECORD, items, record, tab_to

playwright_api = pytest.importorskip("playwright.sync_api")

L = load_labels()
PART1 = "part1/on-high-quality-development.html"
FIVE_G = "part2/5g-development.html"
TABLES = "part5/made-in-china-2025-xianning.html"
SHORT = "part3/shenzhen.html"
REMARK_CITE = "（习近平，2018年4月24日至28日，在湖北考察时的讲话）"
FIVE_G_CITE = "（《工业和信息化部关于推动5G加快发展的通知》，工信部通信〔2020〕49号）"
NOTE = "学习体会：站址纳入规划，要抓紧落实。"


@pytest.fixture(params=["http", "file"])
def base(request, server, site):
    """The site's address, over http or from file://."""
    return server if request.param == "http" else site.as_uri() + "/"


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(**PHONE_CLIPBOARD)
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    ctx.close()
    assert not errors, errors


def open_page(page, url):
    page.goto(url, wait_until="networkidle")


def status(page) -> str:
    return page.locator(".study-status").inner_text().strip()


# --- reading progress ------------------------------------------------------------------------


def test_reading_to_the_end_counts_on_the_home_page(phone, base):
    open_page(phone, base + SHORT)
    assert not (record(phone) or {"read": {}})["read"]
    read = phone.locator("[data-study-read]")
    assert read.get_attribute("aria-pressed") == "false"
    phone.keyboard.press("End")  # to the end of the document, by keyboard
    phone.wait_for_function("() => document.querySelector('[data-study-read]').getAttribute('aria-pressed') === 'true'")
    phone.wait_for_timeout(1000)  # the place is taken a moment after the scrolling stops
    assert list(record(phone)["read"]) == [SHORT]
    open_page(phone, base + "index.html")
    part3 = phone.locator(".study-progress [data-study-part='part3/']")
    phone.wait_for_function("() => document.querySelector(\"[data-study-part='part3/']\").textContent === '已读 1 / 6 篇'")
    assert phone.locator(".study-progress [data-study-part='part2/']").inner_text() == "已读 0 / 20 篇"
    last = phone.locator(".study-progress [data-study-last] a")
    assert last.inner_text() == "深圳转型发展的经验" and SHORT + "#" in last.get_attribute("href")
    assert part3.is_visible()
    # 标为已读 is a toggle, by keyboard (reaching it is reaching the end: the document is read).
    open_page(phone, base + "part3/xuzhou.html")
    pressed = "() => document.querySelector('[data-study-read]').getAttribute('aria-pressed') === '%s'"
    tab_to(phone, "[data-study-read]")
    phone.wait_for_function(pressed % "true")
    phone.keyboard.press("Enter")
    phone.wait_for_function(pressed % "false")
    assert "part3/xuzhou.html" not in record(phone)["read"]
    phone.keyboard.press("Enter")
    phone.wait_for_function(pressed % "true")
    # A part's page counts its own.
    open_page(phone, base + "part3/index.html")
    phone.wait_for_function("() => document.querySelector(\"[data-study-part='part3/']\").textContent === '已读 2 / 6 篇'")


def test_continue_reading_offers_the_place_left(phone, server):
    open_page(phone, server + TABLES)
    target = phone.evaluate("""() => {
        const ps = [...document.querySelectorAll('article p[id]')];
        const p = ps[Math.floor(ps.length * 2 / 3)];
        p.scrollIntoView();
        return p.id;
    }""")
    phone.wait_for_timeout(1200)
    place = record(phone)["places"][TABLES]["id"]
    open_page(phone, server + "index.html")
    open_page(phone, server + TABLES)
    bar = phone.locator(".study-resume")
    bar.wait_for()
    assert bar.inner_text().startswith(L("study.resume_here"))
    tab_to(phone, ".study-resume button")
    phone.keyboard.press("Enter")
    assert bar.count() == 0
    top = phone.evaluate("id => document.getElementById(id).getBoundingClientRect().top", place)
    assert 0 <= top < PHONE["viewport"]["height"] / 2
    assert phone.evaluate("document.activeElement.id") == place
    assert abs(phone.evaluate("id => [...document.querySelectorAll('article p[id]')].findIndex(p => p.id === id)",
                              place) - phone.evaluate("id => [...document.querySelectorAll('article p[id]')]"
                                                      ".findIndex(p => p.id === id)", target)) <= 2


# --- bookmarks, marks, notes, backup: by keyboard --------------------------------------------


def test_bookmark_mark_note_backup_and_import_by_keyboard(phone, base, tmp_path):
    # 收藏 a remark.
    open_page(phone, base + PART1)
    tab_to(phone, "#r-20180424 [data-study-remark]")
    phone.keyboard.press("Enter")
    phone.wait_for_function("() => document.querySelector('#r-20180424 [data-study-remark]')"
                            ".getAttribute('aria-pressed') === 'true'")
    # 划线 a paragraph and write a note: the paragraph takes focus, Enter opens its tools.
    open_page(phone, base + FIVE_G)
    tab_to(phone, "#s1-2-p1")
    phone.keyboard.press("Enter")
    phone.locator("#s1-2-p1 .study-tools").wait_for()
    assert phone.evaluate("document.activeElement.closest('#s1-2-p1') !== null"), "focus goes to the tools"
    tab_to(phone, "#s1-2-p1 [data-study=mark]")
    phone.keyboard.press("Enter")
    phone.locator("#s1-2-p1 mark.study-mark").first.wait_for()
    assert phone.locator("#s1-2-p1 [data-study=mark]").get_attribute("aria-pressed") == "true"
    tab_to(phone, "#s1-2-p1 [data-study=note]")
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.nodeName") == "TEXTAREA"
    phone.keyboard.type(NOTE)
    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")  # 保存
    phone.locator("#s1-2-p1 .study-note-flag").wait_for()
    assert phone.evaluate("document.activeElement.id") == "s1-2-p1", "focus returns to the paragraph"
    # The book's words are wrapped, not changed; the mark is not "generated" (copying keeps it).
    marked = "".join(phone.locator("#s1-2-p1 mark.study-mark").all_inner_texts())
    assert marked.startswith("（二）加大基站站址资源支持。") and marked.endswith("优先开展5G建设。")
    assert phone.locator("#s1-2-p1 mark.study-mark.generated").count() == 0
    before = items(phone)
    assert [(i["kind"], i["what"], i["id"]) for i in before] == [
        ("bookmark", "remark", "r-20180424"), ("mark", "paragraph", "s1-2-p1")]

    # Reload: all there.
    phone.reload(wait_until="networkidle")
    phone.locator("#s1-2-p1 mark.study-mark").first.wait_for()
    assert phone.locator("#s1-2-p1 .study-note-flag").get_attribute("title") == NOTE
    open_page(phone, base + PART1)
    phone.wait_for_function("() => document.querySelector('#r-20180424 [data-study-remark]')"
                            ".getAttribute('aria-pressed') === 'true'")

    # Listed on 我的学习, in book order, with their citations.
    open_page(phone, base + "study.html")
    bookmarks = phone.locator("[data-study-list=bookmark] .study-item")
    marks = phone.locator("[data-study-list=mark] .study-item")
    assert bookmarks.count() == 1 and marks.count() == 1
    assert bookmarks.first.locator(".study-item__quote").inner_text().endswith("”" + REMARK_CITE)
    assert bookmarks.first.locator(".study-item__where a").inner_text() == "习近平总书记关于高质量发展的论述"
    assert marks.first.locator(".study-item__quote").inner_text().endswith("”" + FIVE_G_CITE)
    assert NOTE in marks.first.locator(".study-item__note").inner_text()
    assert marks.first.locator(".study-item__where a").get_attribute("href") == FIVE_G + "#s1-2-p1"

    # The backup file, by keyboard.
    tab_to(phone, "[data-study-action=backup]")
    with phone.expect_download() as download:
        phone.keyboard.press("Enter")
    backup = tmp_path / "backup.json"
    download.value.save_as(backup)
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert data["format"] == "xuexi-study" and data["version"] == 1 and len(data["items"]) == 2

    # Clear the storage, then import: the same marks and notes.
    phone.evaluate("localStorage.clear()")
    phone.reload(wait_until="networkidle")
    assert phone.locator("[data-study-list=bookmark] .study-item").count() == 0

    # The file chooser a reader opens with Enter on the field, answered with the file to import.
    # (Listened for from here on: waiting for it only around the key press can miss it.)
    chosen = {}
    phone.on("filechooser", lambda chooser: chooser.set_files(chosen["path"]))

    def import_file(path):
        if phone.evaluate("document.activeElement.id") != "study-import-file":
            tab_to(phone, "#study-import-file", key="Shift+Tab")
        chosen["path"] = str(path)
        before = status(phone)
        phone.keyboard.press("Enter")
        phone.wait_for_function("t => document.querySelector('.study-status').textContent !== t", arg=before)

    phone.locator("body").focus()
    tab_to(phone, "#study-import-file")
    import_file(backup)
    assert status(phone) == L("study.restored").format(added=2, updated=0)
    assert items(phone) == before
    assert phone.locator("[data-study-list=mark] .study-item").count() == 1
    open_page(phone, base + FIVE_G)
    phone.locator("#s1-2-p1 mark.study-mark").first.wait_for()

    # Imported again: nothing doubles.
    open_page(phone, base + "study.html")
    tab_to(phone, "#study-import-file")
    import_file(backup)
    assert status(phone) == L("study.restored").format(added=0, updated=0)
    assert items(phone) == before

    # A malformed, a foreign, a newer or a damaged file: a message, and nothing changed.
    kept = phone.evaluate(RAW_RECORD)
    good = json.loads(backup.read_text(encoding="utf-8"))
    bad_item = {**good, "items": [{**good["items"][0], "page": "../../secret.html"}]}
    cases = [("malformed.json", "{not json", "study.bad_file"),
             ("foreign.json", json.dumps({"format": "another-site", "version": 1}), "study.bad_file"),
             ("newer.json", json.dumps({**good, "version": 2}), "study.newer_file"),
             ("damaged.json", json.dumps(bad_item), "study.bad_file")]
    for name, content, message in cases:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        phone.evaluate("document.querySelector('.study-status').textContent = ''")
        import_file(path)
        assert status(phone) == L(message), name
        assert phone.evaluate(RAW_RECORD) == kept, f"{name} changed the record"


# --- citations -------------------------------------------------------------------------------


def test_copy_citation_of_a_paragraph_and_a_table_row(phone, server):
    open_page(phone, server + FIVE_G)
    phone.click("#s1-3-p1", position={"x": 100, "y": 10})
    phone.locator("#s1-3-p1 .study-tools").wait_for()
    phone.locator("#s1-3-p1 [data-study=cite]").click()
    text = phone.evaluate("navigator.clipboard.readText()")
    assert text.startswith("“（三）加强电力和频率保障。") and text.endswith("工作。”" + FIVE_G_CITE)
    assert "¶" not in text and L("study.bookmark") not in text
    open_page(phone, server + TABLES)
    row = phone.locator("#tab-1-r2")
    row.scroll_into_view_if_needed()
    row.locator("td").first.click()
    phone.locator("#tab-1-r2 .study-tools").wait_for()
    assert phone.locator("#tab-1-r2 [data-study=mark]").is_hidden(), "rows are bookmarked, not marked"
    phone.locator("#tab-1-r2 [data-study=cite]").click()
    text = phone.evaluate("navigator.clipboard.readText()")
    cells = row.locator("th, td").evaluate_all("els => els.map(e => e.firstChild.textContent.trim())")
    assert cells[0] == "高新技术企业数量（个）"
    assert text == ("“" + " | ".join(cells) + "”（《中国制造2025咸宁行动方案》，咸政发〔2016〕23号，"
                    "咸宁市2020年和2025年制造业主要指标）")


def test_a_paragraph_inside_a_remark_cites_the_remark(phone, server):
    open_page(phone, server + PART1)
    paragraph = phone.locator("#r-20180424 blockquote p[id]").first
    paragraph.click(position={"x": 60, "y": 10})
    phone.locator("#r-20180424 .study-tools").wait_for()
    phone.locator("#r-20180424 .study-tools [data-study=cite]").click()
    assert phone.evaluate("navigator.clipboard.readText()").endswith("”" + REMARK_CITE)


def test_a_selection_inside_a_paragraph_is_marked(phone, server):
    open_page(phone, server + FIVE_G)
    words = "控制非独立组网（NSA）建设规模"
    phone.evaluate("""words => {
        const p = document.getElementById('s1-1-p1');
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = n.nodeValue.indexOf(words);
            if (at >= 0) { getSelection().setBaseAndExtent(n, at, n, at + words.length); return; }
        }
    }""", words)
    phone.locator("#s1-1-p1 .study-tools").wait_for()
    phone.locator("#s1-1-p1 [data-study=mark]").click()
    phone.locator("#s1-1-p1 mark.study-mark").first.wait_for()
    assert phone.locator("#s1-1-p1 mark.study-mark").all_inner_texts() == [words]
    phone.reload(wait_until="networkidle")
    phone.locator("#s1-1-p1 mark.study-mark").wait_for()
    assert phone.locator("#s1-1-p1 mark.study-mark").inner_text() == words
    open_page(phone, server + "study.html")
    assert phone.locator("[data-study-list=mark] .study-item__quote").inner_text() == "“" + words + "”" + FIVE_G_CITE


def test_a_target_row_is_bookmarked_and_cited_from_its_document(phone, server):
    open_page(phone, server + "targets/digital.html")
    row = phone.locator("tr#iiot-service-platforms-5g-national")
    row.locator("th").click()
    phone.locator("tr#iiot-service-platforms-5g-national .study-tools").wait_for()
    assert phone.locator("tr#iiot-service-platforms-5g-national [data-study=cite]").is_hidden()
    phone.locator("tr#iiot-service-platforms-5g-national [data-study=bookmark]").click()
    phone.wait_for_function("() => document.querySelector('tr#iiot-service-platforms-5g-national [data-study=bookmark]')"
                            ".getAttribute('aria-pressed') === 'true'")
    open_page(phone, server + "study.html")
    item = phone.locator("[data-study-list=bookmark] .study-item")
    assert item.locator(".study-item__where a").inner_text().startswith("“5G+工业互联网”产业公共服务平台 5个")
    assert item.locator(".study-item__quote").inner_text() == (
        "“打造5个产业公共服务平台，构建创新载体和公共服务能力；加快垂直领域‘5G+工业互联网’的先导应用，内网建设改造覆盖10个"
        "重点行业；打造一批‘5G+工业互联网’内网建设改造标杆网络、样板工程，形成至少20大典型工业应用场景。”" + FIVE_G_CITE)


def test_the_english_edition_shares_the_store(phone, server):
    open_page(phone, server + "en/" + FIVE_G)
    phone.click("#s1-2-p1", position={"x": 100, "y": 10})
    phone.locator("#s1-2-p1 .study-tools").wait_for()
    bookmark = phone.locator("#s1-2-p1 [data-study=bookmark]")
    assert bookmark.inner_text() == "Bookmark"
    bookmark.click()
    phone.wait_for_function("() => document.querySelector('#s1-2-p1 [data-study=bookmark]')"
                            ".getAttribute('aria-pressed') === 'true'")
    open_page(phone, server + "study.html")
    assert phone.locator("[data-study-list=bookmark] .study-item__quote").inner_text().endswith("”" + FIVE_G_CITE)
    open_page(phone, server + "en/study.html")
    item = phone.locator("[data-study-list=bookmark] .study-item")
    assert item.locator(".study-item__where a").inner_text() == \
        "Notice of the Ministry of Industry and Information Technology on promoting the accelerated development of 5G"
    assert item.locator(".study-item__where a").get_attribute("href") == FIVE_G + "#s1-2-p1"
    assert phone.locator("#u-bookmarks").inner_text().startswith("Bookmarks")


# --- taking it away --------------------------------------------------------------------------


def test_text_for_word_quotes_then_notes(phone, server, tmp_path):
    open_page(phone, server + PART1)
    phone.click("#r-20180424 [data-study-remark]")
    phone.wait_for_function("() => document.querySelector('#r-20180424 [data-study-remark]')"
                            ".getAttribute('aria-pressed') === 'true'")
    open_page(phone, server + FIVE_G)
    phone.click("#s1-2-p1", position={"x": 100, "y": 10})
    phone.locator("#s1-2-p1 [data-study=note]").click()
    phone.locator(".study-note-editor textarea").fill(NOTE)
    phone.locator(".study-note-editor button").first.click()
    phone.locator("#s1-2-p1 .study-note-flag").wait_for()
    open_page(phone, server + "study.html")
    phone.click("[data-study-action=copy]")
    phone.wait_for_function("() => document.querySelector('.study-status').textContent !== ''")
    assert status(phone) == L("study.copied")
    text = phone.evaluate("navigator.clipboard.readText()")
    lines = text.split("\n")
    assert re.fullmatch(r"我的学习（\d{4}-\d{2}-\d{2}）", lines[0])
    assert lines[1:4] == ["", "收藏", ""]
    assert lines[4].startswith("1. “推动高质量发展") and lines[4].endswith("”" + REMARK_CITE)
    assert lines[5:8] == ["", "划线与笔记", ""]
    assert lines[8].startswith("1. “（二）加大基站站址资源支持。") and lines[8].endswith("”" + FIVE_G_CITE)
    assert lines[9] == "笔记：" + NOTE
    assert not re.search("[<>¶\u200b]", text)
    # The same as a text file: with a BOM and Windows line ends, for Notepad, Word and WPS.
    with phone.expect_download() as download:
        phone.click("[data-study-action=text]")
    saved = tmp_path / "study.txt"
    download.value.save_as(saved)
    raw = saved.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert raw[3:].decode("utf-8").replace("\r\n", "\n") == text


def test_the_study_page_prints_its_lists_without_controls(phone, server):
    open_page(phone, server + "study.html")
    phone.emulate_media(media="print")
    for selector in (".study-actions", ".study-import", ".md-header"):
        assert phone.locator(selector).evaluate_all("els => els.filter(e => e.getClientRects().length).length") == 0
    assert phone.locator("#u-bookmarks").is_visible()


# --- nothing lost -----------------------------------------------------------------------------

NO_STORAGE = """Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});"""
FULL = """(() => {
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (window.__full && k.startsWith('study ')) throw new DOMException('full', 'QuotaExceededError');
    return set.call(this, k, v);
  };
})();"""


def test_storage_switched_off_says_so(browser, server):
    ctx = browser.new_context(**PHONE)
    ctx.add_init_script(NO_STORAGE)
    page = ctx.new_page()
    try:
        open_page(page, server + PART1)
        page.click("#r-20180424 [data-study-remark]")
        page.wait_for_function("t => document.querySelector('.reader-notice').textContent === t", arg=L("study.no_storage"))
        assert page.locator("#r-20180424 [data-study-remark]").get_attribute("aria-pressed") == "false"
        open_page(page, server + "study.html")
        assert status(page) == L("study.no_storage")
    finally:
        ctx.close()


def test_storage_full_says_so_and_changes_nothing(browser, server, tmp_path):
    ctx = browser.new_context(**PHONE)
    ctx.add_init_script(FULL)
    page = ctx.new_page()
    try:
        open_page(page, server + FIVE_G)
        page.click("#s1-2-p1", position={"x": 100, "y": 10})
        page.locator("#s1-2-p1 [data-study=bookmark]").click()
        page.wait_for_function("() => document.querySelector('#s1-2-p1 [data-study=bookmark]')"
                               ".getAttribute('aria-pressed') === 'true'")
        kept = page.evaluate(RAW_RECORD)
        page.evaluate("window.__full = true")
        page.locator("#s1-2-p1 [data-study=mark]").click()
        page.wait_for_function("t => document.querySelector('.reader-notice').textContent === t", arg=L("study.full"))
        assert page.locator("mark.study-mark").count() == 0
        assert page.evaluate(RAW_RECORD) == kept
        # An import that does not fit: the same.
        backup = tmp_path / "backup.json"
        backup.write_text(json.dumps({"format": "xuexi-study", "version": 1, "read": {}, "places": {}, "items": [
            {"kind": "bookmark", "what": "paragraph", "page": FIVE_G, "id": "s1-3-p1", "text": "x", "t": 1}]}))
        open_page(page, server + "study.html")
        page.evaluate("window.__full = true")
        page.set_input_files("#study-import-file", str(backup))
        page.wait_for_function("() => document.querySelector('.study-status').textContent !== ''")
        assert status(page) == L("study.full")
        assert page.evaluate(RAW_RECORD) == kept
    finally:
        ctx.close()


def test_the_study_page_without_javascript_says_what_needs_it(browser, server):
    ctx = browser.new_context(java_script_enabled=False, **PHONE)
    page = ctx.new_page()
    try:
        open_page(page, server + "study.html")
        assert page.locator(".study-nojs").is_visible()
        assert page.locator(".study-nojs").inner_text() == L("study.nojs")
        assert page.locator(".study-contents a[href='part2/5g-development.html']").is_visible()
        assert all(not b.is_visible() for b in page.locator("article button").all())
        open_page(page, server + FIVE_G)
        assert not page.locator("[data-study-read]").is_visible()
    finally:
        ctx.close()
