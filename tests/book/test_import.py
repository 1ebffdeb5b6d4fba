"""The import tool that drafted the pages: it documents how they were made, so it keeps working."""
from __future__ import annotations

import subprocess
import sys

from compendium.book.pages import parse_document
from compendium.book.vocabulary import load_vocabulary

from support.project import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import import_source  # noqa: E402


def test_import_drafts_every_document(tmp_path):
    out = tmp_path / "draft"
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "import_source.py"), "--out", str(out)],
                          capture_output=True, text=True, check=True)
    assert "wrote 37 pages" in done.stdout
    pages = sorted(out.rglob("*.md"))
    assert len(pages) == 37
    # Drafts are valid pages once the editor has filled in level, kind, topics and the English.
    draft = (out / "part2" / "5g-development.md").read_text(encoding="utf-8")
    assert "doc_no: 工信部通信〔2020〕49号" in draft
    filled = draft.replace("level: \n", "level: ministry\n").replace("kind: \n", "kind: notice\n")
    filled = filled.replace("topics: []", "topics: [digital]").replace("title_en: \n", "title_en: Notice on 5G\n")
    filled = filled.replace("summary_en: \n", "summary_en: It asks for 5G. It asks for more. It asks again.\n")
    doc = parse_document("part2/5g-development.md", filled, load_vocabulary())
    assert doc.meta.date == "2020" and doc.anchors[0].id == "s1"


def test_import_refuses_to_overwrite_the_edited_pages():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "import_source.py"), "--out", str(ROOT / "docs")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "--force" in done.stderr


def lines(*texts: str) -> list:
    return [import_source.Line(i, t, import_source.display_width(t)) for i, t in enumerate(texts, 1)]


def test_paragraphs_are_joined_by_print_width():
    body = lines(
        "一二三四五六七八九十一二三四五六七八九十一二三四五六",  # first line: indented, 26 cells
        "七八九十一二三四五六七八九十一二三四五六七八九十一二三四",  # full: 28 cells
        "完了。",  # short: ends the paragraph
        "一二三四五六七八九十一二三四五六七八九十一二三四五六",
        "七八九十一二三四五六七八九十一二三四五六七八九十一二三四",
        "七八九十一二三四五六七八九十一二三四五六七八九十一二三四",
        "七八九十一二三四五六七八九十一二三四五六七八九十一二三四",
        "又完。",
    )
    paragraphs = import_source.join_paragraphs(body)
    assert [p[0] for p in paragraphs] == [1, 4]
    assert paragraphs[0][1].endswith("一二三四完了。")


def test_numbering_maps_to_headings_and_run_in_heads():
    md = import_source.write_body([(1, "一、总体要求"), (2, "（一）指导思想"), (3, "1.推进建设智能工厂。大力发展智能装备。")],
                                  remarks=False)
    assert "## 一、总体要求 {#s1}" in md
    assert "### （一）指导思想 {#s1-1}" in md
    assert "**1.推进建设智能工厂。**{#s1-1-1}大力发展智能装备。" in md


def test_attributions_close_remark_blocks_with_dated_ids():
    md = import_source.write_body([(1, "推动高质量发展。"), (2, "——2018年5月18日至19日，在全国生态环境保护大会上的讲话"),
                                   (3, "绿色发展。"), (4, "——2018年5月18日至19日，在全国生态环境保护大会上的讲话")],
                                  remarks=True)
    assert md.count("/// remark | ——2018年5月18日") == 2
    assert "id: r-20180518\n" in md and "id: r-20180518-2\n" in md
