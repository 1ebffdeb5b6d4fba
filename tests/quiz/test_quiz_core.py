"""compendium.quiz without MkDocs: the bank and its coverage, answers and options held to the book,
the exclusions file and its errors, the daily draw, the quiz pages as a reader without JavaScript
meets them, and the published bank."""
from __future__ import annotations

import json
import textwrap

import pytest
from bs4 import BeautifulSoup

from compendium.book.errors import PageError
from compendium.book.labels import load_labels
from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary
from compendium.indexes.attributions import load_places
from compendium.indexes.timeline import occurrences
from compendium.quiz.bank import BLANK, KINDS, quoted, sentences
from compendium.quiz.daily import DAILY, daily_indexes, fnv1a, mulberry32
from compendium.quiz.exclusions import load_exclusions
from compendium.quiz.load import load_bank
from compendium.quiz.pages import PER_PAGE, bank_records, plan_pages, render_quiz_page
from compendium.targets.records import load_targets
from support.project import ROOT

LABELS = load_labels()
VOCAB = load_vocabulary()
DOCS = {d.path: d for d in load_documents(ROOT / "docs", VOCAB)}
TARGETS = {t.id: t for t in load_targets(VOCAB)}
REMARKS = {o.key: o for o in occurrences(list(DOCS.values()), 1, load_places())}


@pytest.fixture(scope="module")
def bank():
    return load_bank(DOCS, VOCAB, LABELS)


@pytest.fixture(scope="module")
def bank_en():
    return load_bank(DOCS, VOCAB, LABELS.in_language("en"))


# --- the bank --------------------------------------------------------------------------------


def test_the_bank_holds_at_least_200_questions_of_every_kind(bank):
    assert len(bank.questions) >= 200
    assert {q.kind for q in bank.questions} == set(KINDS)
    assert len({q.id for q in bank.questions}) == len(bank.questions)


def test_every_target_and_every_quoted_formulation_is_a_question_or_an_exclusion(bank):
    asked = {c for q in bank.questions for c in q.covers}
    items = set(TARGETS) | {f"{k}|{w}" for k, o in REMARKS.items() for w in quoted(o.remark.text)}
    assert set(bank.items) == items
    assert items == asked | set(bank.excluded), sorted(items - asked - set(bank.excluded))[:5]
    assert not asked & set(bank.excluded), "an excluded item is asked"
    # Every doubtful value (疑误未改) is excluded as such.
    assert {t.id for t in TARGETS.values() if t.doubtful} <= {k for k, r in bank.excluded.items() if r == "doubtful"}


def test_every_answer_is_its_targets_value_or_its_remarks_words_as_printed_and_links_to_it(bank):
    for q in bank.questions:
        page = DOCS[q.document]
        assert q.url.startswith(page.url + "#"), q.id
        if q.kind == "target":
            t = TARGETS[q.covers[0]]
            assert q.answer_text == t.value and q.source == t.sentence and q.url == t.url
            assert t.indicator in q.stem and (str(t.year) in q.stem if t.year else True)
            continue
        remark = REMARKS[f"{q.document}#{q.url.split('#')[1]}"]
        assert q.url.endswith("#" + remark.remark.id)
        if q.kind == "occasion":
            assert q.answer_text in remark.remark.attribution and q.answer_text in remark.attribution.occasion
            assert remark.remark.text.startswith(q.excerpt.rstrip("…"))
        elif q.kind == "date":
            assert q.answer_text == remark.attribution.date_text and q.answer_text in remark.remark.attribution
        else:
            assert q.source in remark.remark.text and f"“{q.answer_text}”" in q.source
            assert q.stem == q.source.replace(f"“{q.answer_text}”", BLANK)


