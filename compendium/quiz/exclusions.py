"""What the question bank does not ask (data/quiz-exclusions.yml), each with its reason, reviewed by hand.

The file names targets of data/targets.yml by id and quoted formulations of the remarks by the
remark (page#anchor, as data/remark-duplicates.yml names it) and the words in quotation marks.
Each entry gives a reason from the file's own `reasons` (Chinese and English) and may add a
note. An entry that names an unknown reason, target, remark or formulation, or names one twice,
raises PageError with the file, the line and the fix; so does an entry the bank would not need
(compendium.quiz.bank checks that each exclusion stands for a question it could not ask or
should not ask, and that every item without a question is excluded).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compendium import ROOT
from compendium.book.errors import PageError
from compendium.book.yamlfile import LINE, load_yaml

EXCLUSIONS_FILE = ROOT / "data" / "quiz-exclusions.yml"
WHERE = "data/quiz-exclusions.yml"


@dataclass(frozen=True)
class Reason:
    id: str
    zh: str
    en: str


@dataclass(frozen=True)
class Exclusion:
    """One item not asked: a target (`target` set) or a formulation of a remark (`remark`, `text`)."""

    reason: Reason
    line: int
    target: str = ""
    remark: str = ""  # page#anchor
    text: str = ""  # the formulation, without its quotation marks
    note: str = ""

    @property
    def key(self) -> str:
        """The item's name in the coverage: a target id, or remark|formulation."""
        return self.target or f"{self.remark}|{self.text}"


@dataclass(frozen=True)
class Exclusions:
    reasons: dict[str, Reason]
    items: dict[str, Exclusion]  # by key

    def get(self, key: str) -> Exclusion | None:
        return self.items.get(key)


def load_exclusions(target_ids: set[str], formulations: set[str], path: Path = EXCLUSIONS_FILE) -> Exclusions:
    """Read the file and check every entry against the known targets and `formulations` (remark|text)."""
    data = load_yaml(path, WHERE) or {}
    if not isinstance(data, dict):
        raise PageError(WHERE, 1, "", "the file is not a mapping", "Write 'reasons:', 'targets:' and 'formulations:'.")
    raw_reasons = data.get("reasons") or {}
    reasons: dict[str, Reason] = {}
    for rid, text in raw_reasons.items():
        if rid == LINE:
            continue
        if not isinstance(text, dict) or not str(text.get("zh") or "").strip() or not str(text.get("en") or "").strip():
            raise PageError(WHERE, raw_reasons.get(LINE, 0), f"reasons.{rid}", "a reason without zh and en",
                            "Write '<id>: {zh: …, en: …}'.")
        reasons[rid] = Reason(rid, str(text["zh"]).strip(), str(text["en"]).strip())
    items: dict[str, Exclusion] = {}
    for section, fields in (("targets", ("target",)), ("formulations", ("remark", "text"))):
        for entry in data.get(section) or []:
            line = entry.get(LINE, 0) if isinstance(entry, dict) else 0
            if not isinstance(entry, dict) or any(not str(entry.get(f) or "").strip() for f in fields + ("reason",)):
                raise PageError(WHERE, line, section, f"an entry needs {', '.join(fields)} and reason",
                                f"Write '- {{{', '.join(f + ': …' for f in fields)}, reason: …}}'.")
            unknown = set(entry) - set(fields) - {"reason", "note", LINE}
            if unknown:
                raise PageError(WHERE, line, section, f"unknown field {sorted(unknown)[0]!r}",
                                f"Use only {', '.join(fields)}, reason and note.")
            reason = reasons.get(str(entry["reason"]))
            if reason is None:
                raise PageError(WHERE, line, "reason", f"unknown reason {entry['reason']!r}",
                                f"Use one of: {', '.join(reasons)} (or add it under reasons).")
            item = Exclusion(reason, line, note=str(entry.get("note") or "").strip(),
                             **{f: str(entry[f]).strip() for f in fields})
            if section == "targets" and item.target not in target_ids:
                raise PageError(WHERE, line, "target", f"no target {item.target!r} in data/targets.yml",
                                "Name a target by its id as data/targets.yml writes it (or remove the entry).")
            if section == "formulations" and item.key not in formulations:
                raise PageError(WHERE, line, "formulations",
                                f"the remark {item.remark!r} puts no “{item.text}” in quotation marks",
                                "Name the remark as page#anchor (part1/x.md#r-20171218) and copy the words "
                                "between its quotation marks.")
            if item.key in items:
                raise PageError(WHERE, line, section, f"{item.key!r} is excluded twice (first on line "
                                f"{items[item.key].line})", "Keep one entry.")
            items[item.key] = item
    return Exclusions(reasons, items)
