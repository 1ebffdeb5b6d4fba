"""Remarks printed more than once: close texts found by difflib, judged same or not by hand.

The compilation prints some remarks twice or three times, sometimes under different attributions.
Which remarks are the same is decided once, in data/remark-duplicates.yml; the build finds every
pair of remarks whose texts are close (difflib ratio ≥ 0.8 once punctuation and spaces are
removed, or one text inside the other) and stops on a pair that the file does not judge. The same
pairs join into groups: the timeline shows a group as one entry, each place says where else it
stands. A remark is named by its page and anchor: ``part1/on-transformation-development.md#r-201405``.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from compendium import ROOT
from compendium.errors import PageError

DUPLICATES_FILE = ROOT / "data" / "remark-duplicates.yml"
THRESHOLD = 0.8
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Pair:
    """Two remarks whose texts are close: their keys (page#anchor), the ratio, whether one holds the other."""

    a: str
    b: str
    ratio: float
    contained: bool


@dataclass(frozen=True)
class Judgement:
    """A reviewed pair: same remark or not, why, and the line of the data file."""

    a: str
    b: str
    same: bool
    reason: str
    line: int

    @property
    def key(self) -> frozenset[str]:
        return frozenset((self.a, self.b))


# --- close texts -----------------------------------------------------------------------------


def bare(text: str) -> str:
    """The text without punctuation and spaces, the form in which remarks are compared."""
    return _NOT_WORD.sub("", text)


def near_pairs(texts: dict[str, str], threshold: float = THRESHOLD) -> list[Pair]:
    """Every pair of remarks (key → text) whose bare texts have a ratio ≥ threshold or nest."""
    items = [(key, bare(text)) for key, text in texts.items()]
    pairs = []
    for i, (ka, ta) in enumerate(items):
        for kb, tb in items[i + 1:]:
            contained = bool(ta and tb) and (ta in tb or tb in ta)
            matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
            if not contained and (matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold):
                continue
            ratio = matcher.ratio()
            if contained or ratio >= threshold:
                pairs.append(Pair(ka, kb, round(ratio, 3), contained))
    return pairs


# --- the judgements --------------------------------------------------------------------------


def load_judgements(known: set[str], path: Path = DUPLICATES_FILE) -> list[Judgement]:
    """Read data/remark-duplicates.yml; a malformed entry or an unknown remark raises PageError."""
    where = "data/remark-duplicates.yml"
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    out: list[Judgement] = []
    for item in node.value if node else []:
        line = item.start_mark.line + 1
        entry = yaml.safe_load(yaml.serialize(item))
        remarks = entry.get("remarks") if isinstance(entry, dict) else None
        if (not isinstance(remarks, list) or len(remarks) != 2 or not isinstance(entry.get("same"), bool)
                or not str(entry.get("reason") or "").strip()):
            raise PageError(where, line, "entry", "an entry needs remarks (two page#anchor), same (true or false) "
                            "and reason", "Write '- remarks: [partN/x.md#r-…, partN/y.md#r-…]', 'same: true', "
                            "'reason: …'.")
        for key in remarks:
            if key not in known:
                raise PageError(where, line, "remarks", f"no remark {key!r}",
                                "Name a remark by its page under docs/ and its anchor: part1/x.md#r-20140510.")
        out.append(Judgement(str(remarks[0]), str(remarks[1]), entry["same"], str(entry["reason"]).strip(), line))
    seen: dict[frozenset[str], int] = {}
    for j in out:
        if j.key in seen:
            raise PageError(where, j.line, "remarks", f"the pair is judged twice (first on line {seen[j.key]})",
                            "Keep one judgement.")
        seen[j.key] = j.line
    return out


def check_judged(pairs: list[Pair], judgements: list[Judgement]) -> None:
    """Every close pair has a judgement; the first that has none raises PageError saying what to add."""
    judged = {j.key for j in judgements}
    for p in pairs:
        if frozenset((p.a, p.b)) not in judged:
            how = "one holds the other" if p.contained else f"ratio {p.ratio}"
            raise PageError("data/remark-duplicates.yml", 0, "remarks",
                            f"{p.a} and {p.b} have close texts ({how}) but are not judged",
                            f"Read both and add '- remarks: [{p.a}, {p.b}]' with 'same: true' or 'same: false' "
                            "and a reason.")


def same_groups(keys: list[str], judgements: list[Judgement]) -> list[list[str]]:
    """The remarks joined by 'same' judgements, each group in the order of `keys` (book order)."""
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for j in judgements:
        if j.same:
            parent[root(j.b)] = root(j.a)
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(root(k), []).append(k)
    return list(groups.values())
