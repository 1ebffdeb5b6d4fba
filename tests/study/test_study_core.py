"""compendium.study without MkDocs: citations, the 我的学习 page, the progress lines, the labels and
the compaction of the study scripts."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from compendium.book.labels import load_labels
from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary
from compendium.study.citation import document_citation, quote, row_citation, title_in_marks
from compendium.study.page import (document_data, progress_block, read_button, render_study_page, with_progress,
                                   with_remark_bookmarks)
from compendium.study.scripts import (FORMAT, LABELS_LINE, SCRIPT_LABELS, STYLESHEETS, VERSION, compact, compact_css,
                                      with_labels)
from support.project import ROOT

LABELS = load_labels()


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary(ROOT / "data" / "vocabulary.yml")


@pytest.fixture(scope="module")
def docs(vocab):
    return {d.path: d for d in load_documents(ROOT / "docs", vocab)}


# --- citations -------------------------------------------------------------------------------


def test_a_document_cites_by_its_title_and_document_number(docs):
    assert document_citation(docs["part2/5g-development.md"]) == "（《工业和信息化部关于推动5G加快发展的通知》，工信部通信〔2020〕49号）"
    # No 文号: the title alone.
    assert document_citation(docs["part3/shenzhen.md"]) == "（《深圳转型发展的经验》）"


def test_title_marks_inside_a_title_turn_single():
    assert title_in_marks("关于印发《中国制造2025》的通知") == "《关于印发〈中国制造2025〉的通知》"


def test_a_table_row_cites_its_document_and_the_table(docs):
    doc = docs["part5/made-in-china-2025-xianning.md"]
    assert row_citation(doc, " 咸宁市2020年和2025年制造业主要指标 ") == \
        "（《中国制造2025咸宁行动方案》，咸政发〔2016〕23号，咸宁市2020年和2025年制造业主要指标）"
    assert row_citation(doc, "") == document_citation(doc)


def test_a_quotation_opens_each_paragraph_and_nests_quotation_marks():
    assert quote(["第一段“甲”。", "第二段。"], "（出处）") == "“第一段‘甲’。\n“第二段。”（出处）"


# --- what the pages carry ----------------------------------------------------------------------


def test_a_document_page_carries_its_citation_and_title(docs):
    html = document_data(docs["part2/5g-development.md"])
    assert 'class="study-doc generated" hidden' in html and "data-search-exclude" in html
    assert 'data-cite="（《工业和信息化部关于推动5G加快发展的通知》，工信部通信〔2020〕49号）"' in html
    assert 'data-title="工业和信息化部关于推动5G加快发展的通知"' in html


def test_remarks_get_a_bookmark_button_after_their_tools():
    page = ('<figure class="remark" id="r-1"><span class="remark-tools generated" data-search-exclude="">'
            '<a class="reader-control permalink" href="#r-1">¶</a><button type="button">复制引文</button></span></figure>')
    out = with_remark_bookmarks(page, LABELS)
    assert out.count("data-study-remark") == 1
    assert re.search(r"复制引文</button><button [^>]*data-study-remark[^>]*>收藏</button></span>", out)
    assert 'aria-pressed="false"' in out and "reader-js-only" in out
    assert with_remark_bookmarks("<p>no remark</p>", LABELS) == "<p>no remark</p>"


def test_read_button_needs_the_script_and_is_generated():
    html = read_button(LABELS.in_language("en"))
    assert "generated" in html and "reader-js-only" in html and ">Mark as read</button>" in html


def test_the_home_page_shows_every_part_and_the_last_document(docs, vocab):
    block = progress_block(list(docs.values()), vocab, LABELS, "")
    totals = {int(n): int(t) for n, t in re.findall(r'data-study-part="part(\d)/" data-total="(\d+)"', block)}
    assert totals == {n: sum(1 for d in docs.values() if d.meta.part == n) for n in range(1, 6)}
    assert "第一篇：<span" in block and "已读 0 / 2 篇" in block and "data-study-last" in block
    assert "上次读到：<span data-study-last>" in block
    assert 'href="study.html"' in block and "reader-js-only" in block and "generated" in block


def test_a_part_page_shows_its_own_part(docs, vocab):
    block = progress_block(list(docs.values()), vocab, LABELS.in_language("en"), "../", 3)
    assert re.findall(r'data-study-part="(part\d/)"', block) == ["part3/"]
    assert 'href="../study.html"' in block and "data-study-last" not in block and "0 of 6 read" in block
    assert "Part 3: <span" in block and not re.search("[：；]", block)


def test_progress_goes_under_the_introduction():
    md = "---\ntitle: x\n---\n\n# Title\n\nIntro line one\nline two\n{: .editorial }\n\n## Next {#u-next}\n"
    out = with_progress(md, "<p>BLOCK</p>")
    assert out.index("{: .editorial }") < out.index("BLOCK") < out.index("## Next")
    assert with_progress("# Title\n", "<p>B</p>").endswith("<p>B</p>\n")


def test_the_study_page_lists_the_book_and_what_needs_the_script(docs, vocab):
    for lang in ("zh", "en"):
        labels = LABELS.in_language(lang)
        md = render_study_page(list(docs.values()), vocab, labels, ["assets/javascripts/study-page.js"],
                               "assets/stylesheets/study-page.css")
        assert md.startswith(f"---\ntitle: {labels('study.title')}\n---\n")
        assert md.count("data-page=") == len(docs)
        # In book order, each with its citation and its title in the page's language.
        pages = re.findall(r'data-page="([^"]+)"', md)
        assert pages == [d.url for d in sorted(docs.values(), key=lambda d: (d.meta.part, d.meta.order))]
        assert html.escape(labels("study.nojs")) in md and labels("study.intro") in md
        assert '<script src="assets/javascripts/study-page.js" defer></script>' in md
        assert '<link rel="stylesheet" href="assets/stylesheets/study-page.css">' in md
        for action in ("copy", "text", "print", "backup"):
            assert f'data-study-action="{action}"' in md
        assert re.findall(r'<h2 id="(u-[a-z-]+)"', md) == ["u-progress", "u-bookmarks", "u-marks", "u-export"]
        assert "style=" not in md and "<script>" not in md
    assert "湖北省5G产业发展行动计划（2019-2021年）" in render_study_page(
        list(docs.values()), vocab, LABELS, [], "x.css")


# --- the scripts ------------------------------------------------------------------------------


def test_every_script_label_exists_in_both_languages():
    for keys in SCRIPT_LABELS.values():
        for key in keys:
            assert LABELS.in_language("zh")(key) and LABELS.in_language("en")(key)


def test_labels_are_written_into_the_scripts_and_comments_left_out():
    docs_dir = ROOT / "docs"
    for path, keys in SCRIPT_LABELS.items():
        source = (docs_dir / path).read_text(encoding="utf-8")
        out = with_labels(source, path, LABELS)
        assert "/*" not in out and not re.search(r"^\s*//", out, re.M), f"{path} keeps a comment"
        assert len(out) < len(source)
        if keys:
            assert LABELS_LINE in source
            table = json.loads(re.search(r"^var LABELS = (.*);$", out, re.M).group(1))
            assert table["format"] == FORMAT and table["version"] == VERSION
            assert table["labels"][keys[0].split(".", 1)[1]] == LABELS(keys[0])
            english = with_labels(source, path, LABELS.in_language("en"))
            assert json.loads(re.search(r"^var LABELS = (.*);$", english, re.M).group(1))["labels"] == {
                key.split(".", 1)[1]: LABELS.in_language("en")(key) for key in keys}


def test_compaction_keeps_code_and_strings():
    source = ('/* a\n * block */\n(function () {\n  // a line\n  var a = "x // y"; // trailing\n'
              '  var b = /\\/\\//; /* inline */\n  return a + b;\n})();\n')
    assert compact(source) == '(function () {\nvar a = "x // y";\nvar b = /\\/\\//;\nreturn a + b;\n})();\n'
    assert compact_css("/* c */\n.a .b,\n.c > .d {\n  content: \"✓ \";\n  margin: 0 auto;\n}\n") == \
        '.a .b,.c>.d{content:"✓ ";margin:0 auto}\n'
    for path in STYLESHEETS:
        assert "/*" not in compact_css((ROOT / "docs" / path).read_text(encoding="utf-8"))
