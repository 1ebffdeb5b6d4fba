"""Candidate targets: the sentences and table rows of the corpus that look like a quantitative target.

A candidate holds a quantity (a number with a unit — ``2500亿元``, ``10%``, ``5万个``, ``百家`` — or
``翻一番``) and a target word (达到, 突破, 以上, 左右, 力争, 增长, 下降, 培育, 建成 …). A year is not
required of the sentence itself: a paragraph often names it once (``到2020年，…。全省农机总动力超过
4600万千瓦…``), and plans of a period give none (``年均增长10%以上``). The rule is generous on
purpose: it drafted data/targets.yml, and it stays as a test — every candidate is covered by a
target record or listed in data/target-exclusions.yml with the reason it is not a target.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from compendium import ROOT
from compendium.book.errors import PageError
from compendium.book.layout_repair import content_chars
from compendium.targets.sentences import page_sentences, table_rows

EXCLUSIONS_FILE = ROOT / "data" / "target-exclusions.yml"

# --- the rule --------------------------------------------------------------------------------

_UNIT = (r"(?:%|％|倍|亿|万|千瓦|兆瓦|个|家|项|户|人|台|座|条|所|公里|千米|吨|元|件|套|辆|张|名|处|款|种"
         r"|平方|亩|公顷|立方|部|GW|MW|kW|Gbps|Mbps)")
QUANTITY = re.compile(rf"\d+(?:\.\d+)?(?:[-—～~]\d+(?:\.\d+)?)?\s*{_UNIT}|翻[一两]?番|倍增|[百千万]亿"
                      r"|[一二三四五六七八九十两百千万]+(?:个|家|项|倍|亿元|所|万亩|万人|万户|千瓦|人)")
TARGET_WORD = re.compile(r"达到|达|突破|超过|以上|左右|力争|增长|下降|翻[一两]?番|倍增|提高|提升|降低|不低于|不少于"
                         r"|不超过|控制在|保持在|以内|以下|减少|增加|增至|培育|建成|建设|建立|打造|形成|新增|引进|实现"
                         r"|覆盖|占")


def is_candidate(text: str) -> bool:
    """True for text with a quantity and a target word."""
    return bool(QUANTITY.search(text) and TARGET_WORD.search(text))


# --- candidates of a page --------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A sentence (or table row) that the rule proposes: page, Markdown line, text, row id if any."""

    document: str  # path under docs/, e.g. part5/made-in-china-2025-xianning.md
    line: int
    text: str
    row: str = ""  # tab-1-r3 for a table row

    @property
    def where(self) -> str:
        """docs/<page>:<line> for messages."""
        return f"docs/{self.document}:{self.line}"


def page_candidates(document: str, body: str, first_line: int) -> list[Candidate]:
    """Candidate sentences and table rows of one page, in page order."""
    out = [Candidate(document, s.line, s.text) for s in page_sentences(body, first_line) if is_candidate(s.text)]
    out += [Candidate(document, r.line, r.text, r.id) for r in table_rows(body, first_line)
            if is_candidate(r.text) or _under_year_columns(r.heads, r.cells)]
    return sorted(out, key=lambda c: c.line)


def _under_year_columns(heads: tuple[str, ...], cells: tuple[str, ...]) -> bool:
    """A row with a number under a column headed by a year (the indicator table's 2020年, 2025年)."""
    return any(re.search(r"20\d\d年", h) and re.search(r"\d", c) for h, c in zip(heads, cells))


# --- exclusions and coverage ----------------------------------------------------------------


@dataclass(frozen=True)
class Exclusion:
    """A candidate that is not a target: page, sentence (or row and its text), reason id, note."""

    document: str
    sentence: str
    row: str
    reason: str
    note: str


def load_exclusions(path: Path = EXCLUSIONS_FILE) -> tuple[dict[str, dict[str, str]], list[Exclusion]]:
    """The reasons (id → zh, en) and the entries of data/target-exclusions.yml; a malformed entry or
    an unknown reason raises PageError naming it."""
    where = "data/target-exclusions.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    reasons = {str(k): {"zh": str(v["zh"]), "en": str(v["en"])} for k, v in (data.get("reasons") or {}).items()}
    out = []
    for i, e in enumerate(data.get("sentences") or [], 1):
        try:
            item = Exclusion(str(e["document"]), str(e["sentence"]), str(e.get("row") or ""), str(e["reason"]),
                             str(e.get("note") or ""))
        except (KeyError, TypeError) as err:
            raise PageError(where, 0, f"entry {i}", f"malformed entry ({err})",
                            "Give document, sentence and reason (row and note where needed).") from None
        if item.reason not in reasons:
            raise PageError(where, 0, f"entry {i}", f"unknown reason {item.reason!r}",
                            f"Use one of: {', '.join(reasons)}, or add it under 'reasons'.")
        out.append(item)
    return reasons, out


def covered(pairs: list[tuple[str, str, str]]) -> set[tuple[str, str]]:
    """(document, key) for (document, sentence, row) triples: the row id of a table row, else the
    sentence compared as the fidelity check compares (whitespace aside)."""
    return {(doc, row or content_chars(sentence)) for doc, sentence, row in pairs}


def uncovered(candidates: list[Candidate], keys: set[tuple[str, str]]) -> list[Candidate]:
    """Candidates that no key of `covered` accounts for."""
    return [c for c in candidates if (c.document, c.row or content_chars(c.text)) not in keys]
