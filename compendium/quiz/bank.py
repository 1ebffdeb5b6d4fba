"""The question bank: questions made by fixed templates from the target table and the remarks.

Nothing is reworded: a stem is a template of data/labels.yml (``quiz.stem_*``) filled with a
record's fields (a target's document, year, scope and indicator; a remark's opening words as
printed), or the remark's own sentence with the words it puts in quotation marks left blank. Every
answer is a target's value or a remark's words as printed; every other option is drawn from the
same table or the other remarks, and none of them is also a right answer:

- a target's options are the values of the same indicator in other years, scopes or documents,
  then values of the same unit elsewhere (nearest in size first), never a value equal to the
  answer in number and unit, never one of a target of the same indicator, scope and year, and
  never a value marked doubtful;
- a remark's occasion or date options come from the other remarks, never an occasion or a date
  that belongs to the same text (remarks judged the same in data/remark-duplicates.yml are one
  entry), and never one of days that overlap the answer's (a month holds its days, a range its:
  an occasion then may be part of the same visit);
- a blank's options are formulations other remarks put in quotation marks, never one that
  stands in the same text.

Every target and every quoted formulation of part 1 is a question or a reviewed exclusion
(compendium.quiz.exclusions); an item that cannot be asked (a doubtful value, a stem two targets
answer, too few options) and is not excluded raises PageError naming it and the fix.
"""
from __future__ import annotations

import calendar
import hashlib
import math
import re
from dataclasses import dataclass, field

from compendium.book.errors import PageError
from compendium.book.labels import Labels
from compendium.book.pages import Document
from compendium.book.vocabulary import Vocabulary
from compendium.indexes.attributions import Attribution
from compendium.indexes.timeline import Entry, Occurrence, first_words
from compendium.quiz.exclusions import WHERE as EXCLUSIONS_WHERE, Exclusions
from compendium.targets.records import Target

OPTIONS = 4  # an answer and at most three others
MIN_OTHERS = 2  # fewer other options than this and the item is not asked
KINDS = ("target", "occasion", "date", "blank")
QUOTED = re.compile(r"“([^“”]+)”")
_SENTENCE = re.compile(r"[^。！？；\n]*[。！？；]?")
BLANK = "“＿＿＿＿”"


@dataclass(frozen=True)
class Question:
    """One question: its stem, its options (the answer among them), the passage it comes from."""

    id: str  # ASCII, stable across builds: t-<target id>, o-/d-<page>-<remark>, f-<page>-<remark>-<n>
    kind: str  # one of KINDS
    part: int
    stem: str
    options: tuple[str, ...]
    answer: int  # index of the right option
    source: str  # the sentence, table row or attribution as printed
    url: str  # site-relative page#anchor of the source
    document: str  # page path under docs/
    title: str  # the document's title (in the stem's language)
    excerpt: str = ""  # a remark question's opening words, shown with the stem
    lang: str = "zh"  # the language of the stem (remark questions stay Chinese in the English edition)
    covers: tuple[str, ...] = field(default=())  # the items it asks: target ids, remark|formulation

    @property
    def answer_text(self) -> str:
        return self.options[self.answer]


@dataclass(frozen=True)
class Bank:
    questions: list[Question]
    excluded: dict[str, str]  # item → reason id, for the coverage and the notes
    items: list[str]  # every item that must be a question or an exclusion


# --- helpers ---------------------------------------------------------------------------------


def _rank(seed: str, text: str) -> str:
    """A fixed, well-mixed order of candidates for one question (the same at every build)."""
    return hashlib.sha1(f"{seed}\x00{text}".encode("utf-8")).hexdigest()


def _arrange(qid: str, answer: str, others: list[str]) -> tuple[tuple[str, ...], int]:
    """The options in their printed order: the answer at a place fixed by the question's id."""
    place = int(_rank(qid, "")[:8], 16) % (len(others) + 1)
    options = others[:place] + [answer] + others[place:]
    return tuple(options), place


def _slug(key: str) -> str:
    """page#anchor → an ASCII id part: part1/on-high-quality-development.md#r-20171218 → on-high-quality-development-r-20171218."""
    page, anchor = key.split("#", 1)
    return f"{page.rsplit('/', 1)[-1][:-3]}-{anchor}"


def _fail(item: str, line: int, where: str, problem: str, reason: str) -> PageError:
    return PageError(where, line, item, problem,
                     f"Ask it otherwise or add it to {EXCLUSIONS_WHERE} with reason: {reason} (and a note).")


# --- targets ---------------------------------------------------------------------------------


