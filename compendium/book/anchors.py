"""Anchor ids written in a page: where they are, whether they follow the scheme, duplicates.

The scheme (README, "Anchors"):
  s1, s1-2, s1-2-3 …      numbered headings and run-in heads: their official numbers (一、 → s1,
                          its （二） → s1-2, its 3. → s1-2-3); a suffix -b, -c … where an excerpt
                          repeats a number
  r-20171218, r-201405,   remarks: the date of the attribution, -2, -3 … for repeats of a date in
  r-2018, r-nd            the page, r-nd where the source gives no date
  box-1                   专栏 boxes: their printed number
  tab-1, tab-1-r3         rebuilt tables and their rows, numbered in page order
  u-<ascii>               unnumbered headings
and, generated while the Markdown is rendered (compendium.markup.extension), never written by hand:
  s1-2-p3, r-20171218-p1, paragraphs and tight list items: the anchor they follow, -p and their
  box-1-p2, p1            number there (p1 … before the page's first anchor)
and, added by the indexes hook (compendium.indexes.citation_index, timeline, docindex, topics), never by hand:
  cited-by                the 被引用 section at the end of a document cited by others
  y2018                   a year of the 论述时间线
  by-level, by-issuer,    the parts of the 文件索引, and its levels (level-central, level-other-region)
  by-year, level-<id>
  in-compilation,         the two parts of the 引用关系 page
  elsewhere
  col-<level>             a level of a 主题对照 page (col-remarks, col-national, col-other-region)
  t-mfg-output-xianning-  target sentences (compendium.targets.marks, from data/targets.yml): t-
  2020                    and the id of the sentence's first target
and, on the target table's pages (compendium.targets.page):
  mfg-output-xianning-    a target's row on its sector's page, targets/<sector>.html: the target's
  2020                    id (data/targets.yml)
  by-document             the overview's list of targets by document (targets/index.html)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from compendium.book.errors import PageError

_WRITTEN = r"s\d+(?:-\d+)*(?:-[b-z])?|r-(?:\d{8}|\d{6}|\d{4}|nd)(?:-\d+)?|box-\d+|tab-\d+(?:-r\d+)?|u-[a-z0-9-]+"
# Ids written in a page's Markdown.
WRITTEN = re.compile(rf"^(?:{_WRITTEN})$")
# Target sentences: t- and the id of the sentence's first target (data/targets.yml).
TARGET = re.compile(r"^t-[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# Every id of the scheme: the written ones, the generated paragraph ids and target sentences.
SCHEME = re.compile(rf"^(?:{_WRITTEN}|(?:(?:{_WRITTEN})-)?p\d+|t-[a-z][a-z0-9]*(?:-[a-z0-9]+)*)$")
# Ids that the indexes hook adds to document pages (cited-by) and to its generated pages.
GENERATED = re.compile(r"^(?:cited-by|y\d{4}|by-(?:level|issuer|year|document)|level-[a-z-]+|in-compilation|elsewhere"
                       r"|col-[a-z-]+)$")
# Paragraph ids only.
PARAGRAPH = re.compile(rf"^(?:(?:{_WRITTEN})-)?p\d+$")

# Where ids are written: attribute lists ({#id}, {: #id .x}), block options (id: x,
# attrs: {id: x}) and raw HTML (id="x").
_ATTR_LIST = re.compile(r"\{:?[^}\n]*?#([^\s}]+)[^}\n]*\}")
_BLOCK_ID = re.compile(r"^\s{4}(?:id:\s*(\S+)|attrs:\s*\{[^}]*\bid:\s*([^,}\s]+))")
_HTML_ID = re.compile(r"<[a-z][^>]*\sid=\"([^\"]+)\"")
_HEADING = re.compile(r"^#{2,6}\s")


@dataclass(frozen=True)
class Anchor:
    """An id written in a page, with its line."""

    id: str
    line: int


def find_anchors(body: str, first_line: int) -> list[Anchor]:
    """All ids written in a page body, in order (first_line: line number of the body's start)."""
    found = []
    for offset, text in enumerate(body.splitlines()):
        line = first_line + offset
        for pattern in (_ATTR_LIST, _HTML_ID):
            found += [Anchor(m.group(1), line) for m in pattern.finditer(text)]
        if m := _BLOCK_ID.match(text):
            found.append(Anchor(m.group(1) or m.group(2), line))
    return found


def check_anchors(path: str, body: str, first_line: int) -> list[Anchor]:
    """Ids of a page; raises PageError on an id outside the scheme, a numbered heading whose id is not
    its number path, a duplicate, or a bare heading."""
    seen: dict[str, int] = {}
    anchors = find_anchors(body, first_line)
    numbered = numbered_heads(body, first_line)
    for a in anchors:
        if not WRITTEN.match(a.id) or PARAGRAPH.match(a.id):
            raise PageError(path, a.line, "anchor", f"id {a.id!r} does not follow the anchor scheme",
                            "Use s1-2 for headings, r-YYYYMMDD for remarks, box-N, tab-N, tab-N-rM (README, Anchors)",
                            step="headings")
        head = numbered.get(a.line)
        if head and head.id == a.id and _base(a.id) != head.expected:
            raise PageError(path, a.line, "anchor", f"id {a.id!r} does not match the heading's number: "
                            f"{head.number} {head.under} is {head.expected}",
                            f"Write {{#{head.expected}}} (the number path of the heading: 一、 → s1, its （二） → s1-2, "
                            "its 3. → s1-2-3)", step="headings")
        if a.id in seen:
            if head and head.id == a.id:
                fix = (f"This heading's number path is {head.expected}, which the heading on line {seen[a.id]} "
                       f"already has: the excerpt repeats the number, so write {{#{_next_suffix(a.id, seen)}}}")
            else:
                fix = "Give one of them a suffix (-2 for a remark; a heading's id is its number path)"
            raise PageError(path, a.line, "anchor", f"duplicate id {a.id!r} (first on line {seen[a.id]})", fix,
                            step="headings")
        seen[a.id] = a.line
    for offset, text in enumerate(body.splitlines()):
        if _HEADING.match(text) and not _ATTR_LIST.search(text):
            expected = numbered.get(first_line + offset)
            raise PageError(path, first_line + offset, "anchor", "heading without an id",
                            f"End the heading with {{#{expected.expected}}} (its number path)" if expected else
                            "End the heading with {#s1-2} (its number path) or {#u-name}", step="headings")
    return anchors


# --- numbered headings -----------------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"


def _cn_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23."""
    if "十" not in text:
        return _CN_DIGITS.index(text)
    tens, _, units = text.partition("十")
    return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (_CN_DIGITS.index(units) if units else 0)


# Official numbering, by rank: 一、 → （一） → 1. → （1）.
_NUMBERS = ((re.compile(r"^([一二三四五六七八九十]+)、"), _cn_number),
            (re.compile(r"^（([一二三四五六七八九十]+)）"), _cn_number),
            (re.compile(r"^(\d+)[.．]"), int),
            (re.compile(r"^（(\d+)）"), int))
_NUMBERED_HEADING = re.compile(r"^#{2,6}\s+(?P<text>.*?)\s*(?:\{#(?P<id>[^}\s]+)\})?\s*$")
_RUN_IN = re.compile(r"^(?:[-*+]\s+)?\*\*(?P<text>[^*]+)\*\*\{#(?P<id>[^}\s]+)\}")


@dataclass(frozen=True)
class NumberedHead:
    """A heading or run-in head that opens with official numbering: its id as written ("" if none),
    its number as printed, the heading it stands under, and the id its number path gives."""

    id: str
    number: str
    under: str
    expected: str


def numbered_heads(body: str, first_line: int) -> dict[int, NumberedHead]:
    """Numbered headings and run-in heads by line, each with the id its number path gives: the
    number, under the nearest heading of a higher rank (（二） under 二、 → s2-2)."""
    out: dict[int, NumberedHead] = {}
    stack: list[tuple[int, str, str]] = []  # (rank, id, number as printed) of the open headings
    for offset, text in enumerate(body.splitlines()):
        m = _NUMBERED_HEADING.match(text) or _RUN_IN.match(text)
        if not m:
            continue
        for rank, (pattern, value) in enumerate(_NUMBERS):
            if n := pattern.match(m.group("text")):
                break
        else:
            continue
        written = m.group("id") or ""
        if written and not re.fullmatch(r"s\d+(?:-\d+)*(?:-[b-z])?", written):
            continue  # a numbered heading with an id of another kind (u-…) is not numbered by its id
        while stack and stack[-1][0] >= rank:
            stack.pop()
        expected = (stack[-1][1] + "-" if stack else "s") + str(value(n.group(1)))
        under = f"under {stack[-1][2]}" if stack else "at the top of the page"
        out[first_line + offset] = NumberedHead(written, n.group(0), under, expected)
        stack.append((rank, expected, n.group(0)))
    return out


def _base(anchor: str) -> str:
    """A heading's id without the suffix of a repeated number: s2-1-b → s2-1."""
    return re.sub(r"-[b-z]$", "", anchor)


def _next_suffix(anchor: str, seen: dict[str, int]) -> str:
    """The first of anchor-b, anchor-c … that the page does not use yet."""
    return next(f"{anchor}-{s}" for s in "bcdefghijklmnopqrstuvwxyz" if f"{anchor}-{s}" not in seen)
