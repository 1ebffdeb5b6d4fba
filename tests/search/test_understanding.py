"""What the index carries for understanding queries (issue 21): the traditional-character mapping
(compendium.search.variants), the synonyms file and its check (compendium.search.synonyms), the
target rows as answers (compendium.search.answers), and the place names
(compendium.search.understanding)."""
from __future__ import annotations

import pytest

from compendium.book.errors import PageError
from compendium.book.vocabulary import load_vocabulary
from compendium.search.answers import SNIPPET, answer_data, scope_names, snippet
from compendium.search.search_index import search_page
from compendium.search.synonyms import check_synonyms, load_synonyms, loose, synonym_data
from compendium.search.understanding import load_places, understanding_data
from compendium.search.variants import t2s_characters, variant_data

from support.project import ROOT


# --- traditional characters ----------------------------------------------------------------------


def test_the_mapping_comes_from_opencc_for_the_characters_the_index_holds():
    table = t2s_characters()
    assert table["轉"] == "转" and table["級"] == "级" and table["發"] == "发" and table["髮"] == "发"
    assert "转" not in table and "a" not in table  # simplified characters map to nothing
    data = variant_data(set("转型升级"))
    pairs = dict(zip(data["t"], data["s"]))
    assert pairs["轉"] == "转" and pairs["級"] == "级"
    assert set(pairs.values()) <= set("转型升级"), "only characters the index can use"
    assert len(data["t"]) == len(data["s"])


def test_a_character_valid_in_both_forms_folds_the_same_on_both_sides():
    # 著 (显著, 著名) is simplified as well as traditional: whatever OpenCC makes of it, the index
    # and the query fold it alike, because the mapping is applied to both.
    data = variant_data(set("显著著名"))
    pairs = dict(zip(data["t"], data["s"]))
    assert pairs["顯"] == "显"
    assert pairs.get("著", "著") in ("著", "着")


# --- synonyms --------------------------------------------------------------------------------------


def write(tmp_path, text: str):
    path = tmp_path / "search-synonyms.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_sites_synonyms_load_and_stand_for_words_of_their_pages():
    synonyms = load_synonyms()
    terms = {s.term for s in synonyms}
    assert {"两山", "农机化"} <= terms
    assert synonym_data(synonyms, "zh")["两山"] == ["绿水青山就是金山银山"]
    assert all(s.lang in ("zh", "en") for s in synonyms)


def test_a_full_form_not_on_its_page_fails_with_file_line_and_fix(tmp_path):
    path = write(tmp_path, "synonyms:\n  - term: 两山\n    means:\n"
                           "      - {text: 绿水青山就是金山银山, page: part1/x.md}\n"
                           "      - {text: 金山银山就是绿水青山, page: part1/x.md}\n")
    synonyms = load_synonyms(path)
    with pytest.raises(PageError) as err:
        check_synonyms(synonyms, {"part1/x.html": "……绿水青山，就是金山银山……"}, "zh")
    assert err.value.line == 5 and "not in part1/x.md" in str(err.value) and "Copy the full form" in str(err.value)
    with pytest.raises(PageError, match="not a page of the zh edition"):
        check_synonyms(synonyms, {"part1/y.html": "绿水青山就是金山银山"}, "zh")
    check_synonyms(synonyms, {"part1/x.html": "绿水青山就是金山银山；金山银山就是绿水青山"}, "zh")
    check_synonyms(synonyms, {}, "en")  # the entries are Chinese: nothing to check in English