def test_no_option_besides_the_answer_is_also_right(bank):
    by_key = {}
    for t in TARGETS.values():
        by_key.setdefault((t.key, t.scope, t.year), []).append(t)
    groups = {}  # remarks printed more than once: every occasion and date of the same text
    for o in REMARKS.values():
        groups.setdefault(o.remark.text, []).append(o)
    for q in bank.questions:
        others = [o for i, o in enumerate(q.options) if i != q.answer]
        assert len(others) >= 2 and len(set(q.options)) == len(q.options), q.id
        if q.kind == "target":
            t = TARGETS[q.covers[0]]
            same = by_key[(t.key, t.scope, t.year)]
            assert not set(others) & {u.value for u in same}, q.id
            values = {u.value: u for u in TARGETS.values()}
            for o in others:
                u = values[o]
                assert (u.value_number, u.unit) != (t.value_number, t.unit) and not u.doubtful, q.id
        elif q.kind in ("occasion", "date"):
            o = REMARKS[f"{q.document}#{q.url.split('#')[1]}"]
            same = [x for x in REMARKS.values() if x.remark.text in o.remark.text or o.remark.text in x.remark.text]
            for other in others:
                if q.kind == "occasion":
                    assert not any(other in x.attribution.occasion for x in same), q.id
                else:
                    assert other not in {x.attribution.date_text for x in same}, q.id
        else:
            o = REMARKS[f"{q.document}#{q.url.split('#')[1]}"]
            assert not any(x in o.remark.text for x in others), q.id


def test_remarks_judged_the_same_never_offer_each_other_as_wrong_options(bank):
    q = next(q for q in bank.questions if q.id == "d-on-high-quality-development-r-20140510")
    assert q.answer_text == "2014年5月10日" and "2014年5月" not in q.options
    q = next(q for q in bank.questions if q.id == "o-on-transformation-development-r-20180305")
    assert not any("广东代表团" in o for o in q.options if o != q.answer_text)


def test_an_occasion_of_the_same_days_is_never_a_wrong_option(bank):
    # 2018年4月24日至28日，在湖北考察: the visit to 武汉东湖高新区 on the 26th may be part of it.
    q = next(q for q in bank.questions if q.id == "o-on-high-quality-development-r-20180424")
    assert q.answer_text == "在湖北考察时的讲话" and not any("东湖" in o for o in q.options)


def test_stems_are_the_templates_filled_with_the_records_fields(bank, bank_en):
    qid = "t-irrigation-machinery-power-hubei-2025"
    q = next(q for q in bank.questions if q.id == qid)
    assert q.stem == ("《省人民政府办公厅关于加快推进农业机械化和农机装备产业转型升级的实施意见》提出："
                      "到2025年，湖北省灌排机械动力的目标是多少？")
    en = next(q for q in bank_en.questions if q.id == qid)
    assert en.stem.endswith(": by 2025, what is the target for Power of irrigation and drainage machinery "
                            "(Hubei Province)?") and en.lang == "en" and en.options == q.options
    # The remarks' questions stay Chinese in the English edition.
    assert {q.lang for q in bank_en.questions if q.kind != "target"} == {"zh"}
    assert [q.id for q in bank.questions] == [q.id for q in bank_en.questions], "the daily draw needs one order"


def test_sentences_and_quoted_formulations():
    text = "从“有没有”转向“好不好”。第二句；第三句！"
    assert sentences(text) == ["从“有没有”转向“好不好”。", "第二句；", "第三句！"]
    assert quoted(text + "再说“有没有”") == ["有没有", "好不好"]


# --- the exclusions --------------------------------------------------------------------------

REASONS = """\
    reasons:
      doubtful: {zh: 疑误, en: doubtful}
    """


def _exclusions(tmp_path, body):
    path = tmp_path / "quiz-exclusions.yml"
    path.write_text(textwrap.dedent(REASONS) + textwrap.dedent(body), encoding="utf-8")
    return path


def test_an_exclusion_of_an_unknown_target_fails_with_the_line_and_the_fix(tmp_path):
    path = _exclusions(tmp_path, """\
        targets:
          - {target: no-such-target, reason: doubtful}
        """)
    with pytest.raises(PageError) as err:
        load_exclusions(set(TARGETS), set(), path)
    assert err.value.path == "data/quiz-exclusions.yml" and err.value.line == 4
    assert "no-such-target" in err.value.problem and "data/targets.yml" in err.value.fix


@pytest.mark.parametrize("body, problem", [
    ("targets:\n  - {target: poverty-exits-national-2017, reason: nonsense}\n", "unknown reason"),
    ("targets:\n  - {target: poverty-exits-national-2017}\n", "needs target and reason"),
    ("targets:\n  - {target: poverty-exits-national-2017, reason: doubtful}\n"
     "  - {target: poverty-exits-national-2017, reason: doubtful}\n", "excluded twice"),
    ("formulations:\n  - {remark: part1/x.md#r-1, text: 大, reason: doubtful}\n", "puts no"),
])
def test_bad_exclusions_fail(tmp_path, body, problem):
    with pytest.raises(PageError, match=problem):
        load_exclusions(set(TARGETS), set(), _exclusions(tmp_path, body))


