"""The mistakes an editor makes, each made on a copy of the project: the build stops with the file,
the line, what to do and the section of the editors' guide (MAINTAINING.md) that says how; and
doing what the message says makes the build pass again where that is the point."""
from __future__ import annotations

import re

import yaml

from compendium.book.errata import load_errata
from compendium.book.fidelity import check_site

from support.project import edit, line_of, run_mkdocs_build

XUZHOU = "docs/part3/xuzhou.md"
GUIDE_ERRATA = "见《编辑维护手册》第2节「改正一个字（勘误）」"


def build(project, tmp_path, name="site"):
    result = run_mkdocs_build(project, tmp_path / name)
    result.output = result.stdout + result.stderr
    result.site = tmp_path / name
    return result


def failed(result) -> str:
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    return result.output


# --- words changed without an erratum ---------------------------------------------------------


def test_a_changed_word_without_an_erratum_stops_the_build_and_the_entry_it_names_fixes_it(project_copy, tmp_path):
    page = project_copy / XUZHOU
    edit(page, "徐州位于江苏省西北部", "徐州位于江苏省东北部")
    output = failed(build(project_copy, tmp_path))
    line = line_of(page, "徐州位于江苏省东北部")
    assert (f"Bad page: {XUZHOU}:{line}: words: the page reads '东' where source line 5404 reads '西', "
            "and no errata entry says so") in output, output
    assert GUIDE_ERRATA in output
    # The entry the message proposes, with a reason, is what the guide says to add: the build passes.
    entry = re.search(r"add to data/errata\.yml: (- \{.*?\})", output).group(1)
    record = yaml.safe_load(entry.replace("…", "x"))[0]
    assert record == {"line": 5404, "page": "part3/xuzhou.md", "original": "于江苏省西北部，是",
                      "corrected": "于江苏省东北部，是", "reason": "x", "reason_en": "x"}
    record.update(reason="试验：改正方位。", reason_en="A trial: the direction corrected.")
    errata = project_copy / "data" / "errata.yml"
    errata.write_text(errata.read_text(encoding="utf-8") + yaml.safe_dump([record], allow_unicode=True),
                      encoding="utf-8")
    result = build(project_copy, tmp_path, "fixed")
    assert result.returncode == 0, result.output
    html = (result.site / "part3" / "xuzhou.html").read_text(encoding="utf-8")
    assert "徐州位于江苏省东北部" in html


def test_a_lost_sentence_names_its_source_line(project_copy, tmp_path):
    page = project_copy / XUZHOU
    line = line_of(page, "徐州位于江苏省西北部")
    edit(page, "徐州位于江苏省西北部，", "")
    output = failed(build(project_copy, tmp_path))
    assert f"{XUZHOU}:{line}: words: the page lacks '徐州位于江苏省西北部，' of source line 5404" in output, output


# --- errata ---------------------------------------------------------------------------------------


def test_an_erratum_names_its_own_line_and_the_source_line_that_holds_the_original(project_copy, tmp_path):
    errata = project_copy / "data" / "errata.yml"
    edit(errata, "- line: 7978", "- line: 7977")
    output = failed(build(project_copy, tmp_path))
    entry = line_of(errata, "- line: 7977")
    assert (f"data/errata.yml:{entry}: original: '光谷南?科技城' is not on source line 7977 "
            "(it is on source line 7978)") in output, output
    assert GUIDE_ERRATA in output


# --- front matter --------------------------------------------------------------------------------


def test_an_impossible_unquoted_date_is_a_bad_page_with_its_line(project_copy, tmp_path):
    page = project_copy / "docs" / "part2" / "hubei-service-industry.md"
    edit(page, 'date: "2018-02-27"', "date: 2018-02-30")
    output = failed(build(project_copy, tmp_path))
    assert (f"Bad page: docs/part2/hubei-service-industry.md:{line_of(page, 'date:')}: date: '2018-02-30' "
            "is not a day of the calendar") in output, output
    assert "见《编辑维护手册》第4节" in output


def test_an_impossible_quoted_date_is_not_told_to_use_the_form_it_has(project_copy, tmp_path):
    page = project_copy / "docs" / "part2" / "hubei-service-industry.md"
    edit(page, 'date: "2018-02-27"', 'date: "2018-02-30"')
    output = failed(build(project_copy, tmp_path))
    assert ("date: '2018-02-30' is not a valid date: it is written as YYYY-MM-DD but no such day or month exists. "
            "Check the date against the source") in output, output


