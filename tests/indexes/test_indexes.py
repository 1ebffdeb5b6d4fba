"""The cores of the indexes, without MkDocs: attributions, repeated remarks, timeline, citations,
document index, topic passages. Bad input fails with the file, the line and what to fix."""
from __future__ import annotations

import difflib
from pathlib import Path

import markdown
import pytest

from compendium.book.errors import PageError
from compendium.book.pages import load_documents, parse_remarks
from compendium.book.vocabulary import load_vocabulary
from compendium.indexes.attributions import find_place, load_places, parse_attribution
from compendium.indexes.citation_index import cited_documents, find_mentions, link_mentions, place_mentions
from compendium.indexes.document_index import by_issuer, by_level, by_year
from compendium.indexes.passages import passages, render
from compendium.indexes.remark_duplicates import Judgement, bare, check_judged, load_judgements, near_pairs, same_groups
from compendium.indexes.timeline import add_notes, build_entries, first_words, occurrences
from compendium.indexes.topics import check_coverage, load_assignments, resolve

from support.project import ROOT

VOCAB = load_vocabulary()
PLACES = load_places()


@pytest.fixture(scope="module")
def documents():
    return load_documents(ROOT / "docs", VOCAB)


def md() -> markdown.Markdown:
    """A Markdown with the site's own extensions, as the indexes hook builds it."""
    return markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "toc", "pymdownx.blocks.admonition",
                                         "compendium.markup.extension"])


def attribution(text: str):
    return parse_attribution(text, "docs/part1/x.md", 7, PLACES)


# --- attributions ----------------------------------------------------------------------------


@pytest.mark.parametrize("text, date, date_text, occasion, place", [
    ("——2018年4月24日至28日，在湖北考察时的讲话", "2018-04-24", "2018年4月24日至28日", "在湖北考察时的讲话", "湖北"),
    ("——2018年4月26日，在宜昌长江岸边的兴发集团新材料产业园考察的讲话", "2018-04-26", "2018年4月26日",
     "在宜昌长江岸边的兴发集团新材料产业园考察的讲话", "宜昌"),
    ("——2014年5月，在河南考察时的讲话", "2014-05", "2014年5月", "在河南考察时的讲话", "河南"),
    ("——习近平总书记在2018年两会参加广东代表团审议时强调", "2018", "2018年", "习近平总书记在两会参加广东代表团审议时强调", ""),
    ("——习近平2020年3月29日至4月1日在浙江考察时的讲话，据新华社4月1日电", "2020-03-29", "2020年3月29日至4月1日",
     "习近平在浙江考察时的讲话，据新华社4月1日电", "浙江"),
    ("——2018年4月25日下午，习近平考察三峡工程时集团讲话", "2018-04-25", "2018年4月25日下午", "习近平考察三峡工程时集团讲话", "三峡"),
    ("——2017年12月12日至13日，在江苏徐州市考察时的讲话", "2017-12-12", "2017年12月12日至13日", "在江苏徐州市考察时的讲话",
     "江苏徐州市"),
    ("——2019年3月5日，参加十三届全国人大二次会议内蒙古代表团审议时的讲话", "2019-03-05", "2019年3月5日",
     "参加十三届全国人大二次会议内蒙古代表团审议时的讲话", ""),
    ("——2018年10月31日。在十九届中央政治局第九次集体学习时指出", "2018-10-31", "2018年10月31日",
     "在十九届中央政治局第九次集体学习时指出", ""),
    ("——湖北省第八次党代会咸宁市代表李明波发言", "", "", "湖北省第八次党代会咸宁市代表李明波发言", ""),
])
def test_an_attribution_is_read_as_printed(text, date, date_text, occasion, place):
    a = attribution(text)
    assert (a.date, a.date_text, a.occasion, a.place) == (date, date_text, occasion, place)


def test_month_and_year_sort_at_their_start():
    assert attribution("——2014年5月，在河南考察时的讲话").sort_key == "2014-05-01"
    assert attribution("——习近平总书记在2018年两会参加广东代表团审议时强调").sort_key == "2018-01-01"
    assert attribution("——2018年4月24日至28日，在湖北考察时").sort_key == "2018-04-24"


def test_a_meeting_or_a_title_gives_no_place_even_when_it_names_one():
    assert find_place("在博鳌亚洲论坛年会开幕式上的主旨演讲", PLACES) == ""
    assert find_place("《中共咸宁市委关于深入学习贯彻习近平总书记视察湖北重要讲话精神……的决定》（……会议通过）", PLACES) == ""


