"""A remark cited as Chinese reports cite it: “……”（习近平，2018年4月24日至28日，在湖北考察时的讲话）.

A remark closes with its attribution as printed (``——2018年4月24日至28日，在湖北考察时的讲话``).
Cited in a report, the attribution goes without its dash into full-width brackets after the
quoted text. This module builds that bracket, the citation *suffix*, at build time; the page
carries it (``data-cite``) and the reader's 复制引文 button puts the remark's text in quotation
marks before it.

- A page of a person's remarks (kind ``remarks``, one issuer: part 1, 习近平) names the speaker
  first, unless the attribution already names him (``——习近平2019年9月16日至18日…``,
  ``——习近平总书记在2018年两会…``, ``——2018年4月27日上午，习近平考察…``).
- Any other remark (part 4's excerpts) cites its own source as printed:
  ``（2016年咸宁市第五次党代会报告）``.

The attribution's words stay as printed (including its own punctuation); only the dash goes.
"""
from __future__ import annotations

import json
import re

from compendium.book.errors import PageError
from compendium.book.pages import Document, Remark

DASH = "——"
# A remark block's first two lines: its attribution, then its id option.
_REMARK_HEAD = re.compile(r"^(/// remark \| .+\n    id:[ \t]*(\S+)[ \t]*\n)", re.MULTILINE)
# The kind of page whose remarks are one person's words: the speaker is the page's one issuer.
SPEAKER_KIND = "remarks"


# --- the suffix ------------------------------------------------------------------------------


def citation_suffix(attribution: str, speaker: str = "") -> str:
    """（speaker，attribution without its dash）; no speaker where the attribution names him."""
    if not attribution.startswith(DASH) or not attribution[len(DASH):].strip():
        raise ValueError(f"an attribution starts with {DASH} and names its source: {attribution!r}")
    source = attribution[len(DASH):].strip()
    if speaker and speaker not in source:
        return f"（{speaker}，{source}）"
    return f"（{source}）"


def speaker(doc: Document) -> str:
    """The person whose remarks a page holds (its one issuer), or "" for a page citing its sources."""
    if doc.meta.kind != SPEAKER_KIND:
        return ""
    if len(doc.meta.issuer) != 1:
        raise PageError(f"docs/{doc.path}", 0, "issuer", f"a page of kind {SPEAKER_KIND!r} names one speaker, "
                        f"found {doc.meta.issuer!r}", "Give issuer as [the speaker's name].")
    return doc.meta.issuer[0]


def remark_citation(doc: Document, remark: Remark) -> str:
    """The citation suffix of one remark of a page; a bad attribution raises PageError at its line."""
    who = speaker(doc)
    try:
        return citation_suffix(remark.attribution, who)
    except ValueError as err:
        raise PageError(f"docs/{doc.path}", remark.line, "remark", str(err),
                        f"Write the attribution as printed after '/// remark | {DASH}'.") from None


def page_citations(doc: Document) -> dict[str, str]:
    """Citation suffix of every remark of a page, by the remark's anchor id."""
    return {r.id: remark_citation(doc, r) for r in doc.remarks}


# --- into the page ---------------------------------------------------------------------------


def with_citations(markdown: str, citations: dict[str, str]) -> str:
    """A page's Markdown with a ``cite`` option (the suffix) under the id of each remark it cites."""
    def add(m: re.Match) -> str:
        cite = citations.get(m.group(2))
        return m.group(1) + (f"    cite: {json.dumps(cite, ensure_ascii=False)}\n" if cite else "")
    return _REMARK_HEAD.sub(add, markdown)
