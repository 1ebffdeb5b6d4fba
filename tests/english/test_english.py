"""The English edition's core, without MkDocs: summaries checked against their Chinese originals,
the glossary and its consistency across every English text of the project, languages marked on
the page, dates and labels in each language. Bad input fails with the file, the field and the fix."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from compendium.book.errata import load_errata
from compendium.book.errors import PageError
from compendium.book.formatting import format_date, format_span, part_title
from compendium.book.frontmatter import split_front_matter
from compendium.book.labels import load_labels
from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary
from compendium.edition.revisions import load_revisions
from compendium.english.document_page import (check_english, chinese_numbers, english_numbers, english_page,
                                              mark_languages, sentences, without_original)
from compendium.english.glossary import load_glossary
from compendium.search.search_index import search_page
from compendium.targets.english import load_targets_english
from compendium.targets.records import load_targets

from support.project import ROOT

VOCAB = load_vocabulary()
GLOSSARY = load_glossary()
EN = load_labels().in_language("en")


@pytest.fixture(scope="module")
def documents():
    return load_documents(ROOT / "docs", VOCAB)


def body(doc) -> str:
    return split_front_matter(doc.path, (ROOT / "docs" / doc.path).read_text(encoding="utf-8")).body


def english_error(doc, **fields) -> PageError:
    with pytest.raises(PageError) as info:
        check_english(replace(doc, meta=replace(doc.meta, **fields)), body(doc), GLOSSARY)
    return info.value


# --- summaries ---------------------------------------------------------------------------------


def test_every_document_has_an_english_title_and_a_summary_that_passes_the_checks(documents):
    assert len(documents) == 37
    for doc in documents:
        assert doc.meta.title_en and doc.meta.summary_en, doc.path
        check_english(doc, body(doc), GLOSSARY)
        assert 3 <= len(sentences(doc.meta.summary_en)) <= 6, doc.path


def test_a_full_stop_after_an_abbreviation_does_not_end_a_sentence():
    assert sentences("Issued as document No. 59 of 2015, it sets targets. It asks for more (SA). Done.") == [
        "Issued as document No. 59 of 2015, it sets targets.", "It asks for more (SA).", "Done."]


def test_numbers_are_read_in_digits_and_in_words():
    assert english_numbers("1,000 enterprises, 77.3%, thirteen tasks, twenty-two measures, the Twelfth plan, "
                           "COVID-19") == {"1000", "77.3", "13", "22", "12"}
    assert {"12", "5", "22", "2000", "30"} <= chinese_numbers("“十二五”时期，二十二条，2,000万，３０")


def test_a_summary_of_two_sentences_is_refused(documents):
    err = english_error(documents[2], summary_en="It sets targets. It sets tasks.")
    assert (err.path, err.field) == (f"docs/{documents[2].path}", "summary_en") and "2 sentences" in str(err)
    assert err.fix


def test_a_number_the_original_does_not_print_is_refused(documents):
    doc = next(d for d in documents if d.path == "part2/5g-development.md")
    err = english_error(doc, summary_en=doc.meta.summary_en + " It names 4711 base stations.")
    assert err.field == "summary_en" and "4711 is not a number of the Chinese original" in str(err)
    err = english_error(doc, title_en=doc.meta.title_en + " (seventeen measures)")
    assert err.field == "title_en" and "17" in str(err)


def test_a_rendering_the_glossary_rules_out_is_refused(documents):
    doc = documents[5]
    err = english_error(doc, summary_en=doc.meta.summary_en + " It helps SMEs.")
    assert err.field == "summary_en" and "'SMEs' for 中小企业" in str(err) and "small and medium-sized" in err.fix


def test_a_title_that_says_a_glossary_term_otherwise_is_refused(documents):
    doc = next(d for d in documents if d.path == "part2/5g-development.md")
    err = english_error(doc, title_en="Notice of the MIIT on promoting 5G")
    assert err.field == "title_en" and "工业和信息化部" in str(err)


# --- the glossary ------------------------------------------------------------------------------


def test_the_glossary_names_every_issuer_in_english(documents):
    for doc in documents:
        for name in doc.meta.issuer:
            assert GLOSSARY.english(name, doc.path, "issuer")


def test_an_issuer_without_english_names_the_file_to_complete():
    with pytest.raises(PageError) as info:
        GLOSSARY.english("某某局", "docs/part2/x.md", "issuer")
    assert "某某局" in str(info.value) and "data/glossary.yml" in info.value.fix


def test_a_term_inside_a_longer_one_counts_through_it():
    assert GLOSSARY.unrendered("国务院办公厅关于…", "Opinions of the General Office of the State Council") == []
    assert [t.zh for t in GLOSSARY.unrendered("国务院关于…", "Opinions of the Cabinet")] == ["国务院"]
    assert GLOSSARY.avoided("the physical economy and small and medium enterprises") and not GLOSSARY.avoided(
        "the real economy")


@pytest.mark.parametrize("text, problem", [
    ("- {zh: 高质量发展}\n", "needs zh and en"),
    ("- {zh: 文号, en: document number}\n- {zh: 文号, en: number}\n", "listed twice"),
    ("- {zh: 文号, en: document number, avoid: file number}\n", "avoid must be a list"),
    ("- {zh: 科技创新, en: science, technology and innovation}\n", "unknown keys"),
])
def test_a_malformed_glossary_names_the_problem(tmp_path, text, problem):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PageError) as info:
        load_glossary(path)
    assert problem in str(info.value) and "data/glossary.yml" in str(info.value)


def english_pairs(documents) -> list[tuple[str, str, str]]:
    """(where, Chinese, English) for every text of the project that has both."""
    pairs = [(d.path, d.meta.title, d.meta.title_en) for d in documents]
    for kind in ("parts", "levels", "kinds", "topics"):
        pairs += [(f"vocabulary {kind}", t.zh, t.en) for t in getattr(VOCAB, kind).values()]
    pairs += [(f"labels {k}", v["zh"], v["en"]) for k, v in EN.entries.items()]
    downloads = yaml.safe_load((ROOT / "data" / "downloads.yml").read_text(encoding="utf-8"))
    pairs += [(d["path"], f"{d['title']} {d['fields']}", f"{d['title_en']} {d['fields_en']}") for d in downloads]
    pairs += [(f"errata line {c.line}", c.reason, c.reason_en) for c in load_errata()]
    pairs += [(f"revision {r.version}", " ".join(r.changes), " ".join(r.changes_en)) for r in load_revisions()]
    targets = load_targets(VOCAB)
    english = load_targets_english(targets)
    indicators: dict[str, set[str]] = {}
    for t in targets:
        indicators.setdefault(t.key, set()).add(t.indicator)
    pairs += [(f"target key {k}", " ".join(sorted(v)), english.indicators[k]) for k, v in indicators.items()]
    pairs += [("target note", zh, en) for zh, en in english.notes.items()]
    return pairs


def test_every_english_text_says_the_glossary_terms_of_its_chinese_as_the_glossary_does(documents):
    # Titles, vocabulary, interface labels, download descriptions, errata reasons: where the
    # Chinese says a term, the English says it the glossary's way, and never a way it rules out.
    problems = []
    for where, zh, en in english_pairs(documents):
        problems += [f"{where}: {t.zh} is not {t.en!r} in {en!r}" for t in GLOSSARY.unrendered(zh, en)]
        problems += [f"{where}: {bad!r} in {en!r}" for _, bad in GLOSSARY.avoided(en)]
    assert len(english_pairs(documents)) > 350
    assert not problems, "\n".join(problems)


def test_every_summary_avoids_what_the_glossary_rules_out(documents):
    for doc in documents:
        assert not GLOSSARY.avoided(doc.meta.summary_en), doc.path


# --- the page ----------------------------------------------------------------------------------


def test_the_original_is_marked_chinese_and_left_out_of_the_english_index():
    page = english_page('<p id="p1">正文</p>', "<h1>Title</h1>\n")
    assert page.startswith("<h1>Title</h1>\n")
    assert '<div class="doc-original" lang="zh-CN" data-search-exclude>\n<p id="p1">正文</p>' in page


def test_the_english_index_is_the_same_from_the_page_cut_before_its_original():
    # The search hook leaves the original unparsed: what it indexes must not change by that.
    header = ('<h1>Title</h1>\n<div class="doc-summary editorial"><p><strong>Summary.</strong> Two lines.</p></div>\n')
    original = '<h2 id="s1">一、总体要求</h2>\n<p id="s1-p1">正文。</p>\n<figure class="remark" id="r-1"><p>话</p></figure>'
    page = english_page(original, header)
    assert without_original(page) == header
    rows = [s.as_row() for s in search_page("en/x.html", "Title", page).sections]
    assert rows == [["", "Title", "Summary. Two lines."]]
    assert [s.as_row() for s in search_page("en/x.html", "Title", without_original(page)).sections] == rows
    chinese = original + '<p class="generated">加</p>'
    assert without_original(chinese) == chinese, "a page without an original is indexed whole"


def test_what_the_site_adds_is_english_and_the_contents_of_the_original_chinese():
    page = ('<div class="doc-original" lang="zh-CN"><div class="generated cited-by"><h2 id="cited-by">Cited by</h2>'
            '</div><span class="remark-tools generated" lang="zh-CN"></span>'
            '<a class="headerlink" href="#s1" title="Link to this section">¶</a></div>'
            '<a href="#s1" class="md-nav__link"><span>一、</span></a>\n<nav class="md-nav" aria-label="一、">'
            '<a href="#cited-by" class="md-nav__link">Cited by</a>')
    out = mark_languages(page, document=True)
    assert '<div class="generated cited-by" lang="en">' in out
    assert '<span class="remark-tools generated" lang="zh-CN">' in out  # a lang already given stays
    assert '<a class="headerlink" href="#s1" title="Link to this section" lang="en">' in out
    assert '<a href="#s1" class="md-nav__link" lang="zh-CN">' in out and '<nav class="md-nav" lang="zh-CN"' in out
    assert '<a href="#cited-by" class="md-nav__link">' in out
    assert 'md-nav__link" lang' not in mark_languages(page, document=False)


def test_chinese_words_on_an_english_page_are_marked_and_left_unchanged_on_a_chinese_one():
    assert EN.original("国办发〔2015〕59号") == '<span lang="zh-CN" data-search-exclude>国办发〔2015〕59号</span>'
    assert EN.in_language("zh").original("国办发〔2015〕59号") == "国办发〔2015〕59号"


# --- dates and titles --------------------------------------------------------------------------


@pytest.mark.parametrize("date, zh, en", [
    ("2016-12-31", "2016年12月31日", "31 December 2016"),
    ("2019-07", "2019年7月", "July 2019"),
    ("2007", "2007年", "2007"),
    ("", "", ""),
])
def test_dates_read_as_each_language_writes_them(date, zh, en):
    assert (format_date(date, "zh"), format_date(date, "en")) == (zh, en)


def test_a_range_of_days_reads_as_english_writes_it():
    assert format_span("2018-04-24", "2018-04-28", "en") == "24–28 April 2018"
    assert format_span("2020-03-29", "2020-04-01", "en") == "29 March – 1 April 2020"


def test_part_titles_in_each_language():
    assert part_title(VOCAB, 1, EN.in_language("zh")) == "第一篇 习近平总书记有关高质量和转型发展的重要论述"
    assert part_title(VOCAB, 5, EN) == "Part 5: Policies issued by Xianning in recent years"


def test_every_correction_gives_its_reason_in_both_languages(tmp_path):
    assert all(c.reason_en for c in load_errata())
    bad = tmp_path / "data" / "errata.yml"
    bad.parent.mkdir()
    bad.write_text("- {line: 1, page: a.md, original: a, corrected: b, reason: 说明}\n", encoding="utf-8")
    with pytest.raises(PageError) as info:
        load_errata(bad)
    assert "reason_en" in info.value.fix


def test_a_vocabulary_label_cut_by_an_unquoted_comma_is_refused(tmp_path):
    # {en: Science, technology and innovation} reads as en: Science plus two stray keys.
    text = (ROOT / "data" / "vocabulary.yml").read_text(encoding="utf-8")
    bad = tmp_path / "vocabulary.yml"
    bad.write_text(text.replace('en: "Science, technology and innovation"', "en: Science, technology and innovation"),
                   encoding="utf-8")
    with pytest.raises(KeyError) as info:
        load_vocabulary(bad)
    assert "topics innovation" in str(info.value) and "quote" in str(info.value)
    assert VOCAB.topics["innovation"].en == "Science, technology and innovation"


# --- the target table --------------------------------------------------------------------------


def test_every_key_note_and_unit_of_the_targets_has_its_english():
    targets = load_targets(VOCAB)
    english = load_targets_english(targets)
    assert {t.key for t in targets} == set(english.indicators) and all(english.indicator(t) for t in targets)
    assert all(english.note(t) for t in targets if t.note)
    assert {t.unit for t in targets if t.unit} <= set(english.units)


@pytest.mark.parametrize("old, new, words", [
    ("  high-standard-farmland: High-standard farmland\n", "", "no English for 'high-standard-farmland'"),
    ("indicators:\n", "indicators:\n  no-such-key: Nothing\n", "'no-such-key' is used by no target"),
    ("  人: people\n", "", "no English for '人'"),
    ("  人: people\n", "  人: people\n  吨: tonnes\n", "'吨' is used by no target"),
])
def test_the_target_table_english_that_falls_behind_the_targets_is_refused(tmp_path, old, new, words):
    text = (ROOT / "data" / "targets-en.yml").read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "targets-en.yml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PageError) as info:
        load_targets_english(load_targets(VOCAB), bad)
    assert words in str(info.value) and info.value.path == "data/targets-en.yml" and info.value.fix
