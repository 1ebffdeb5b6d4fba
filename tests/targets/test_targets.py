"""The target table's core without MkDocs: records, their checks, the candidate rule and its
coverage of the corpus, marking sentences, charts and the published rows."""
from __future__ import annotations

import textwrap

import pytest
from bs4 import BeautifulSoup

from compendium.book.errors import PageError
from compendium.book.guide import see
from compendium.book.layout_repair import content_chars
from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary
from compendium.targets.candidates import (covered, is_candidate, load_exclusions, page_candidates, uncovered)
from compendium.targets.charts import Point, line_chart
from compendium.targets.marks import Mark, Ref, mark_page
from compendium.targets.page import EXPORT_FIELDS, Group, export_rows, group_targets, series
from compendium.targets.records import PageText, check_against_pages, load_targets, read_pages
from compendium.targets.sentences import page_sentences, split_sentences, table_rows

from support.project import ROOT

VOCAB = load_vocabulary()
DOC = "part9/example.md"
BODY = textwrap.dedent("""\
    ## 一、主要目标 {#s1}

    **（一）规模。**{#s1-1}到2020年，全市规模以上制造业总产值突破2500亿元，年均增长10%左右。其他句子。

    - ——网络建设目标：到2021年，力争建设5G基站5万个以上。

    <table class="source-table" id="tab-1">
    <thead><tr id="tab-1-r0"><th>指标</th><th>2015年实绩</th><th>2020年</th></tr></thead>
    <tbody>
    <tr id="tab-1-r1"><td>宽带普及率</td><td>48%</td><td>70%</td></tr>
    </tbody>
    </table>
    """)
PAGES = {DOC: PageText("2016", BODY, 10)}

SENTENCE = "到2020年，全市规模以上制造业总产值突破2500亿元，年均增长10%左右。"
GOOD = f"""
- document: {DOC}
  sentence: {SENTENCE}
  scope: xianning
  sector: manufacturing
  year: 2020
  targets:
    - {{id: mfg-output-xianning-2020, key: mfg-output, indicator: 规模以上制造业总产值, value: 2500亿元, value_number: 2500, unit: 亿元, comparator: exceed}}
    - {{id: mfg-growth-xianning-2020, key: mfg-growth, indicator: 年均增长, value: 10%左右, value_number: 10, unit: "%", comparator: about}}
- document: {DOC}
  row: tab-1-r1
  sentence: 宽带普及率 | 48% | 70%
  scope: xianning
  sector: digital
  targets:
    - {{id: broadband-xianning-2020, key: broadband, indicator: 宽带普及率, column: 2020年, year: 2020, value: 70%, value_number: 70, unit: "%", comparator: reach, baseline: 48%, baseline_year: 2015, baseline_number: 48}}
"""


def load(text: str, tmp_path):
    path = tmp_path / "targets.yml"
    path.write_text(text, encoding="utf-8")
    return load_targets(VOCAB, path)


def check(text: str, tmp_path):
    check_against_pages(load(text, tmp_path), PAGES, VOCAB)


def error_of(text: str, tmp_path) -> PageError:
    with pytest.raises(PageError) as info:
        check(text, tmp_path)
    return info.value


# --- records and their checks ----------------------------------------------------------------


def test_a_good_file_loads_one_record_per_target_with_shared_fields(tmp_path):
    targets = load(GOOD, tmp_path)
    assert [t.id for t in targets] == ["mfg-output-xianning-2020", "mfg-growth-xianning-2020", "broadband-xianning-2020"]
    assert {t.scope for t in targets} == {"xianning"} and targets[1].year == 2020
    # Targets of one sentence share its anchor; a table target points to its row.
    assert targets[0].anchor == targets[1].anchor == "t-mfg-output-xianning-2020"
    assert targets[2].anchor == "tab-1-r1" and targets[2].url == "part9/example.html#tab-1-r1"
    check(GOOD, tmp_path)