def target_questions(targets: list[Target], documents: dict[str, Document], vocab: Vocabulary, labels: Labels,
                     exclusions: Exclusions, english=None) -> list[Question]:
    """One question per target that is not excluded: its value, from its document, year, scope and
    indicator. `english` (compendium.targets.english.TargetsEnglish) names the indicator where
    `labels` are English."""
    out = []
    for t in targets:
        if exclusions.get(t.id):
            continue
        if t.doubtful:
            raise _fail(f"target {t.id}", t.line, "data/targets.yml", "its value is doubtful (疑误未改)", "doubtful")
        # Another target that the same stem names (same document, year, scope and indicator) with another value.
        twins = [u for u in targets if u is not t and not _same_value(u, t)
                 and (u.document, u.scope, u.indicator, u.year) == (t.document, t.scope, t.indicator, t.year)]
        if twins:
            raise _fail(f"target {t.id}", t.line, "data/targets.yml",
                        f"the stem is also answered by {twins[0].id} ({twins[0].value})", "ambiguous")
        others = _target_others(t, targets)
        if len(others) < MIN_OTHERS:
            raise _fail(f"target {t.id}", t.line, "data/targets.yml",
                        f"only {len(others)} other value(s) can be offered", "no_options")
        qid = f"t-{t.id}"
        options, answer = _arrange(qid, t.value, others)
        doc = documents[t.document]
        en = labels.lang == "en"
        when = labels("quiz.stem_year").format(year=t.year) if t.year else ""
        indicator = english.indicator(t) if en and english is not None else t.indicator
        scope = vocab.scopes[t.scope].label(labels.lang)
        stem = labels("quiz.stem_target").format(title=doc.meta.title_in(labels.lang), when=when, scope=scope,
                                                 indicator=indicator)
        out.append(Question(qid, "target", doc.meta.part, stem, options, answer, t.sentence, t.url, t.document,
                            doc.meta.title_in(labels.lang), lang=labels.lang, covers=(t.id,)))
    return out


def _same_value(a: Target, b: Target) -> bool:
    return a.value == b.value or (a.value_number, a.unit) == (b.value_number, b.unit)


def _target_others(t: Target, targets: list[Target]) -> list[str]:
    """Up to three other values for `t`: its indicator's elsewhere, then its unit's, nearest first."""
    # The targets of the same indicator, scope and year: none of their values may be offered.
    group = [u for u in targets if (u.key, u.scope, u.year) == (t.key, t.scope, t.year)]

    def allowed(u: Target) -> bool:
        return not u.doubtful and u not in group and not any(_same_value(u, g) for g in group)

    def distance(u: Target) -> float:
        a, b = abs(t.value_number) + 1, abs(u.value_number) + 1
        return abs(math.log(a) - math.log(b))

    same_key = sorted((u for u in targets if u.key == t.key and allowed(u)), key=lambda u: _rank(t.id, u.value))
    same_unit = sorted((u for u in targets if u.key != t.key and u.unit == t.unit and allowed(u)),
                       key=lambda u: (round(distance(u), 1), _rank(t.id, u.value)))
    chosen: list[Target] = []
    for u in same_key + same_unit:
        if len(chosen) == OPTIONS - 1:
            break
        if all(not _same_value(u, c) for c in chosen):
            chosen.append(u)
    return [u.value for u in chosen]


# --- remarks ---------------------------------------------------------------------------------


def _span(a: Attribution) -> tuple[str, str]:
    """The days an attribution's date covers, as ISO start and end: a year or a month whole."""
    if len(a.date) == 4:
        return f"{a.date}-01-01", f"{a.date}-12-31"
    if len(a.date) == 7:
        y, m = int(a.date[:4]), int(a.date[5:])
        return f"{a.date}-01", f"{a.date}-{calendar.monthrange(y, m)[1]:02d}"
    return a.date, a.date_end or a.date


