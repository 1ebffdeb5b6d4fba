"""The controlled lists (parts, levels, kinds, topics, scopes, comparators) from data/vocabulary.yml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from compendium import VOCABULARY_FILE


@dataclass(frozen=True)
class Term:
    """One entry of a controlled list: ASCII id, Chinese and English label."""

    id: str
    zh: str
    en: str

    def label(self, lang: str) -> str:
        """The label in a language of the site (zh or en)."""
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Part(Term):
    """A part (篇) of the compilation; ``folder`` is its folder under docs/."""

    folder: str
    number: int


@dataclass(frozen=True)
class Comparator(Term):
    """How a target value is meant (达到, 以上, 左右 …); ``words``: what a sentence says for it."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """All controlled lists, each keyed by id."""

    parts: dict[int, Part]
    levels: dict[str, Term]
    kinds: dict[str, Term]
    topics: dict[str, Term]
    scopes: dict[str, Term]  # the area a target is set for
    comparators: dict[str, Comparator]

    @staticmethod
    def describe(terms: dict) -> str:
        """``id (label), …`` for an error message listing what is allowed."""
        return ", ".join(f"{key} ({term.zh})" for key, term in terms.items())


def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """Read the vocabulary file; a malformed entry raises KeyError naming it."""
    return _load(str(path))


@cache
def _load(path: str) -> Vocabulary:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    for name in ("parts", "levels", "kinds", "topics"):
        for t in data[name]:
            if stray := set(t) - {"id", "zh", "en", "folder"}:
                # An unquoted comma in a flow entry ({en: A, B}) makes a key of what follows it.
                raise KeyError(f"{name} {t.get('id')}: unknown keys {sorted(map(str, stray))} "
                               "(quote a label with a comma)")
    terms = {
        name: {str(t["id"]): Term(str(t["id"]), t["zh"], t["en"]) for t in data[name]}
        for name in ("levels", "kinds", "topics", "scopes")
    }
    comparators = {
        str(c["id"]): Comparator(str(c["id"]), c["zh"], c["en"], tuple(str(w) for w in c["words"]))
        for c in data["comparators"]
    }
    parts = {
        int(p["id"]): Part(str(p["id"]), p["zh"], p["en"], p["folder"], int(p["id"])) for p in data["parts"]
    }
    return Vocabulary(parts=parts, comparators=comparators, **terms)