@pytest.mark.parametrize("old, new, problem", [
    ("突破2500亿元，年均", "突破2600亿元，年均", "mfg-output-xianning-2020: the sentence is not on part9/example.md"),
    ("scope: xianning\n  sector: manufacturing", "scope: wuhan\n  sector: manufacturing", "unknown scope 'wuhan'"),
    ("sector: manufacturing", "sector: steel", "unknown sector 'steel'"),
    ("  year: 2020\n  targets:", "  year: 2015\n  targets:", "target year 2015 is earlier than the document's date 2016"),
    ("value: 2500亿元", "value: 2400亿元", "the value '2400亿元' is not in the sentence"),
    ("value: 70%,", "value: 75%,", "the value '75%' is not in the cell"),
    ("row: tab-1-r1", "row: tab-1-r2", "no table row tab-1-r2 on part9/example.md"),
    ("sentence: 宽带普及率 | 48% | 70%", "sentence: 宽带普及率 | 48%", "the sentence is not the text of row tab-1-r1"),
    ("column: 2020年", "column: 2025年", "row tab-1-r1 has no cell under the column '2025年'"),
    ("comparator: exceed", "comparator: at_most", "the comparator at_most (以内) is not what the text says"),
    ("comparator: about", "comparator: sideways", "unknown comparator 'sideways'"),
    ("baseline: 48%", "baseline: 50%", "the baseline '50%' is not in the sentence"),
    ("id: mfg-growth-xianning-2020", "id: mfg-output-xianning-2020", "duplicate id (first on line"),
    ("id: mfg-growth-xianning-2020", "id: Mfg_Growth", "id 'Mfg_Growth' is not ASCII kebab-case"),
    ("value_number: 2500,", "value_number: lots,", "'value_number' is 'lots', not a number"),
    ("unit: 亿元, comparator: exceed}", "unit: 亿元, comparator: exceed, doubtful: true}", "a doubtful value without a note"),
    (", key: mfg-growth,", ",", "missing field 'key'"),
    (", key: mfg-growth,", ", colour: red, key: mfg-growth,", "unknown field 'colour'"),
])
def test_bad_records_stop_with_the_record_and_the_fix(tmp_path, old, new, problem):
    assert old in GOOD
    err = error_of(GOOD.replace(old, new, 1), tmp_path)
    assert problem in str(err)
    assert err.path == "data/targets.yml" and err.line > 0 and err.fix


def test_an_error_names_the_line_of_the_record(tmp_path):
    err = error_of(GOOD.replace("value: 10%左右", "value: 11%左右"), tmp_path)
    assert err.field == "target mfg-growth-xianning-2020"
    assert GOOD.splitlines()[err.line - 1].strip().startswith("- {id: mfg-growth-xianning-2020")


def test_the_real_records_stand_on_their_pages():
    targets = load_targets(VOCAB)
    documents = load_documents(ROOT / "docs", VOCAB)
    check_against_pages(targets, read_pages(ROOT / "docs", [d.path for d in documents]), VOCAB)
    assert len(targets) >= 150
    assert len({t.id for t in targets}) == len(targets)


# --- the tables of 中国制造2025咸宁行动方案 --------------------------------------------------------

MIC = "part5/made-in-china-2025-xianning.md"


def test_every_cell_target_of_the_indicator_table_is_a_record():
    page = read_pages(ROOT / "docs", [MIC])[MIC]
    rows = [r for r in table_rows(page.body, page.first_line) if r.table == "tab-1"]
    records = {(t.row, t.column): t for t in load_targets(VOCAB) if t.document == MIC}
    assert len(rows) == 13
    for row in rows:
        for column in ("2020年", "2025年"):
            t = records.get((row.id, column))
            assert t, f"no record for {row.id} {column}"
            assert t.year == int(column[:4]) and content_chars(t.value) in content_chars(row.cell(column))
            baseline = row.cell("2015年实绩")
            if any(ch.isdigit() for ch in baseline):
                assert t.baseline == baseline and t.baseline_year == 2015


