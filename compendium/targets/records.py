"""The target table's records (data/targets.yml): loaded, checked against the vocabulary and the pages.

The file lists target sentences; each holds the targets it sets. A field written beside
``targets`` (scope, sector, year, note …) is shared by the targets of that sentence unless a target
gives its own. After loading, every target is one record (`Target`). A target read from a table
names its row (``row: tab-1-r3``) and, where the table has column heads, its column (``2020年``);
its ``sentence`` is the row's text, its cells joined by `` | ``.

Checks, each failure naming the record and what to fix: fields and types; scope, sector and
comparator from data/vocabulary.yml; then, against the pages, the sentence stands in one paragraph
of its page (or the row exists and reads so), the value and the baseline as printed are in it,
the comparator's words are in it, and the target year is not earlier than the document's date.
"""
from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from compendium import ROOT
from compendium.book.errata import Correction
from compendium.book.errors import PageError
from compendium.book.frontmatter import read_front_matter
from compendium.book.layout_repair import content_chars
from compendium.book.vocabulary import Vocabulary
from compendium.book.yamlfile import load_yaml
from compendium.targets.sentences import Row, table_rows, text_lines

TARGETS_FILE = ROOT / "data" / "targets.yml"
_WHERE = "data/targets.yml"
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")  # a letter first: a CSS selector can name it
_ROW = re.compile(r"^tab-\d+-r\d+$")
# Sentence anchors on document pages: t- and the id of the sentence's first target.
SENTENCE_ANCHOR_PREFIX = "t-"


@dataclass(frozen=True)
class Target:
    """One quantitative target, as the text sets it."""

    id: str
    document: str  # page path under docs/, e.g. part5/made-in-china-2025-xianning.md
    sentence: str  # verbatim; for a table target, the row's cells joined by " | "
    row: str  # tab-1-r3 for a table target, "" for a sentence
    column: str  # column head of the target's cell ("2020年"), "" where the table has none
    scope: str  # id of vocabulary scopes: the area the target is set for
    sector: str  # id of vocabulary topics
    key: str  # shared by the targets that measure the same thing
    indicator: str
    value: str  # as printed: "5万个以上"
    value_number: float  # 50000
    unit: str  # "个"
    comparator: str  # id of vocabulary comparators
    year: int | None  # None where the text gives no year
    baseline: str  # as printed, "" where the text gives none
    baseline_year: int | None
    baseline_number: float | None
    doubtful: bool  # a value kept as printed although it reads as damaged (see note)
    note: str
    line: int  # line of the target in data/targets.yml
    anchor: str = ""
    sentence_line: int = 0  # line of its sentence in data/targets.yml (the entry's `sentence:`)  # id of the sentence (t-…) or row (tab-N-rM) on its page

    @property
    def url(self) -> str:
        """Site-relative URL of the sentence or row: part5/x.html#t-…"""
        return f"{self.document[:-3]}.html#{self.anchor}"


REQUIRED = ("id", "document", "sentence", "scope", "sector", "key", "indicator", "value", "value_number", "unit",
            "comparator", "year")
OPTIONAL = ("row", "column", "baseline", "baseline_year", "baseline_number", "doubtful", "note")


# --- loading ---------------------------------------------------------------------------------


def load_targets(vocab: Vocabulary, path: Path = TARGETS_FILE) -> list[Target]:
    """Read data/targets.yml into one record per target, checked field by field against `vocab`."""
    entries = load_yaml(path, _WHERE) or []
    if not isinstance(entries, list):
        raise PageError(_WHERE, 1, "", "the file is not a list of sentences", "Write '- document: …' entries.")
    text = path.read_text(encoding="utf-8").splitlines()
    for entry in entries:
        if isinstance(entry, dict) and "__line__" in entry:
            entry[_SENTENCE_LINE] = _key_line(text, entry["__line__"], "sentence")
    targets = [parse_target(record, vocab) for record in flatten(entries)]
    seen: dict[str, int] = {}
    for t in targets:
        if t.id in seen:
            raise PageError(_WHERE, t.line, f"target {t.id}", f"duplicate id (first on line {seen[t.id]})",
                            "Give each target its own id (add -b for a second target of the same key, scope and year).")
        seen[t.id] = t.line
    return with_anchors(targets)