@pytest.mark.parametrize("text, words", [
    ("——2018年2月30日，在湖北考察时的讲话", "'2018年2月30日' in '——2018年2月30日，在湖北考察时的讲话' is not a real date"),
    ("——2018年13月，在湖北考察时的讲话", "is not a real date"),
    ("——2018年4月28日至24日，在湖北考察时的讲话", "ends before it starts"),
])
def test_a_date_that_is_not_real_names_file_and_line(text, words):
    with pytest.raises(PageError, match="docs/part1/x.md:7: attribution: ") as info:
        attribution(text)
    assert words in str(info.value)


def test_a_part1_remark_without_date_stops_the_timeline(documents):
    doc = next(d for d in documents if d.path == "part1/on-high-quality-development.md")
    undated = doc.remarks[0].__class__("r-nd", "——在中央经济工作会议上的讲话", "", 16)
    broken = doc.__class__(doc.path, doc.meta, doc.anchors, [undated])
    with pytest.raises(PageError, match="docs/part1/on-high-quality-development.md:16: attribution: .* gives no date"):
        occurrences([broken], 1, PLACES)


# --- repeated remarks ------------------------------------------------------------------------


TEXTS = {"a.md#r-1": "推动高质量发展，是保持经济持续健康发展的必然要求。",
         "b.md#r-1": "推动高质量发展是保持经济持续健康发展的必然要求！",
         "b.md#r-2": "世界经济长远发展的动力源自创新。总结历史经验，我们会发现。",
         "c.md#r-3": "世界经济长远发展的动力源自创新。",
         "c.md#r-4": "绿色发展是构建高质量现代化经济体系的必然要求。"}


def test_close_texts_are_found_without_punctuation_and_when_one_holds_the_other():
    pairs = {(p.a, p.b): p for p in near_pairs(TEXTS)}
    assert set(pairs) == {("a.md#r-1", "b.md#r-1"), ("b.md#r-2", "c.md#r-3")}
    assert pairs[("a.md#r-1", "b.md#r-1")].ratio == 1.0
    assert pairs[("b.md#r-2", "c.md#r-3")].contained


def test_close_pairs_are_exactly_those_of_difflibs_ratio_over_the_remarks_and_their_variants(documents):
    # near_pairs skips pairs by difflib's upper bounds before computing a ratio: it must skip none
    # that the ratio itself finds. The remarks of part 1, variants that hold a remark, and variants
    # that lose every seventh character (close, but neither the same text nor inside the other).
    texts = {f"{d.path}#{r.id}": r.text for d in documents if d.meta.part == 1 for r in d.remarks}
    texts |= {f"{key}-variant": text[::7] + text for key, text in list(texts.items())[:10]}
    texts |= {key + "-cut": "".join(ch for i, ch in enumerate(text) if i % 7) for key, text in list(texts.items())[:10]}
    bare_texts = {key: bare(text) for key, text in texts.items()}
    keys = list(texts)
    expected = set()
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            ta, tb = bare_texts[a], bare_texts[b]
            ratio = difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio()
            contained = bool(ta and tb) and (ta in tb or tb in ta)
            if contained or ratio >= 0.8:
                expected.add((a, b, round(ratio, 3), contained))
    found = {(p.a, p.b, p.ratio, p.contained) for p in near_pairs(texts)}
    assert found == expected
    assert any(not c and r < 1.0 for _, _, r, c in found), "close pairs that are not the same text were tried"


def test_an_unjudged_close_pair_stops_the_build_and_says_what_to_add():
    judged = [Judgement("a.md#r-1", "b.md#r-1", True, "同一段", 3)]
    with pytest.raises(PageError, match=r"b.md#r-2 and c.md#r-3 have close texts \(one holds the other\) but are "
                                        r"not judged\. Read both and add '- remarks: \[b.md#r-2, c.md#r-3\]'"):
        check_judged(near_pairs(TEXTS), judged)


def test_same_judgements_join_into_groups_in_book_order():
    judged = [Judgement("c.md#r-3", "b.md#r-2", True, "", 1), Judgement("a.md#r-1", "b.md#r-1", False, "", 2)]
    assert same_groups(list(TEXTS), judged) == [["a.md#r-1"], ["b.md#r-1"], ["b.md#r-2", "c.md#r-3"], ["c.md#r-4"]]