def test_both_targets_of_the_six_industry_tables_are_records():
    page = read_pages(ROOT / "docs", [MIC])[MIC]
    goals = [r for r in table_rows(page.body, page.first_line) if r.cells[0] == "发展目标"]
    assert len(goals) == 6
    targets = load_targets(VOCAB)
    for row in goals:
        years = sorted(t.year for t in targets if t.document == MIC and t.row == row.id)
        assert years == [2020, 2025], row.id


# --- the candidate rule and its coverage ------------------------------------------------------


@pytest.mark.parametrize("text", ["到2020年，全市规模以上制造业总产值突破2500亿元。", "力争建设5G基站5万个以上。",
                                  "建立百家绿色示范园区和千家绿色示范工厂。", "总量翻番。"])
def test_the_rule_proposes_targets(text):
    assert is_candidate(text)


@pytest.mark.parametrize("text", ["加快5G网络建设部署。", "推动高质量发展。", "2019年9月，徐州率先迈入地铁时代。"])
def test_the_rule_passes_over_sentences_without_a_quantity_and_a_target_word(text):
    assert not is_candidate(text)


def test_sentences_are_split_as_they_read():
    assert split_sentences("甲。乙，丙；丁。戊") == ["甲。", "乙，丙；丁。", "戊"]
    sentences = [s.text for s in page_sentences(BODY, 10)]
    assert "（一）规模。" in sentences and SENTENCE in sentences  # a run-in head is a sentence of its own


@pytest.fixture(scope="module")
def corpus():
    """Every candidate of every document page, the records and the exclusions."""
    documents = load_documents(ROOT / "docs", VOCAB)
    pages = read_pages(ROOT / "docs", [d.path for d in documents])
    candidates = [c for path, p in pages.items() for c in page_candidates(path, p.body, p.first_line)]
    reasons, exclusions = load_exclusions()
    return candidates, load_targets(VOCAB), reasons, exclusions


def test_every_candidate_is_a_target_or_excluded_with_a_reason(corpus):
    candidates, targets, _, exclusions = corpus
    assert len(candidates) > 150, "the rule must see the whole corpus"
    keys = covered([(t.document, t.sentence, t.row) for t in targets] + [(e.document, e.sentence, e.row)
                                                                          for e in exclusions])
    missing = uncovered(candidates, keys)
    assert not missing, ("not a target and not excluded (add each to data/targets.yml or data/target-exclusions.yml, "
                         f"{see('targets')}):\n" + "\n".join(f"{c.where}: {c.text}" for c in missing))


def test_every_exclusion_is_a_candidate_and_no_target(corpus):
    candidates, targets, reasons, exclusions = corpus
    candidate_keys = covered([(c.document, c.text, c.row) for c in candidates])
    target_keys = covered([(t.document, t.sentence, t.row) for t in targets])
    for e in exclusions:
        key = next(iter(covered([(e.document, e.sentence, e.row)])))
        assert key in candidate_keys, f"stale exclusion on {e.document}: {e.sentence[:30]}"
        assert key not in target_keys, f"both a target and excluded: {e.sentence[:30]}"
        assert reasons[e.reason]["zh"]


def test_an_unknown_reason_is_refused(tmp_path):
    bad = tmp_path / "x.yml"
    bad.write_text("reasons: {achieved: {zh: 甲, en: a}}\nsentences:\n  - {document: a.md, sentence: 乙, reason: other}\n",
                   encoding="utf-8")
    with pytest.raises(PageError, match="unknown reason 'other'"):
        load_exclusions(bad)


# --- marking the sentences --------------------------------------------------------------------


def reading_text(markup: str) -> str:
    """The characters a reader (and the fidelity check) sees: generated parts and tags removed."""
    soup = BeautifulSoup(markup, "html.parser")
    for el in soup.select(".generated"):
        el.decompose()
    return content_chars(soup.get_text())