_SENTENCE_LINE = "__sentence_line__"


def _key_line(text: list[str], start: int, key: str) -> int:
    """The line of `key:` in the entry that starts at line `start` (the entry's own line if not found)."""
    for n in range(start, min(start + 40, len(text)) + 1):
        stripped = text[n - 1].lstrip("- ").strip()
        if stripped.startswith(f"{key}:"):
            return n
        if n > start and text[n - 1].startswith("- "):
            break
    return start


def flatten(entries: list) -> list[dict]:
    """One mapping per target: the sentence's shared fields, overridden by the target's own."""
    out = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("targets"), list) or not entry["targets"]:
            line = entry.get("__line__", 0) if isinstance(entry, dict) else 0
            raise PageError(_WHERE, line, "", "a sentence without targets",
                            "Give each entry a non-empty 'targets:' list (or remove it).")
        shared = {k: v for k, v in entry.items() if k != "targets"}
        for target in entry["targets"]:
            if not isinstance(target, dict):
                raise PageError(_WHERE, shared["__line__"], "", "a target that is not a mapping",
                                "Write each target as '- id: …' with its fields.")
            out.append({**shared, **target})
    return out


def parse_target(record: dict, vocab: Vocabulary) -> Target:
    """A target from its flattened mapping; a missing, unknown or ill-typed field raises PageError."""
    line = record.get("__line__", 0)
    name = f"target {record.get('id', '?')}"

    def fail(problem: str, fix: str) -> PageError:
        return PageError(_WHERE, line, name, problem, fix)

    for field in REQUIRED:
        if field not in record:
            raise fail(f"missing field '{field}'", f"Add '{field}:' (year: null where the text gives no year).")
    for field in record:
        if field not in ("__line__", _SENTENCE_LINE) and field not in REQUIRED + OPTIONAL:
            raise fail(f"unknown field '{field}'", f"Use only: {', '.join(REQUIRED + OPTIONAL)}.")
    text = {f: _text(record.get(f)) for f in REQUIRED + OPTIONAL}
    if not _ID.match(text["id"]):
        raise fail(f"id {text['id']!r} is not ASCII kebab-case starting with a letter",
                   "Write e.g. mfg-output-xianning-2020.")
    if not _ID.match(text["key"]):
        raise fail(f"key {text['key']!r} is not ASCII kebab-case starting with a letter", "Write e.g. mfg-output.")
    for field in ("document", "sentence", "indicator", "value"):
        if not text[field]:
            raise fail(f"'{field}' is empty", f"Give the {field} as the text has it.")
    if text["row"] and not _ROW.match(text["row"]):
        raise fail(f"row {text['row']!r} is not a table row id", "Name the row as tab-N-rM.")
    if text["scope"] not in vocab.scopes:
        raise fail(f"unknown scope {text['scope']!r}", f"Use one of: {vocab.describe(vocab.scopes)}.")
    if text["sector"] not in vocab.topics:
        raise fail(f"unknown sector {text['sector']!r}", f"Use a topic id: {vocab.describe(vocab.topics)}.")
    if text["comparator"] not in vocab.comparators:
        raise fail(f"unknown comparator {text['comparator']!r}", f"Use one of: {vocab.describe(vocab.comparators)}.")
    doubtful = record.get("doubtful", False)
    if not isinstance(doubtful, bool):
        raise fail("'doubtful' is not true or false", "Write doubtful: true, or leave it out.")
    if doubtful and not text["note"]:
        raise fail("a doubtful value without a note", "Say in 'note' why the printed value is doubtful.")
    return Target(
        id=text["id"], document=text["document"], sentence=text["sentence"], row=text["row"], column=text["column"],
        scope=text["scope"], sector=text["sector"], key=text["key"], indicator=text["indicator"],
        value=text["value"], value_number=_number(record["value_number"], "value_number", fail, required=True),
        unit=text["unit"], comparator=text["comparator"], year=_year(record["year"], "year", fail),
        baseline=text["baseline"], baseline_year=_year(record.get("baseline_year"), "baseline_year", fail),
        baseline_number=_number(record.get("baseline_number"), "baseline_number", fail, required=False),
        doubtful=doubtful, note=text["note"], line=line, sentence_line=record.get(_SENTENCE_LINE, line))