def occasion_as_printed(a: Attribution) -> str:
    """The occasion as the attribution prints it, in one piece: what follows the date
    (——习近平2019年9月16日至18日在河南考察调研时的讲话 → 在河南考察调研时的讲话), or what precedes it
    where nothing follows."""
    body = a.text.strip().lstrip("—").strip()
    if not a.date_text or a.date_text not in body:
        return a.occasion
    before, after = body.split(a.date_text, 1)
    return after.strip("，,。；： ") or before.strip("，,。；： ") or a.occasion


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def remark_questions(entries: list[Entry], labels: Labels, exclusions: Exclusions) -> list[Question]:
    """The occasion and the date of each remark, and a blank for each formulation it quotes. The
    stems are Chinese in every edition (`labels` in Chinese are used), the remark's words as printed."""
    zh = labels.in_language("zh")
    out: list[Question] = []
    seen: dict[tuple[str, str, str], Question] = {}
    formulations = {f for e in entries for o in e.occurrences for f in quoted(o.remark.text)}

    def add(q: Question) -> None:
        key = (q.kind, q.stem + q.excerpt, q.answer_text)
        if key in seen:  # the same remark printed again: one question covers both
            first = seen[key]
            out[out.index(first)] = seen[key] = Question(**{**first.__dict__, "covers": first.covers + q.covers})
            return
        seen[key] = q
        out.append(q)

    for entry in sorted(entries, key=lambda e: min(o.order for o in e.occurrences)):
        occasions = {o.attribution.occasion for o in entry.occurrences} | {
            occasion_as_printed(o.attribution) for o in entry.occurrences}
        dates = {o.attribution.date_text for o in entry.occurrences}
        spans = [_span(o.attribution) for o in entry.occurrences]
        texts = [o.remark.text for o in entry.occurrences]
        # Not an occasion of days the answer's overlaps (考察武汉东湖高新区 during 在湖北考察): it may be the same visit.
        other_occasions = sorted({occasion_as_printed(o.attribution) for e in entries if e is not entry
                                  for o in e.occurrences if o.attribution.occasion not in occasions
                                  and not any(_overlap(_span(o.attribution), s) for s in spans)} - occasions)
        other_dates = {}
        for e in entries:
            if e is entry:
                continue
            for o in e.occurrences:
                if o.attribution.date_text not in dates and not any(_overlap(_span(o.attribution), s) for s in spans):
                    other_dates[o.attribution.date_text] = o.attribution.sort_key
        for o in sorted(entry.occurrences, key=lambda o: o.order):
            excerpt = first_words(o.remark.text)
            base = _slug(o.key)
            common = dict(part=o.doc.meta.part, source=o.attribution.text, url=o.url, document=o.doc.path,
                          title=o.doc.meta.title, excerpt=excerpt, lang="zh")
            qid = f"o-{base}"
            others = sorted(other_occasions, key=lambda x: _rank(qid, x))[: OPTIONS - 1]
            options, answer = _arrange(qid, occasion_as_printed(o.attribution), others)
            add(Question(qid, "occasion", stem=zh("quiz.stem_occasion"), options=options, answer=answer,
                         covers=(), **common))
            qid = f"d-{base}"
            others = sorted(sorted(other_dates, key=lambda x: _rank(qid, x))[: OPTIONS - 1], key=other_dates.get)
            options, answer = _arrange(qid, o.attribution.date_text, others)
            add(Question(qid, "date", stem=zh("quiz.stem_date"), options=options, answer=answer, covers=(),
                         **common))
            for n, words in enumerate(quoted(o.remark.text), 1):
                item = f"{o.key}|{words}"
                if exclusions.get(item):
                    continue
                qid = f"f-{base}-{n}"
                sentence = next(s for s in sentences(o.remark.text) if f"“{words}”" in s)
                candidates = [f for f in formulations if f != words and not any(f"“{f}”" in t or f in t for t in texts)]
                candidates.sort(key=lambda f: (abs(len(f) - len(words)), _rank(qid, f)))
                others = candidates[: OPTIONS - 1]
                if len(others) < MIN_OTHERS:
                    raise _fail(item, o.remark.line, f"docs/{o.doc.path}",
                                f"only {len(others)} other formulation(s) can be offered", "no_options")
                options, answer = _arrange(qid, words, others)
                stem = sentence.replace(f"“{words}”", BLANK)
                add(Question(qid, "blank", part=o.doc.meta.part, stem=stem, options=options, answer=answer,
                             source=sentence, url=o.url, document=o.doc.path, title=o.doc.meta.title,
                             lang="zh", covers=(item,)))
    return out


def quoted(text: str) -> list[str]:
    """The formulations a remark puts in quotation marks, each once, in the order they stand."""
    return list(dict.fromkeys(m.group(1) for m in QUOTED.finditer(text)))


def sentences(text: str) -> list[str]:
    """A remark's sentences, as printed, each with its closing stop."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def formulation_items(occs: list[Occurrence]) -> list[str]:
    """Every quoted formulation of the remarks, named remark|formulation, in book order."""
    return [f"{o.key}|{w}" for o in occs for w in quoted(o.remark.text)]


# --- the bank --------------------------------------------------------------------------------


def build_bank(targets: list[Target], documents: dict[str, Document], vocab: Vocabulary, entries: list[Entry],
               occs: list[Occurrence], labels: Labels, exclusions: Exclusions, english=None) -> Bank:
    """Every question, in book order (part, then the target questions before the remarks' of the
    same part would not apply: part 1 holds the remarks, the other parts the targets)."""
    questions = remark_questions(entries, labels, exclusions) + target_questions(
        targets, documents, vocab, labels, exclusions, english)
    order = {path: i for i, path in enumerate(documents)}
    questions.sort(key=lambda q: (q.part, order.get(q.document, 0)))
    items = [t.id for t in targets] + formulation_items(occs)
    asked = {c for q in questions for c in q.covers}
    excluded = {k: e.reason.id for k, e in exclusions.items.items()}
    for item in items:
        if item not in asked and item not in excluded:
            raise PageError(EXCLUSIONS_WHERE, 0, item, "neither asked nor excluded",
                            f"Add it to {EXCLUSIONS_WHERE} with its reason.")
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise PageError(EXCLUSIONS_WHERE, 0, dup, "two questions have the same id", "Report this as a bug.")
    return Bank(questions, excluded, items)