def test_a_judgement_of_an_unknown_remark_names_its_line(tmp_path):
    bad = tmp_path / "dups.yml"
    bad.write_text("# note\n- remarks: [a.md#r-1, a.md#r-9]\n  same: true\n  reason: 同\n", encoding="utf-8")
    with pytest.raises(PageError, match=r"data/remark-duplicates.yml:2: remarks: no remark 'a.md#r-9'"):
        load_judgements(set(TEXTS), bad)


# --- timeline --------------------------------------------------------------------------------


def test_the_timeline_holds_every_part1_remark_once_in_date_order(documents):
    part1 = occurrences(documents, 1, PLACES)
    assert len(part1) == 48
    keys = [o.key for o in part1]
    groups = same_groups(keys, load_judgements(set(keys) | {o.key for o in occurrences(documents, 4, PLACES, False)}))
    entries = build_entries(part1, groups)
    assert sorted(o.key for e in entries for o in e.occurrences) == sorted(keys)
    starts = [e.sort_key for e in entries]
    assert starts == sorted(starts)
    henan = next(e for e in entries if any(o.remark.id == "r-201405" for o in e.occurrences))
    assert {o.key for o in henan.occurrences} == {"part1/on-high-quality-development.md#r-20140510",
                                                 "part1/on-transformation-development.md#r-20140510",
                                                 "part1/on-transformation-development.md#r-201405"}
    assert henan.sort_key[0] == "2014-05-01"


def test_first_words_are_the_verbatim_opening():
    text = "一个地方、一个企业，要突破发展瓶颈、解决深层次矛盾和问题，根本出路在于创新，关键要靠科技力量。"
    words = first_words(text, 30)
    assert words.endswith("……") and text.startswith(words[:-2]) and len(words) <= 32
    assert first_words("短句。") == "短句。"


def test_a_note_goes_after_the_closing_line_of_its_remark():
    page = "/// remark | ——2014年5月\n    id: r-201405\n\n文字。\n///\n\n/// remark | ——2015年\n    id: r-2015\n\n甲。\n///\n"
    out = add_notes(page, {"r-201405": "NOTE"})
    assert out.split("\n")[4:6] == ["///", "NOTE"] and out.count("NOTE") == 1


def test_remarks_know_their_text_and_section():
    remarks = parse_remarks("docs/part1/x.md", "## 一、标题 {#s1}\n\n/// remark | ——2014年5月\n    id: r-201405\n\n甲。\n\n乙。\n///\n", 5)
    assert (remarks[0].text, remarks[0].section, remarks[0].line) == ("甲。\n乙。", "一、标题", 7)


# --- citations -------------------------------------------------------------------------------


PAGE = """鄂政发〔2015〕15号
{: .doc-no }

## 一、贯彻《中国制造2025》 {#s1}

贯彻落实省政府办公厅《关于政府向社会力量购买服务的实施意见（试行）》（鄂政办发〔2014〕1号）和《中国制造2025咸宁行动方案》。

/// remark | ——《某某决定》（2018年8月17日通过）
    id: r-20180817

认真落实《中国制造2025咸宁行动方案》，参照国发〔2015〕28号。
///
"""


def test_citations_are_found_in_body_text_only(documents):
    found = find_mentions("part2/x.md", PAGE, 10)
    assert [(m.title, m.doc_no, m.line, m.linkable) for m in found] == [
        ("中国制造2025", "", 13, False),
        ("关于政府向社会力量购买服务的实施意见（试行）", "鄂政办发〔2014〕1号", 15, True),
        ("中国制造2025咸宁行动方案", "", 15, True),
        ("中国制造2025咸宁行动方案", "", 20, True),
        ("", "国发〔2015〕28号", 20, True),
    ]


def test_a_malformed_doc_no_names_file_and_line():
    with pytest.raises(PageError, match=r"docs/part2/x.md:12: 文号: '〔2015〕28号' is not a 文号 like 鄂政发〔2016〕67号"):
        find_mentions("part2/x.md", "\n\n依据〔2015〕28号办理。\n", 10)


