"""The English edition of a document page: its English title and summary, checked, set above
the Chinese original.

The text of the documents is never translated. A document's English page shows its English
title (front matter `title_en`), the title as printed, the metadata line, a summary of three to
six sentences (`summary_en`) and a note that the full text is the Chinese original; then the
Chinese original exactly as the Chinese page has it (same Markdown, same anchors), marked
``lang="zh-CN"`` and ``data-search-exclude`` (it is searched once, in the Chinese edition).
What the site adds inside it (class `generated` or `editorial`, the ¶ permalinks) is English and
marked ``lang="en"``; the entries of the page's contents that name headings of the original are
marked Chinese.

Checks, so that a summary says only what its document says: three to six sentences; every
number in the English title and summary, in digits or in words, is a number of the Chinese
original (title, 文号, text: digits or Chinese numerals); no rendering that data/glossary.yml
rules out; and a glossary term in the Chinese title is said as the glossary says it.
"""
from __future__ import annotations

import html
import re
import unicodedata

from compendium.book.anchors import WRITTEN
from compendium.book.errors import PageError
from compendium.book.labels import HTML_LANG, Labels
from compendium.book.pages import Document
from compendium.english.glossary import Glossary

SENTENCES = (3, 6)
# Names that carry digits but are no figure of the document (新冠肺炎 is called COVID-19).
NAMES_WITH_DIGITS = ("COVID-19",)
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = ("No.", "Nos.", "e.g.", "i.e.", "etc.", "cf.", "St.")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'’”)]?\s+(?=[\"'‘“(]?[A-Z0-9])")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20}
_NUMBER_WORDS = {**{w: n for n, w in enumerate(_UNITS)}, **_TENS, **_ORDINALS}
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMERAL = re.compile(f"[{''.join(_CN_DIGITS)}{''.join(_CN_UNITS)}]+")
# Elements the site adds to a page, inside the Chinese original too: written in the reader's language.
# A contents entry: its link, and the <nav> of its sub-entries that Material names after it.
_CONTENTS = re.compile(r'<a href="#([^"]+)" class="md-nav__link">(.*?</a>\s*(?:<nav class="md-nav")?)', re.S)
_ADDED = re.compile(r'<([a-z][a-z0-9]*)((?:\s[^>]*?)?\sclass="[^"]*\b(?:generated|editorial|headerlink)\b[^"]*"[^>]*)>')


# --- checks ------------------------------------------------------------------------------------


def sentences(text: str) -> list[str]:
    """The sentences of an English text (a full stop after No., e.g. … does not end one)."""
    out: list[str] = []
    for piece in _SENTENCE_END.split(" ".join(text.split())):
        if out and out[-1].endswith(_ABBREVIATIONS):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return [s for s in out if s]


def english_numbers(text: str) -> set[str]:
    """Every number an English text states: in digits (1,000 → 1000) or in words (thirteen, twenty-two, third)."""
    for name in NAMES_WITH_DIGITS:
        text = text.replace(name, " ")
    found = {d.replace(",", "") for d in _DIGITS.findall(text)}
    for word in _WORD.findall(text.lower()):
        parts = word.split("-")
        if len(parts) == 2 and parts[0] in _TENS and parts[1] in _NUMBER_WORDS:
            found.add(str(_TENS[parts[0]] + _NUMBER_WORDS[parts[1]]))
        elif word in _NUMBER_WORDS:
            found.add(str(_NUMBER_WORDS[word]))
    return found


def chinese_numbers(text: str) -> set[str]:
    """Every number a Chinese text prints: in digits (full width too) or in Chinese numerals (十三 → 13)."""
    text = unicodedata.normalize("NFKC", text)
    found = {d.replace(",", "") for d in _DIGITS.findall(text)}
    for run in _CN_NUMERAL.findall(text):
        # Every number the run spells, whole or in part: 十二五 (the 12th five-year plan) → 10, 12, 2, 5.
        spans = (run[i:j] for i in range(len(run)) for j in range(i + 1, len(run) + 1))
        found.update(str(value) for span in spans if (value := _cn_value(span)) is not None)
    return found