def test_bad_front_matter_yaml_is_a_bad_page(project_copy, tmp_path):
    page = project_copy / XUZHOU
    edit(page, "title: 徐州建设转型升级示范区的经验做法", "title: 徐州建设：转型升级示范区的经验做法: 二")
    output = failed(build(project_copy, tmp_path))
    assert re.search(rf"Bad page: {XUZHOU}:\d+: the front matter is not valid YAML", output), output
    assert "见《编辑维护手册》第4节" in output


# --- heading ids ----------------------------------------------------------------------------------


def test_a_duplicate_heading_id_is_told_the_id_its_number_gives(project_copy, tmp_path):
    page = project_copy / XUZHOU
    edit(page, "{#s2-2}", "{#s2-1}")  # （二） under 二、, given the id of （一）
    output = failed(build(project_copy, tmp_path))
    assert (f"{XUZHOU}:{line_of(page, '（二）双管齐下')}: anchor: id 's2-1' does not match the heading's number: "
            "（二） under 二、 is s2-2. Write {#s2-2}") in output, output
    assert "见《编辑维护手册》第5节「标题编号和锚点」" in output


def test_an_id_that_disagrees_with_its_number_stops_the_build_at_the_page(project_copy, tmp_path):
    page = project_copy / XUZHOU
    edit(page, "{#s2-3}", "{#s2-5}")
    output = failed(build(project_copy, tmp_path))
    assert f"{XUZHOU}:{line_of(page, '（三）标本兼治')}: anchor: id 's2-5'" in output and "Write {#s2-3}" in output
    assert "topic-passages" not in output, "the mistake is reported where it is, not where it surfaces"


# --- targets --------------------------------------------------------------------------------------

FARMLAND = "统一上图入库，到2020年建成8亿亩"
AGRI = "docs/part2/agricultural-development-mode.md"


def test_a_target_sentence_one_character_off_shows_the_closest_paragraph_and_where_they_differ(project_copy,
                                                                                                tmp_path):
    targets = project_copy / "data" / "targets.yml"
    edit(targets, FARMLAND, FARMLAND.replace("入库", "人库"))
    output = failed(build(project_copy, tmp_path))
    sentence = line_of(targets, FARMLAND.replace("入库", "人库"))
    paragraph = line_of(project_copy / AGRI, FARMLAND)
    assert (f"data/targets.yml:{sentence}: target high-standard-farmland-national-2020: the sentence is not on "
            f"part2/agricultural-development-mode.md: the closest paragraph, {AGRI}:{paragraph}, differs from it at "
            "character 151 of 170 (the sentence has '设，统一上图人库，到', the page '设，统一上图入库，到')") in output, output
    assert "见《编辑维护手册》第8节" in output


def test_an_erratum_inside_a_target_sentence_says_that_the_record_changes_with_it(project_copy, tmp_path):
    edit(project_copy / AGRI, "统一上图入库", "统一上图入册")
    errata = project_copy / "data" / "errata.yml"
    errata.write_text(errata.read_text(encoding="utf-8") + (
        "- line: 682\n  page: part2/agricultural-development-mode.md\n  original: \"统一上图入库\"\n"
        "  corrected: \"统一上图入册\"\n  reason: 试验。\n  reason_en: \"A trial.\"\n"), encoding="utf-8")
    output = failed(build(project_copy, tmp_path))
    entry = line_of(errata, "- line: 682")
    assert (f"the errata entry at data/errata.yml:{entry} changed '统一上图入库' to '统一上图入册' inside it. "
            "A target sentence quotes its page as corrected: write '统一上图入册' in this sentence too, in the records "
            "of target high-standard-farmland-national-2020") in output, output


# --- documents beyond the print -------------------------------------------------------------------