def with_anchors(targets: list[Target]) -> list[Target]:
    """Targets with the anchor of their sentence: the row id, or t- and the id of the sentence's
    first target (targets of one sentence share it)."""
    first: dict[tuple[str, str], str] = {}
    out = []
    for t in targets:
        if t.row:
            anchor = t.row
        else:
            anchor = first.setdefault((t.document, content_chars(t.sentence)), SENTENCE_ANCHOR_PREFIX + t.id)
        out.append(dataclasses.replace(t, anchor=anchor))
    return out


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _number(value, field: str, fail, required: bool) -> float | None:
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise fail(f"'{field}' is {value!r}, not a number", f"Write the value as a plain number, e.g. {field}: 2500.")
    return value


def _year(value, field: str, fail) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1949 <= value <= 2100:
        raise fail(f"'{field}' is {value!r}, not a year", f"Write {field}: 2020 (or null where the text gives none).")
    return value


# --- the pages -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageText:
    """A document page as the checks read it: its date, Markdown body and the body's first line."""

    date: str
    body: str
    first_line: int

    def rows(self) -> dict[str, Row]:
        """The page's table rows by id."""
        return self._rows

    @cached_property
    def _rows(self) -> dict[str, Row]:
        """The page's table rows by id, read once (the checks and the marks both ask)."""
        return {r.id: r for r in table_rows(self.body, self.first_line)}

    @cached_property
    def paragraphs(self) -> tuple[str, ...]:
        """The text of every paragraph, as the fidelity check compares it (whitespace aside)."""
        return tuple(content_chars(text) for _, _, text in text_lines(self.body, self.first_line))

    def holds(self, sentence: str) -> bool:
        """True if one paragraph of the page holds `sentence`."""
        wanted = content_chars(sentence)
        return bool(wanted) and any(wanted in p for p in self.paragraphs)


def read_pages(docs_dir: Path, paths: list[str]) -> dict[str, PageText]:
    """The pages at `paths` (under docs/), read from disk."""
    pages = {}
    for path in paths:
        fm = read_front_matter(docs_dir, path)
        pages[path] = PageText(_text(fm.fields.get("date")), fm.body, fm.body_line)
    return pages


def check_against_pages(targets: list[Target], pages: dict[str, PageText], vocab: Vocabulary,
                        errata: Sequence[Correction] = ()) -> None:
    """Every target stands on its page as recorded; the first that does not raises PageError (a
    sentence not on its page: at the sentence's line, with the page's closest paragraph, where they
    first differ, and the errata entry behind the difference)."""
    rows: dict[str, dict[str, Row]] = {}
    for t in targets:
        def fail(problem: str, fix: str) -> PageError:
            return PageError(_WHERE, t.line, f"target {t.id}", problem, fix)

        page = pages.get(t.document)
        if page is None:
            raise fail(f"no document page {t.document}", "Name a page under docs/, e.g. part5/made-in-china-2025-xianning.md.")
        if t.row:
            row = rows.setdefault(t.document, page.rows()).get(t.row)
            if row is None:
                raise fail(f"no table row {t.row} on {t.document}", "Name a row id of the page's tables (tab-N-rM).")
            if content_chars(t.sentence) != content_chars(row.text):
                raise fail(f"the sentence is not the text of row {t.row}", f"Write sentence: {row.text}")
            where = row.text
            if t.column:
                where = row.cell(t.column)
                if where is None:
                    raise fail(f"row {t.row} has no cell under the column {t.column!r}",
                               f"Use a column head of the table: {', '.join(h for h in row.heads if h)}.")
        else:
            if not page.holds(t.sentence):
                raise sentence_not_on_page(t, page, targets, errata)
            where = t.sentence
        if content_chars(t.value) not in content_chars(where):
            raise fail(f"the value {t.value!r} is not in the {'cell' if t.column else 'sentence'}",
                       "Give the value exactly as printed there.")
        if t.baseline and content_chars(t.baseline) not in content_chars(t.sentence):
            raise fail(f"the baseline {t.baseline!r} is not in the sentence", "Give the baseline as printed, or none.")
        words = vocab.comparators[t.comparator].words
        if words and not any(w in where for w in words):
            raise fail(f"the comparator {t.comparator} ({vocab.comparators[t.comparator].zh}) is not what the text says",
                       f"The text should say one of {', '.join(words)}; choose the comparator it says.")
        if t.year is not None and page.date and t.year < int(page.date[:4]):
            raise fail(f"target year {t.year} is earlier than the document's date {page.date}",
                       "Correct the year, or record what the text sets as a target, not what it reports.")


