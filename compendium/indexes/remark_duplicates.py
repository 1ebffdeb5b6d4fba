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
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from compendium import ROOT
from compendium.book.errors import PageError
from compendium.book.yamlfile import compose_yaml

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
    return list(_near_pairs(tuple(texts.items()), threshold))


@lru_cache(maxsize=8)
def _near_pairs(texts: tuple[tuple[str, str], ...], threshold: float) -> tuple[Pair, ...]:
    """near_pairs, once per set of texts (each language's build asks again). The pairs are all
    compared, so each comparison starts with difflib's cheap upper bounds of the ratio (lengths,
    then characters in common, from counts made once per text) and computes the ratio last."""
    items = [(key, bare(text)) for key, text in texts]
    counts = [Counter(text) for _, text in items]
    pairs = []
    for i, (ka, ta) in enumerate(items):
        for j in range(i + 1, len(items)):
            kb, tb = items[j]
            contained = bool(ta and tb) and (ta in tb or tb in ta)
            length = len(ta) + len(tb)
            if not contained and (_ratio(min(len(ta), len(tb)), length) < threshold
                                  or _ratio(_in_common(counts[i], counts[j]), length) < threshold):
                continue
            ratio = 1.0 if ta == tb else difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio()
            if contained or ratio >= threshold:
                pairs.append(Pair(ka, kb, round(ratio, 3), contained))
    return tuple(pairs)


def _in_common(a: Counter, b: Counter) -> int:
    """How many characters two texts have in common, from their character counts."""
    return sum([min(a[c], b[c]) for c in a.keys() & b.keys()])


def _ratio(matches: int, length: int) -> float:
    """difflib's ratio of `matches` elements in common between sequences of `length` elements in all."""
    return 2.0 * matches / length if length else 1.0


# --- the judgements --------------------------------------------------------------------------


def load_judgements(known: set[str], path: Path = DUPLICATES_FILE) -> list[Judgement]:
    """Read data/remark-duplicates.yml; a malformed entry or an unknown remark raises PageError."""
    where = "data/remark-duplicates.yml"
    node, data = compose_yaml(path.read_text(encoding="utf-8"))
    out: list[Judgement] = []
    for item in node.value if node else []:
        line = item.start_mark.line + 1
        entry = data(item)
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
    """Every close pair has a judgement; the first that has none raises PageError saying what to add
    (and the other pairs without one, so that one build lists every entry to write)."""
    judged = {j.key for j in judgements}
    missing = [p for p in pairs if frozenset((p.a, p.b)) not in judged]
    if missing:
        p = missing[0]
        how = "one holds the other" if p.contained else f"ratio {p.ratio}"
        more = "".join(f"; also '- remarks: [{q.a}, {q.b}]'" for q in missing[1:])
        raise PageError("data/remark-duplicates.yml", 0, "remarks",
                        f"{p.a} and {p.b} have close texts ({how}) but are not judged"
                        + (f" ({len(missing) - 1} more pair{'s' if len(missing) > 2 else ''} below)" if more else ""),
                        f"Read both and add '- remarks: [{p.a}, {p.b}]' with 'same: true' or 'same: false' "
                        f"and a reason{more}.")


def same_groups(keys: list[str], judgements: list[Judgement]) -> list[list[str]]:
    """The remarks joined by 'same' judgements, each group in the order of `keys` (book order)."""
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        # (A judgement may name a remark outside `keys`: it joins them all the same.)
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    for j in judgements:
        if j.same:
            parent[root(j.b)] = root(j.a)
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(root(k), []).append(k)
    return list(groups.values())
