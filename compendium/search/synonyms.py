"""Synonyms and abbreviations readers type for what the documents name in full (data/search-synonyms.yml).

Each entry is a term readers type (两山, 农机化) and the terms it stands for (绿水青山就是金山银山,
农业机械化), each with the page where that full form appears. The build checks every full form
against the text of its page in the search index (punctuation and spaces aside), so that no entry
points at words the site lacks; a bad entry stops the build with the file, the line and the fix.

The engine looks for a term's full forms wherever it looks for the term (the entries of the
language being built travel in its index script as ``synonyms``: term → full forms).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from compendium import ROOT
from compendium.book.errors import PageError
from compendium.book.yamlfile import LINE, load_yaml

SYNONYMS_FILE = ROOT / "data" / "search-synonyms.yml"
_WHERE = "data/search-synonyms.yml"
LANGS = ("zh", "en")


@dataclass(frozen=True)
class Meaning:
    """A full form a term stands for, and the page (under docs/) where it appears."""

    text: str
    page: str
    line: int


@dataclass(frozen=True)
class Synonym:
    """A term readers type and the full forms it stands for, in one language's edition."""

    term: str
    means: tuple[Meaning, ...]
    lang: str
    line: int


def loose(text: str) -> str:
    """Text as the engine compares it (near enough for the check): NFKC, lower case, letters,
    digits, + and % only."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).lower() if c.isalnum() or c in "+%")


def load_synonyms(path: Path = SYNONYMS_FILE, where: str = _WHERE) -> list[Synonym]:
    """The entries of the file, checked for their fields; a bad one raises PageError at its line."""
    data = load_yaml(path, where) or {}
    entries = data.get("synonyms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise PageError(where, 1, "synonyms", "missing or not a list", "Write `synonyms:` and a list of entries.")
    found: list[Synonym] = []
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        line = entry.get(LINE, 0) if isinstance(entry, dict) else 0
        if not isinstance(entry, dict):
            raise PageError(where, line, "synonyms", "an entry is not a mapping",
                            "Write each entry as `- term: …` with `means:`.")
        unknown = set(entry) - {"term", "means", "lang", "note", LINE}
        if unknown:
            raise PageError(where, line, ", ".join(sorted(unknown)), "unknown field",
                            "Use term, means, lang and note only.")
        term, lang = entry.get("term"), entry.get("lang", "zh")
        if not isinstance(term, str) or len(loose(term)) < 2:
            raise PageError(where, line, "term", f"{term!r} is not a term of two or more characters",
                            "Write the words readers type.")
        if lang not in LANGS:
            raise PageError(where, line, "lang", f"{lang!r} is not a language of the site", "Write zh or en.")
        if (lang, loose(term)) in seen:
            raise PageError(where, line, "term", f"{term!r} is listed twice", "Merge the two entries.")
        seen.add((lang, loose(term)))
        means = entry.get("means")
        if not isinstance(means, list) or not means:
            raise PageError(where, line, "means", "missing or empty",
                            "List what the term stands for: `- {text: …, page: partN/….md}`.")
        meanings = []
        for m in means:
            mline = m.get(LINE, line) if isinstance(m, dict) else line
            if not (isinstance(m, dict) and isinstance(m.get("text"), str) and isinstance(m.get("page"), str)
                    and m["page"].endswith(".md")):
                raise PageError(where, mline, "means", f"{m!r} is not a full form with its page",
                                "Write `{text: the words as printed, page: partN/<slug>.md}`.")
            if loose(m["text"]) == loose(term):
                raise PageError(where, mline, "means", f"{m['text']!r} is the term itself", "Remove it.")
            meanings.append(Meaning(m["text"], m["page"], mline))
        found.append(Synonym(term, tuple(meanings), lang, line))
    return found


def page_url(page: str, lang: str) -> str:
    """The URL of a page under docs/ (part1/x.md) in a language's edition, as the index names it."""
    return ("en/" if lang == "en" else "") + page[: -len(".md")] + ".html"


def check_synonyms(synonyms: list[Synonym], page_texts: dict[str, str], lang: str, where: str = _WHERE) -> None:
    """Every full form of the language's entries is on its page: `page_texts` is the index's text of
    each page (by URL). Raises PageError at the line of the first that is not."""
    folded = {url: loose(text) for url, text in page_texts.items()}
    for s in synonyms:
        if s.lang != lang:
            continue
        for m in s.means:
            url = page_url(m.page, lang)
            if url not in folded:
                raise PageError(where, m.line, "page", f"{m.page} is not a page of the {lang} edition's search index",
                                "Name the page under docs/ where the full form is printed (partN/<slug>.md).")
            if loose(m.text) not in folded[url]:
                raise PageError(where, m.line, "text", f"{m.text!r} is not in {m.page}",
                                "Copy the full form as the page prints it, or name the page that has it.")


def synonym_data(synonyms: list[Synonym], lang: str) -> dict[str, list[str]]:
    """The language's entries for the index: term → full forms (as written; the engine folds them)."""
    return {s.term: [m.text for m in s.means] for s in synonyms if s.lang == lang}