@pytest.mark.parametrize("text, problem", [
    ("synonyms: {}\n", "not a list"),
    ("synonyms:\n  - term: 两\n    means: [{text: 两山, page: a.md}]\n", "two or more characters"),
    ("synonyms:\n  - term: 两山\n    means: []\n", "missing or empty"),
    ("synonyms:\n  - term: 两山\n    means: [{text: 绿水青山}]\n", "not a full form with its page"),
    ("synonyms:\n  - term: 两山\n    lang: fr\n    means: [{text: 绿水青山, page: a.md}]\n", "not a language"),
    ("synonyms:\n  - term: 两山\n    means: [{text: 绿水青山, page: a.md}]\n"
     "  - term: 两 山\n    means: [{text: 绿水青山, page: a.md}]\n", "listed twice"),
    ("synonyms:\n  - term: 两山\n    see: x\n    means: [{text: 绿水青山, page: a.md}]\n", "unknown field"),
])
def test_bad_entries_fail_naming_their_line(tmp_path, text, problem):
    with pytest.raises(PageError, match=problem) as err:
        load_synonyms(write(tmp_path, text))
    assert err.value.path == "data/search-synonyms.yml" and err.value.line >= 1


def test_loose_is_the_engines_fold_near_enough():
    assert loose("“两化”融合，ＰＭ２．５") == "两化融合pm25"


# --- answers -----------------------------------------------------------------------------------------

ROW = {"id": "broadband-penetration-xianning-2025", "scope": "咸宁市", "sector": "数字经济与5G",
       "key": "broadband-penetration", "indicator": "宽带普及率", "value": "90%", "year": 2025,
       "sentence": "宽带普及率 | 70% | 90%", "url": "part5/made-in-china-2025-xianning.html#tab-1-r9",
       "scope_id": "xianning", "sector_id": "digital",
       "row_url": "targets/digital.html#broadband-penetration-xianning-2025"}


def test_answers_are_the_exported_rows_in_each_language():
    vocab = load_vocabulary()
    zh = answer_data([ROW], vocab, {}, "zh")
    assert zh["rows"] == [["digital", "broadband-penetration-xianning-2025", 0, "xianning", 2025, "90%",
                           "part5/made-in-china-2025-xianning.html", "tab-1-r9", 0]]
    assert zh["indicators"] == ["宽带普及率"] and zh["sentences"] == ["宽带普及率 | 70% | 90%"]
    assert zh["scopes"]["xianning"] == ["咸宁市", "咸宁"] and "国家" in zh["scopes"]["national"]
    en = answer_data([ROW], vocab, {"broadband-penetration": "Broadband penetration rate"}, "en")
    assert en["indicators"] == ["Broadband penetration rate"]
    assert en["rows"][0][8] is None and en["sentences"] == [], "no Chinese in the English index"
    assert en["scopes"]["xianning"][0] == "Xianning City" and "Xianning" in scope_names(vocab, "en")["xianning"]


def test_an_answer_refers_to_words_the_index_holds_and_cuts_a_long_sentence():
    long = dict(ROW, sentence="前文" * 60 + "到2025年宽带普及率达到90%。" + "后文" * 60, url="part5/x.html#t-broadband-penetration-xianning-2025")
    zh = answer_data([long], load_vocabulary(), {}, "zh", {"part5/x.html": ["无关", "甲" + long["sentence"]]})
    section, start, length = zh["sentences"][0]
    assert section == 1 and length <= SNIPPET and "90%" in long["sentence"][start - 1:start - 1 + length]
    assert zh["rows"][0][7] == "", "the anchor t-<its own id> is not written"
    alone = answer_data([long], load_vocabulary(), {}, "zh")["sentences"][0]
    assert alone.startswith("…") and alone.endswith("…") and "90%" in alone
    assert snippet("短句。", "1", "x") == "短句。"


def test_the_index_carries_what_understanding_needs():
    page = search_page("part1/on-transformation-development.html", "论转型发展", "<p>绿水青山就是金山银山。轉</p>")
    synonyms = load_synonyms()
    data = understanding_data([page], "zh", [ROW], load_vocabulary(), {}, [s for s in synonyms if s.term == "两山"],
                              load_places(ROOT / "data" / "places.yml"))
    assert set(data) == {"variants", "synonyms", "answers", "places"}
    assert "咸宁" in data["places"] and "湖北省" in data["places"]
    assert data["synonyms"] == {"两山": ["绿水青山就是金山银山"]}
    assert "銀" in data["variants"]["t"]
