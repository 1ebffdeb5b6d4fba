"""A new edition keeps every mark: marks made on one build, then a second build of a copy of the
project in which a paragraph was split in two (the ids after it shift) and a marked paragraph's
words corrected by an erratum, served at the same address so that the browser's storage carries over."""
from __future__ import annotations

import re

import yaml

from support.browsing import PHONE
from support.project import edit, run_mkdocs_build
from support.studying import items, record, swappable_server

PAGE = "part3/shenzhen.html"
SOURCE = "docs/part3/shenzhen.md"
FIRST = "经过三十年的发展"  # s1-p1: split after its first sentence
WORDS = "增长动力向创新驱动积极转变"  # selected inside s1-p2
CHANGED_FROM, CHANGED_TO = "2011年万元GDP建设用地下降11.9%", "2011年万元GDP建设用地下降12.9%"  # in s1-p4
NOTE = "对照咸宁的数据。"


def mark_whole(page, anchor):
    page.click(f"#{anchor}", position={"x": 60, "y": 10})
    page.locator(f"#{anchor} .study-tools").wait_for()
    page.locator(f"#{anchor} [data-study=mark]").click()
    page.locator(f"#{anchor} mark.study-mark").first.wait_for()


def test_a_new_edition_keeps_every_mark_and_flags_changed_text(browser, site, project_copy, tmp_path):
    # The second edition: the first paragraph split after its first sentence (a layout repair:
    # s1-p2 … become s1-p3 …), and a figure of the last marked paragraph corrected, with the erratum
    # the build asks for (the words of a page change only with one).
    path = project_copy / SOURCE
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith(FIRST))
    cut = first.index("。") + 1
    split = first[cut:]
    edit(path, first + "\n", first[:cut] + "\n\n" + split + "\n")
    edit(path, CHANGED_FROM, CHANGED_TO)
    refused = run_mkdocs_build(project_copy, tmp_path / "refused")
    entry = re.search(r"add to data/errata\.yml: (- \{.*?\})", refused.stderr)
    assert refused.returncode != 0 and entry, refused.stderr[-3000:]
    erratum = yaml.safe_load(entry.group(1).replace("…", "x"))[0]
    erratum.update(reason="试验：新版改正一个数字。", reason_en="A trial: a figure corrected in a new edition.")
    errata = project_copy / "data" / "errata.yml"
    errata.write_text(errata.read_text(encoding="utf-8") + yaml.safe_dump([erratum], allow_unicode=True),
                      encoding="utf-8")
    second = tmp_path / "second-edition"
    result = run_mkdocs_build(project_copy, second)
    assert result.returncode == 0, result.stderr[-3000:]
    assert split in (second / PAGE).read_text(encoding="utf-8")

    with swappable_server(site) as (base, swap):
        # (Without the service worker, which would keep serving the first edition until it takes up
        # the second: tests/hosting/test_offline.py covers that; here the same page is reloaded.)
        ctx = browser.new_context(service_workers="block", **PHONE)
        page = ctx.new_page()
        try:
            page.goto(base + PAGE, wait_until="networkidle")
            old = {a: page.locator(f"#{a}").evaluate("el => el.textContent") for a in ("s1-p2", "s1-p3", "s1-p4")}
            assert CHANGED_FROM in old["s1-p4"] and old["s1-p2"].startswith(WORDS)
            mark_whole(page, "s1-p3")
            mark_whole(page, "s1-p4")
            page.locator("#s1-p4 [data-study=note]").click()
            page.locator(".study-note-editor textarea").fill(NOTE)
            page.locator(".study-note-editor button").first.click()
            page.locator("#s1-p4 .study-note-flag").wait_for()
            page.evaluate("""words => {
                const n = [...document.getElementById('s1-p2').childNodes].find(n => n.nodeType === 3 && n.nodeValue.includes(words));
                getSelection().setBaseAndExtent(n, 0, n, words.length);
            }""", WORDS)
            page.locator("#s1-p2 .study-tools").wait_for()
            page.locator("#s1-p2 [data-study=mark]").click()
            page.locator("#s1-p2 mark.study-mark").first.wait_for()
            assert len(items(page)) == 3

            # The new edition, at the same address.
            swap(second)
            page.reload(wait_until="networkidle")
            assert page.locator("#s1-p2").inner_text().startswith(split[:12])
            page.wait_for_function("() => document.querySelectorAll('article mark.study-mark').length >= 2")
            # Text still there: found again at its new anchor.
            assert page.locator("#s1-p3 mark.study-mark").all_inner_texts() == [WORDS]
            assert "".join(page.locator("#s1-p4 mark.study-mark").all_inner_texts()) == old["s1-p3"].strip()
            # Text changed: kept, flagged, with the words it was made on and its note.
            assert page.locator("#s1-p5 mark.study-mark").count() == 0
            kept = {(i["id"], i.get("lost", False)) for i in items(page)}
            assert kept == {("s1-p3", False), ("s1-p4", False), ("s1-p4", True)}, kept
            lost = next(i for i in items(page) if i.get("lost"))
            assert CHANGED_FROM in lost["text"] and lost["note"] == NOTE
            assert len(record(page)["items"]) == 3

            page.goto(base + "study.html", wait_until="networkidle")
            changed = page.locator("[data-study-list=mark] .study-item--changed")
            assert changed.count() == 1
            assert changed.locator(".study-item__changed").inner_text().startswith("原文已变")
            assert CHANGED_FROM in changed.locator(".study-item__quote").inner_text()
            assert NOTE in changed.locator(".study-item__note").inner_text()
            assert page.locator("[data-study-list=mark] .study-item").count() == 3
            # In book order: by their place in the page.
            quotes = page.locator("[data-study-list=mark] .study-item__quote").all_inner_texts()
            assert quotes[0].startswith("“" + WORDS)
        finally:
            ctx.close()