def test_citations_of_compilation_documents_link_to_them_and_are_placed_on_paragraphs(documents):
    found = find_mentions("part2/x.md", PAGE, 10)
    cited = cited_documents(found, documents)
    target = next(c for c in cited if c.target)
    assert target.target == "part5/made-in-china-2025-xianning.md"
    linked = link_mentions(PAGE, "part2/x.md", cited)
    assert linked.count("[《中国制造2025咸宁行动方案》](../part5/made-in-china-2025-xianning.md)") == 2
    assert "## 一、贯彻《中国制造2025》 {#s1}" in linked and "——《某某决定》" in linked
    anchors = place_mentions(found, passages(render(PAGE, md())))
    assert anchors == ["s1", "s1-p1", "s1-p1", "r-20180817-p1", "r-20180817-p1"]


# --- passages --------------------------------------------------------------------------------


def test_passages_have_their_own_text_without_attribution_or_generated_parts():
    html = render("## 一、题 {#s1}\n\n段落一。\n\n<div class=\"generated\" markdown>\n\n加的。\n\n</div>\n\n"
                  "/// remark | ——2014年5月\n    id: r-201405\n\n甲。\n///\n", md())
    found = passages(html)
    assert found["s1"].text == "一、题" and found["s1-p1"].own == "段落一。"
    assert found["r-201405"].text == "甲。" and found["r-201405"].own == ""
    assert all("加的" not in p.text for p in found.values())


# --- document index --------------------------------------------------------------------------


def test_documents_by_level_issuer_and_year(documents):
    assert [level for level, _ in by_level(documents, VOCAB)] == ["central", "ministry", "hubei", "other_region",
                                                                  "xianning"]
    assert sum(len(items) for _, items in by_level(documents, VOCAB)) == 37
    years = [year for year, _ in by_year(documents)]
    assert years[-1] == "" and years[:-1] == sorted(years[:-1])
    issuers = by_issuer(documents, VOCAB)
    assert issuers[0][0] == "习近平" and issuers[-1][0] == ""


# --- topics ----------------------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_topic_not_in_the_list_names_its_line(tmp_path, documents):
    path = write(tmp_path, "innovation:\n  - {page: part3/xuzhou.md, anchor: s1-p1}\ntourism:\n  - {page: part3/xuzhou.md, anchor: s1-p1}\n")
    with pytest.raises(PageError, match=r"data/topic-passages.yml:3: topic: unknown topic 'tourism'"):
        load_assignments(VOCAB, {d.path: d for d in documents}, path)


def test_a_missing_anchor_or_a_changed_excerpt_names_its_line(tmp_path, documents):
    by_path = {d.path: d for d in documents}
    rendered = {"part3/xuzhou.md": passages(render(
        (ROOT / "docs/part3/xuzhou.md").read_text(encoding="utf-8").split("---\n", 2)[2], md()))}
    first = next(p for p in rendered["part3/xuzhou.md"].values() if p.tag == "p")
    path = write(tmp_path, f"green:\n  - {{page: part3/xuzhou.md, anchor: {first.id}}}\n  - {{page: part3/xuzhou.md, anchor: s9-p9}}\n")
    with pytest.raises(PageError, match=r"data/topic-passages.yml:3: green: part3/xuzhou.md has no anchor 's9-p9'"):
        resolve(load_assignments(VOCAB, by_path, path), by_path, rendered)
    path = write(tmp_path, f"green:\n  - page: part3/xuzhou.md\n    anchor: {first.id}\n    excerpt: {first.text[:8]}改\n")
    with pytest.raises(PageError, match=r"data/topic-passages.yml:2: green: the excerpt .* is not in"):
        resolve(load_assignments(VOCAB, by_path, path), by_path, rendered)


def test_each_level_whose_documents_speak_to_a_topic_needs_a_passage(tmp_path, documents):
    by_path = {d.path: d for d in documents}
    rendered = {"part3/xuzhou.md": passages(render(
        (ROOT / "docs/part3/xuzhou.md").read_text(encoding="utf-8").split("---\n", 2)[2], md()))}
    ids = list(rendered["part3/xuzhou.md"])[:10]
    path = write(tmp_path, "green:\n" + "".join(f"  - {{page: part3/xuzhou.md, anchor: {i}}}\n" for i in ids))
    resolved = resolve(load_assignments(VOCAB, by_path, path), by_path, rendered)
    with pytest.raises(PageError, match=r"data/topic-passages.yml: innovation: no passage from the remarks level"):
        check_coverage(resolved, documents, VOCAB)