def test_an_item_that_cannot_be_asked_and_is_not_excluded_fails(tmp_path):
    # Without the reviewed file, the first target that cannot be asked stops the bank, naming its line.
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    for name in ("targets.yml", "targets-en.yml", "places.yml", "remark-duplicates.yml"):
        (root / "data" / name).write_bytes((ROOT / "data" / name).read_bytes())
    (root / "data" / "quiz-exclusions.yml").write_text(textwrap.dedent(REASONS), encoding="utf-8")
    with pytest.raises(PageError) as err:
        load_bank(DOCS, VOCAB, LABELS, root)
    assert (err.value.path, err.value.line) == ("data/targets.yml", 30)  # high-standard-farmland-national-2020
    assert "other value" in err.value.problem and "quiz-exclusions.yml" in err.value.fix
    assert "reason: no_options" in err.value.fix


# --- the daily draw --------------------------------------------------------------------------


def test_the_same_date_gives_the_same_set_and_other_dates_other_sets(bank):
    n = len(bank.questions)
    today = daily_indexes("2026-12-07", n)
    assert today == daily_indexes("2026-12-07", n) and len(set(today)) == DAILY
    assert all(0 <= i < n for i in today)
    days = [f"2026-{m:02d}-{d:02d}" for m in (1, 6, 12) for d in range(1, 29)]
    sets = {tuple(sorted(daily_indexes(day, n))) for day in days}
    assert len(sets) == len(days)


def test_the_draw_is_the_one_quiz_js_computes():
    # Known values of FNV-1a (32 bits) and mulberry32, as JavaScript computes them.
    assert fnv1a("") == 0x811C9DC5 and fnv1a("a") == 0xE40C292C
    rand = mulberry32(0)
    assert [round(rand(), 10) for _ in range(2)] == [0.2664292087, 0.0003297457]


# --- pages and data --------------------------------------------------------------------------


def test_quiz_pages_hold_at_most_40_questions_and_every_question_once(bank):
    pages = plan_pages(bank.questions, LABELS)
    by_part = [p for p in pages if p.group != "mixed"]
    assert all(0 < len(p.questions) <= PER_PAGE for p in pages)
    assert sorted(q.id for p in by_part for q in p.questions) == sorted(q.id for q in bank.questions)
    # Parts 3 and 4 are too small for a quiz of their own.
    assert not any(p.group in ("part3", "part4") for p in pages)


def test_a_quiz_page_without_javascript_reads_every_answer_behind_a_disclosure(bank):
    pages = plan_pages(bank.questions, LABELS)
    page = pages[0]
    markdown = render_quiz_page(page, pages, LABELS)
    assert "search:\n  exclude: true" in markdown
    soup = BeautifulSoup(markdown.split("---\n", 2)[2], "html.parser")
    items = soup.select("ol.quiz-list > li.quiz-q")
    assert len(items) == len(page.questions)
    for li, q in zip(items, page.questions):
        assert li.select_one(".quiz-stem").get_text() == q.stem
        assert [o.get_text() for o in li.select(".quiz-options > li")] == list(q.options)
        key = li.select_one("details.quiz-key")
        assert key.summary.get_text() == "查看答案" and q.answer_text in key.select_one(".quiz-answer").get_text()
        assert key.select_one("a")["href"] == "../" + q.url
    assert "style=" not in markdown and "<script" not in markdown


def test_english_quiz_pages_mark_the_chinese_questions(bank_en):
    labels = LABELS.in_language("en")
    pages = plan_pages(bank_en.questions, labels)
    soup = BeautifulSoup("".join(render_quiz_page(p, pages, labels) for p in pages[:1] + pages[-2:]),
                         "html.parser")
    remarks = [li for li in soup.select("li.quiz-q") if not li["data-q"].startswith("t-")]
    targets = [li for li in soup.select("li.quiz-q") if li["data-q"].startswith("t-")]
    assert remarks and all(li.get("lang") == "zh-CN" for li in remarks)
    assert targets and all(li.get("lang") is None for li in targets)
    for li in targets:
        assert all(o.find("span", lang="zh-CN") for o in li.select(".quiz-options > li"))


def test_the_published_bank(bank):
    records = bank_records(bank.questions)
    assert json.loads(json.dumps(records, ensure_ascii=False)) == records
    assert all(r["options"][r["answer_index"]] == r["answer"] for r in records)