def sentence_not_on_page(t: Target, page: PageText, targets: list[Target], errata: Sequence[Correction]) -> PageError:
    """The error for a target sentence that no paragraph of its page holds: the closest paragraph
    (its line), the first character where they differ, and, where an errata entry of the page
    changed the words inside the sentence, that the records of the sentence change with it."""
    wanted = content_chars(t.sentence)
    line, para, start = closest_paragraph(wanted, page)
    same = sorted({o.id for o in targets if o.document == t.document and content_chars(o.sentence) == wanted})
    records = f"target{'s' if len(same) > 1 else ''} {', '.join(same)}"
    if not para:
        return PageError(_WHERE, t.sentence_line, f"target {t.id}", f"the sentence is not on {t.document}",
                         "Copy the sentence exactly from the page (one paragraph, as it reads)", step="targets")
    k = next((i for i in range(len(wanted)) if start + i >= len(para) or start + i < 0
              or wanted[i] != para[start + i]), len(wanted))
    ours, theirs = wanted[max(k - 6, 0):k + 4], para[max(start + k - 6, 0):max(start + k + 4, 0)]
    problem = (f"the sentence is not on {t.document}: the closest paragraph, docs/{t.document}:{line}, differs from "
               f"it at character {k + 1} of {len(wanted)} (the sentence has {ours!r}, the page {theirs!r})")
    for c in errata:
        if c.page == t.document and content_chars(c.original) in wanted and content_chars(c.corrected) in para:
            return PageError(_WHERE, t.sentence_line, f"target {t.id}", problem + f"; the errata entry at "
                             f"data/errata.yml:{c.entry_line} changed {c.original!r} to {c.corrected!r} inside it",
                             f"A target sentence quotes its page as corrected: write {c.corrected!r} in this "
                             f"sentence too, in the records of {records}, and check their value and baseline",
                             step="targets")
    return PageError(_WHERE, t.sentence_line, f"target {t.id}", problem,
                     f"Copy the sentence exactly from that paragraph (it is shared by {records}); if the page "
                     "was corrected, the correction needs its entry in data/errata.yml as well", step="targets")


def closest_paragraph(wanted: str, page: PageText) -> tuple[int, str, int]:
    """The paragraph of the page that shares the most of `wanted` (its Markdown line, its characters)
    and where `wanted` would start in it; (0, "", 0) where no paragraph shares four characters."""
    grams = {wanted[i:i + 4] for i in range(max(len(wanted) - 3, 1))}
    best, score = None, 0
    for line, _raw, text in text_lines(page.body, page.first_line):
        para = content_chars(text)
        shared = sum(1 for g in grams if g in para)
        if shared > score:
            best, score = (line, para), shared
    if best is None:
        return 0, "", 0
    line, para = best
    i, j, _n = difflib.SequenceMatcher(None, wanted, para, autojunk=False).find_longest_match(0, len(wanted), 0,
                                                                                              len(para))
    return line, para, j - i