def test_a_marked_sentence_keeps_every_character_and_links_to_its_rows():
    marks = [Mark("t-a", SENTENCE, (Ref("a", "指标目标表：甲", "targets/digital.html"),
                                     Ref("b", "指标目标表：乙", "targets/green.html"))),
             Mark("t-c", "——网络建设目标：到2021年，力争建设5G基站5万个以上。", (Ref("c", "丙", "targets/digital.html"),)),
             Mark("tab-1-r1", "", (), ((2, (Ref("d", "丁", "targets/digital.html"),)),))]
    out = mark_page(BODY, marks, DOC, "../", "指标")
    assert reading_text(out) == reading_text(BODY)
    assert f'**（一）规模。**{{#s1-1}}<span class="target" id="t-a">{SENTENCE}</span>' in out
    assert 'href="../targets/digital.html#a"' in out and 'href="../targets/green.html#b"' in out
    assert '- ——<span class="target" id="t-c">网络建设目标' in out  # the item still starts with ——
    assert ('<tr id="tab-1-r1" class="target-row"><td>宽带普及率</td><td>48%</td><td>70%'
            '<span class="target-refs generated" data-search-exclude>') in out


def test_a_sentence_that_crosses_the_run_in_head_is_refused():
    with pytest.raises(PageError, match="crosses Markdown markup"):
        mark_page(BODY, [Mark("t-a", "（一）规模。到2020年", (Ref("a", "甲", "targets/digital.html"),))], DOC, "../",
                  "指标")


# --- groups, charts and published rows --------------------------------------------------------


def test_groups_set_levels_and_years_of_one_indicator_side_by_side():
    targets = load_targets(VOCAB)
    documents = {d.path: d for d in load_documents(ROOT / "docs", VOCAB)}
    groups = {g.key: g for g in group_targets(targets, documents, VOCAB)}
    energy = groups["energy-saving-industry-output"]
    assert {t.scope for t in energy.targets} == {"hubei", "xianning"}
    assert [t.scope for t in energy.targets] == sorted((t.scope for t in energy.targets), key=list(VOCAB.scopes).index)
    # The indicator table: 2015 实绩 → 2020 → 2025 is one path with three points; the other
    # documents' single years draw none.
    paths = series(groups["hi-tech-enterprises"])
    assert [(first.document, [(p.year, p.value) for p in points]) for first, points in paths] == \
        [(MIC, [(2015, 99), (2020, 180), (2025, 240)])]


def test_a_year_with_two_values_draws_no_path():
    targets = [t for t in load_targets(VOCAB) if t.key == "industrial-value-added-growth"]
    assert len(targets) == 2 and series(Group("x", tuple(targets))) == []


def test_a_chart_draws_each_point_with_its_label_and_year():
    svg = line_chart([Point(2015, 99, "99个"), Point(2025, 240, "240个"), Point(2020, 180, "180个")])
    assert svg.startswith("<svg") and 'aria-hidden="true"' in svg and "style=" not in svg
    assert svg.count("<circle") == 3 and svg.index("99个") < svg.index("180个") < svg.index("240个")
    assert ">2015<" in svg and ">2025<" in svg


def test_published_rows_have_every_field():
    targets = load_targets(VOCAB)
    documents = {d.path: d for d in load_documents(ROOT / "docs", VOCAB)}
    rows = export_rows(targets, documents, VOCAB)
    assert len(rows) == len(targets) and all(tuple(r) == EXPORT_FIELDS for r in rows)
    row = next(r for r in rows if r["id"] == "base-stations-5g-hubei-2021")
    assert (row["scope"], row["value"], row["value_number"], row["unit"], row["comparator"], row["year"]) == \
        ("湖北省", "5万个以上", 50000, "个", "以上", 2021)
    assert row["url"].startswith("part2/hubei-5g-industry.html#t-") and row["document"].startswith("湖北省5G")
