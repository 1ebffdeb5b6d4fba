"""The glossary: one English rendering for each recurring term, from data/glossary.yml.

The English edition reads the same everywhere because every piece of it takes its terms from
here: the names of issuing bodies on generated pages (`english`), and the checks that English
text uses no rendering the glossary rules out (`avoided`) and that an English title or label says
a term the way the glossary does where its Chinese says the term (`unrendered`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from compendium import ROOT
from compendium.book.errors import PageError

GLOSSARY_FILE = ROOT / "data" / "glossary.yml"
_WHERE = "data/glossary.yml"


@dataclass(frozen=True)
class Term:
    """A recurring term: as the compilation prints it, its one English, renderings to avoid."""

    zh: str
    en: str
    avoid: tuple[str, ...] = ()


@dataclass(frozen=True)
class Glossary:
    """Every term of the glossary, in file order."""

    terms: tuple[Term, ...]

    def english(self, zh: str, where: str, field: str) -> str:
        """The English of a name (an issuer); a name the glossary lacks raises PageError naming it."""
        for term in self.terms:
            if term.zh == zh:
                return term.en
        raise PageError(where, 0, field, f"{zh!r} has no English in {_WHERE}",
                        f"Add '- {{zh: {zh}, en: …}}' to {_WHERE}.")

    def avoided(self, text: str) -> list[tuple[Term, str]]:
        """(term, rendering) for every rendering to avoid that `text` uses (whole words, any case)."""
        return [(term, bad) for term in self.terms for bad in term.avoid if _words(bad).search(text)]

    def unrendered(self, zh: str, en: str) -> list[Term]:
        """Terms that the Chinese `zh` says but its English `en` does not say as the glossary does.

        A term inside a longer term that `zh` says (国务院 in 国务院办公厅) counts only through it.
        """
        said = [t for t in self.terms if t.zh in zh]
        said = [t for t in said if not any(t is not o and t.zh in o.zh and o.zh in zh for o in said)]
        return [t for t in said if not _words(t.en, inflected=True).search(en)]


@cache  # each phrase compiled once: every page checks every rendering
def _words(phrase: str, inflected: bool = False) -> re.Pattern:
    """`phrase` as whole words, any case, any white space between its words; `inflected` lets its
    last word take an ending (remarks: remark, excerpts: excerpted)."""
    words = [re.escape(w) for w in phrase.split()]
    if inflected:
        words[-1] = re.escape(phrase.split()[-1].removesuffix("s")) + r"\w*"
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


def load_glossary(path: Path = GLOSSARY_FILE) -> Glossary:
    """Read data/glossary.yml (cached per path); a malformed or repeated entry raises PageError."""
    return _load(str(path))


@cache
def _load(path: str) -> Glossary:
    terms: list[Term] = []
    for i, e in enumerate(yaml.safe_load(Path(path).read_text(encoding="utf-8")) or [], 1):
        if not isinstance(e, dict) or not str(e.get("zh") or "").strip() or not str(e.get("en") or "").strip():
            raise PageError(_WHERE, 0, f"entry {i}", "an entry needs zh and en", "Write '- {zh: …, en: …}'.")
        if stray := set(e) - {"zh", "en", "avoid"}:
            raise PageError(_WHERE, 0, str(e["zh"]), f"unknown keys {sorted(map(str, stray))}",
                            "Quote an English rendering that holds a comma.")
        avoid = e.get("avoid") or []
        if not isinstance(avoid, list) or not all(isinstance(a, str) and a.strip() for a in avoid):
            raise PageError(_WHERE, 0, str(e["zh"]), "avoid must be a list of renderings", "Write avoid: [a, b].")
        if any(t.zh == e["zh"] for t in terms):
            raise PageError(_WHERE, 0, str(e["zh"]), "the term is listed twice", "Keep one entry per term.")
        terms.append(Term(str(e["zh"]), str(e["en"]), tuple(avoid)))
    return Glossary(tuple(terms))