ADDED = """---
title: 咸宁市推进制造业转型升级的补充说明
title_en: A supplementary note of Xianning on the transformation and upgrading of manufacturing
part: 5
order: 4
doc_no:
issuer: [咸宁市人民政府]
date: "2021"
level: xianning
kind: opinion
topics: [manufacturing]
source: added
added_in: 0.1.0
source_note: 咸宁市人民政府网站，2021年。
summary_en: >-
  The note asks the city's manufacturers to keep upgrading their plants. It repeats that
  manufacturing is the base of the city's economy. It is an addition of the editors, not a part of
  the printed book.
---

## 一、总体要求 {#s1}

推动制造业转型升级，坚持以企业为主体。
"""


def test_a_document_beyond_the_print_is_built_counted_listed_and_kept_apart_from_the_source(project_copy, tmp_path,
                                                                                              source_lines):
    (project_copy / "docs" / "part5" / "supplementary-note.md").write_text(ADDED, encoding="utf-8")
    result = build(project_copy, tmp_path)
    assert result.returncode == 0, result.output
    site = result.site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "全书分为五篇，共38篇文件和摘编（其中1篇为印本之外增补）：" in home
    assert re.search(r"近年来咸宁出台的相关政策</td>\s*<td>4</td>", home)
    assert "Five parts, with 38 documents and excerpts (1 of them added after the print):" in (
        site / "en" / "index.html").read_text(encoding="utf-8")
    page = (site / "part5" / "supplementary-note.html").read_text(encoding="utf-8")
    assert "本篇不在印本中，由编者在 0.1.0 版增补。" in page
    assert "（印本之外，0.1.0版增补）" in (site / "part5" / "index.html").read_text(encoding="utf-8")
    about = (site / "about.html").read_text(encoding="utf-8")
    assert 'href="part5/supplementary-note.html"' in about and "咸宁市人民政府网站，2021年。" in about
    assert "supplementary-note" in (site / "data" / "documents.json").read_text(encoding="utf-8")
    # Fidelity: the whole source is still accounted for, and the addition is listed apart.
    fidelity = check_site(site, project_copy / "docs", source_lines, load_errata(project_copy / "data" / "errata.yml"))
    assert fidelity.ok, fidelity.findings()[:5]
    assert fidelity.added == ["part5/supplementary-note.md"]
    assert "1 documents beyond the print" in fidelity.summary()


def test_a_document_beyond_the_print_that_names_source_lines_is_told_to_say_source_added(project_copy, tmp_path):
    path = project_copy / "docs" / "part5" / "supplementary-note.md"
    added = "source: added\nadded_in: 0.1.0\nsource_note: 咸宁市人民政府网站，2021年。\n"
    path.write_text(ADDED.replace(added, "source_lines: 6098-6098\n"), encoding="utf-8")
    output = failed(build(project_copy, tmp_path))
    assert (f"docs/part5/supplementary-note.md:{line_of(path, 'source_lines')}: source_lines: source lines 6098-6098 "
            "are also claimed by "
            "docs/part5/index.md. Give each page its own source lines; a document the printed book lacks has none: "
            "write 'source: added' and 'added_in: <version>'") in output, output
    assert "见《编辑维护手册》第6节「印本之外增补的文件」" in output


def test_two_pages_claiming_a_line_blame_the_one_just_written(project_copy, tmp_path):
    # part3/new-doc.md sorts before part5/index.md, whose line it claims: the new page is blamed.
    path = project_copy / "docs" / "part3" / "new-doc.md"
    text = (project_copy / XUZHOU).read_text(encoding="utf-8")
    path.write_text(re.sub(r"source_lines: .*", "source_lines: 6098-6098", text).replace("order: 4", "order: 7"),
                    encoding="utf-8")
    output = failed(build(project_copy, tmp_path))
    assert (f"docs/part3/new-doc.md:{line_of(path, 'source_lines')}: source_lines: source lines 6098-6098 are also "
            "claimed by docs/part5/index.md") in output, output


def test_a_document_beyond_the_print_names_an_edition_of_the_record(project_copy, tmp_path):
    path = project_copy / "docs" / "part5" / "supplementary-note.md"
    path.write_text(ADDED.replace("added_in: 0.1.0", "added_in: 0.2.0"), encoding="utf-8")
    output = failed(build(project_copy, tmp_path))
    assert (f"docs/part5/supplementary-note.md:{line_of(path, 'added_in')}: added_in: edition 0.2.0 has no entry in "
            "data/revisions.yml") in output, output