def _cn_value(run: str) -> int | None:
    """十三 → 13, 二十二 → 22, 一百 → 100; None for a run that is not one number (一二)."""
    total, digit = 0, None
    for c in run:
        if c in _CN_DIGITS:
            if digit is not None:
                return None
            digit = _CN_DIGITS[c]
        else:
            total += (1 if digit is None else digit) * _CN_UNITS[c]
            digit = None
    return total + (digit or 0)


def check_english(doc: Document, body: str, glossary: Glossary) -> None:
    """A document's English title and summary against its Chinese original; the first problem raises."""
    m, where = doc.meta, f"docs/{doc.path}"
    count = len(sentences(m.summary_en))
    if not SENTENCES[0] <= count <= SENTENCES[1]:
        raise PageError(where, 0, "summary_en", f"{count} sentences", "Write a summary of three to six sentences.")
    printed = chinese_numbers(" ".join((m.title, m.doc_no, body)))
    for name in ("title_en", "summary_en"):
        if stray := sorted(english_numbers(getattr(m, name)) - printed, key=float):
            raise PageError(where, 0, name, f"{', '.join(stray)} is not a number of the Chinese original",
                            "State only numbers that the document prints.")
        if bad := glossary.avoided(getattr(m, name)):
            term, rendering = bad[0]
            raise PageError(where, 0, name, f"{rendering!r} for {term.zh}",
                            f"Write {term.en!r} (data/glossary.yml).")
    if missing := glossary.unrendered(m.title, m.title_en):
        raise PageError(where, 0, "title_en", f"the title says {missing[0].zh} but title_en lacks {missing[0].en!r}",
                        "Use the glossary's English (data/glossary.yml).")


# --- the English page ----------------------------------------------------------------------------


def english_header(doc: Document, meta_line: str, labels: Labels) -> str:
    """The top of a document's English page: English title, title as printed, metadata, summary, note."""
    m = doc.meta
    return (f"<h1>{html.escape(m.title_en)}</h1>\n"
            f'<p class="doc-title-original">{labels.original(html.escape(m.title))}</p>\n'
            f"{meta_line}"
            f'<div class="doc-summary editorial">\n'
            f"<p><strong>{html.escape(labels('english.summary'))}</strong> {html.escape(m.summary_en)}</p>\n"
            f'<p class="doc-original-note">{html.escape(labels("english.original_note"))}</p>\n'
            "</div>\n")


# The Chinese original on a document's English page, around the Chinese page's content.
_ORIGINAL_START = f'<div class="doc-original" lang="{HTML_LANG["zh"]}" data-search-exclude>\n'
_ORIGINAL_END = "\n</div>\n"


def english_page(content: str, header: str) -> str:
    """A document's rendered Chinese content as its English page: the header, then the original,
    marked Chinese and left out of the English search index."""
    return f"{header}{_ORIGINAL_START}{content}{_ORIGINAL_END}"


def without_original(page_content: str) -> str:
    """A page's content without the Chinese original that english_page ends it with (what the
    English search index keeps of it, found without parsing the original); other content as it is."""
    at = page_content.find(_ORIGINAL_START)
    return page_content[:at] if at >= 0 and page_content.endswith(_ORIGINAL_END) else page_content


def mark_languages(page_html: str, document: bool) -> str:
    """A built English page with its languages marked where its markup does not say: what the site
    adds (class generated, editorial, headerlink) is English, inside the original too; on a
    document's page, a contents entry that names a heading of the original (a written anchor) is Chinese."""
    def added(tag: re.Match) -> str:
        return tag.group(0) if " lang=" in tag.group(2) else f'<{tag.group(1)}{tag.group(2)} lang="{HTML_LANG["en"]}">'

    def contents(entry: re.Match) -> str:
        if not WRITTEN.match(entry.group(1)):
            return entry.group(0)
        chinese = f' lang="{HTML_LANG["zh"]}"'
        rest = entry.group(2) + (chinese if entry.group(2).endswith('<nav class="md-nav"') else "")
        return f'<a href="#{entry.group(1)}" class="md-nav__link"{chinese}>{rest}'

    page_html = _ADDED.sub(added, page_html)
    return _CONTENTS.sub(contents, page_html) if document else page_html
