"""The controlled lists (parts, levels, kinds, topics) from data/vocabulary.yml."""
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


@dataclass(frozen=True)
class Part(Term):
    """A part (篇) of the compilation; ``folder`` is its folder under docs/."""

    folder: str
    number: int


@dataclass(frozen=True)
class Vocabulary:
    """All controlled lists, each keyed by id."""

    parts: dict[int, Part]
    levels: dict[str, Term]
    kinds: dict[str, Term]
    topics: dict[str, Term]

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
    terms = {
        name: {str(t["id"]): Term(str(t["id"]), t["zh"], t["en"]) for t in data[name]}
        for name in ("levels", "kinds", "topics")
    }
    parts = {
        int(p["id"]): Part(str(p["id"]), p["zh"], p["en"], p["folder"], int(p["id"])) for p in data["parts"]
    }
    return Vocabulary(parts=parts, **terms)
