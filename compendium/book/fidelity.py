"""Fidelity of the site to the source: every character of the source is on a page, in order.

The check compares, page by page, the characters (whitespace aside) of the page's source lines
with the characters of the rendered page. Layout artefacts (page numbers, the stray file name,
spaces) are not content and are left out of the source's side; generated and editorial text
(class ``generated`` or ``editorial``, heading permalinks) is left out of the page's side. An
errata entry accounts for its change. Rebuilt tables (``<table data-source-lines="a-b">``) are
compared cell by cell: every fragment of the source's table region is inside a cell, and the
cells hold exactly the region's characters.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from compendium.book.errata import Correction
from compendium.book.frontmatter import read_front_matter
from compendium.book.layout_repair import content_chars, is_artefact_line

SKIP_CLASSES = ("generated", "editorial", "headerlink")
# A paragraph may end with these; anything else followed by another paragraph is a broken line.
PARAGRAPH_ENDS = tuple("。；：！？”’）)…」』》〕—")
CANNOT_START = tuple("，。、；：！？）”")
# A paragraph that opens with official numbering starts a new item, whatever precedes it (an
# excerpt may stop mid-sentence before the next item, as the book does).
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．]|（\d+）)")


@dataclass
class PageReport:
    """What one page accounts for, and what it lost or added."""

    path: str
    lines: tuple[int, int]
    expected: int = 0  # source characters of the page's lines
    matched: int = 0  # found on the page in order
    errata: int = 0  # errata entries applied to the page's source lines
    missing: list[tuple[int, str]] = field(default_factory=list)  # (source line, text)
    added: list[str] = field(default_factory=list)  # page text not in the source
    problems: list[str] = field(default_factory=list)  # table and broken-line findings

    @property
    def ok(self) -> bool:
        return not (self.missing or self.added or self.problems)

    def findings(self) -> list[str]:
        """One line per thing lost, added or wrong on this page."""
        return ([f"missing at source line {line}: {text[:60]!r}" for line, text in self.missing]
                + [f"added: {text[:60]!r}" for text in self.added] + self.problems)


def parse_range(text: str) -> tuple[int, int]:
    """'665-845' → (665, 845)."""
    a, b = str(text).split("-")
    return int(a), int(b)


def parse_ranges(text: str) -> list[int]:
    """'6742-6756,6791-6797' → every line number of those ranges, in order."""
    lines: list[int] = []
    for part in str(text).split(","):
        a, b = parse_range(part.strip())
        lines += range(a, b + 1)
    return lines


# --- the source's side -----------------------------------------------------------------------


def expected_stream(source: list[str], lines: list[int], skip: set[int],
                    errata: list[Correction]) -> tuple[str, list[int], int]:
    """Characters of the given source lines (artefacts and `skip` lines left out), errata applied.

    Returns the stream, the source line of each character, and how many errata entries applied.
    """
    by_line: dict[int, list[Correction]] = {}
    for c in errata:
        by_line.setdefault(c.line, []).append(c)
    chars: list[str] = []
    origin: list[int] = []
    changed = 0
    for number in lines:
        raw = source[number - 1]
        if number in skip or is_artefact_line(raw):
            continue
        text = content_chars(raw)
        for c in by_line.get(number, []):
            if content_chars(c.original) in text:
                text = text.replace(content_chars(c.original), content_chars(c.corrected), 1)
                changed += 1
        chars.append(text)
        origin += [number] * len(text)
    return "".join(chars), origin, changed


# --- the page's side -------------------------------------------------------------------------


def page_article(html: str) -> Tag:
    """The article of a built page, without generated and editorial parts."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup.new_tag("article")
    for cls in SKIP_CLASSES:
        for el in article.select(f".{cls}"):
            el.decompose()
    for el in article.select("script, style, a.md-content__button"):
        el.decompose()
    return article


def placed_blocks(article: Tag) -> list[Tag]:
    """Blocks whose reading place differs from their place in the source, each naming its lines:
    rebuilt tables, and boxes (专栏) that the print set in the middle of another paragraph."""
    return article.select("[data-source-lines]")


# --- comparison ------------------------------------------------------------------------------


def check_page(path: str, html: str, source: list[str], lines: tuple[int, int],
               errata: list[Correction]) -> PageReport:
    """Compare one built page with its source lines."""
    report = PageReport(path, lines)
    article = page_article(html)
    # Reading-order checks first, on the whole article.
    report.problems += broken_lines(article)
    report.problems += [f"artefact survived: {a!r}" for a in artefacts_in(article.get_text("\n"))]
    placed: set[int] = set()
    for block in placed_blocks(article):
        region = parse_ranges(block["data-source-lines"])
        if not lines[0] <= min(region) <= max(region) <= lines[1]:
            report.problems.append(f"{block.name} {block.get('id')}: data-source-lines "
                                   f"{block['data-source-lines']} outside the page's lines {lines[0]}-{lines[1]}")
        placed |= set(region)
        expected, origin, applied = expected_stream(source, region, set(), errata)
        report.expected += len(expected)
        report.errata += applied
        if block.name == "table":
            problems, lost = check_table(block, source, region)
            report.problems += problems
            report.matched += len(expected) - lost
        else:
            report.matched += compare(report, expected, origin, content_chars(block.get_text()))
        block.decompose()
    expected, origin, applied = expected_stream(source, list(range(lines[0], lines[1] + 1)), placed, errata)
    report.expected += len(expected)
    report.errata += applied
    h1 = article.find("h1")
    title = content_chars(h1.get_text()) if h1 else ""
    if h1 and not expected.startswith(title):
        h1.decompose()  # an editorial title (part 4's excerpts have none in the source)
    report.matched += compare(report, expected, origin, content_chars(article.get_text()))
    return report


def compare(report: PageReport, expected: str, origin: list[int], rendered: str) -> int:
    """Align expected source characters with rendered ones; note what is missing or added."""
    matched = 0
    matcher = difflib.SequenceMatcher(None, expected, rendered, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            matched += i2 - i1
            continue
        if i2 > i1:
            report.missing.append((origin[i1], expected[i1:i2]))
        if j2 > j1:
            report.added.append(rendered[j1:j2])
    return matched


def check_table(table: Tag, source: list[str], region: list[int]) -> tuple[list[str], int]:
    """Every fragment of the region is in a cell (or runs on across the next cells in reading
    order, where the extraction glued two cells); the cells hold the region's characters exactly.
    Returns the problems and how many of the region's characters no cell holds."""
    cells = [content_chars(c.get_text()) for c in table.select("caption, th, td")]
    reading = "".join(cells)
    problems = []
    region_text = ""
    for number in region:
        raw = source[number - 1]
        if is_artefact_line(raw):
            continue
        region_text += content_chars(raw)
        for fragment in raw.split():
            if not any(fragment in cell for cell in cells) and fragment not in reading:
                problems.append(f"table {table.get('id')}: fragment {fragment!r} of line {number} is in no cell")
    lost = Counter(region_text) - Counter(reading)
    extra = Counter(reading) - Counter(region_text)
    if lost or extra:
        problems.append(f"table {table.get('id')}: cells differ from lines {region[0]}-{region[-1]}: "
                        f"lost {''.join(sorted(lost.elements()))!r}, added {''.join(sorted(extra.elements()))!r}")
    return problems, sum(lost.values())


def broken_lines(article: Tag) -> list[str]:
    """Paragraphs that end mid-sentence before another paragraph, or start with punctuation."""
    problems = []
    for p in article.select("p"):
        text = p.get_text().strip()
        if not text or "admonition-title" in (p.get("class") or []):
            continue
        if text.startswith(CANNOT_START):
            problems.append(f"paragraph starts with punctuation: {text[:30]!r}")
        nxt = p.find_next_sibling()
        if (not text.endswith(PARAGRAPH_ENDS) and nxt is not None and nxt.name == "p"
                and "doc-no" not in (p.get("class") or []) and not NUMBERED.match(nxt.get_text().strip())):
            problems.append(f"line broken mid-sentence: …{text[-20:]!r} / {nxt.get_text().strip()[:20]!r}…")
    return problems


# A page number or the stray file name standing in page text.
_ARTEFACT = re.compile(r"(?<!\S)-\s\d{1,3}\s-(?!\S)|市级政策资料\.doc")


def artefacts_in(text: str) -> list[str]:
    """Layout artefacts that survived into page text."""
    return _ARTEFACT.findall(text)


# --- the whole site --------------------------------------------------------------------------


@dataclass
class SiteResult:
    """Reports of all pages, plus source lines that no page claims."""

    reports: list[PageReport]
    uncovered: list[int]
    total: int  # content characters of the whole source, errata applied

    @property
    def accounted(self) -> int:
        return sum(r.matched for r in self.reports)

    @property
    def ok(self) -> bool:
        return not self.uncovered and self.accounted == self.total and all(r.ok for r in self.reports)

    def findings(self) -> list[str]:
        """Every finding of every page, prefixed by the page, then the unclaimed source lines."""
        return ([f"{r.path}: {f}" for r in self.reports for f in r.findings()]
                + [f"source line {n} is on no page" for n in self.uncovered])

    def summary(self) -> str:
        pct = 100 * self.accounted / self.total if self.total else 0.0
        bad = sum(1 for r in self.reports if not r.ok)
        errata = sum(r.errata for r in self.reports)
        return (f"fidelity: {self.accounted}/{self.total} source characters accounted for ({pct:.2f}%, "
                f"{errata} errata corrections applied), "
                f"{len(self.reports)} pages, {bad} with problems, {len(self.uncovered)} source lines on no page")


def check_site(site: Path, docs: Path, source: list[str], errata: list[Correction]) -> SiteResult:
    """Check every page that names its source lines against the built site."""
    reports = []
    claimed: Counter[int] = Counter()
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).as_posix()
        fm = read_front_matter(docs, rel)
        if "source_lines" not in fm.fields:
            continue
        lines = parse_range(fm.fields["source_lines"])
        claimed.update(range(lines[0], lines[1] + 1))
        built = site / (rel[:-3] + ".html")
        html = built.read_text(encoding="utf-8") if built.is_file() else ""
        report = check_page(rel, html, source, lines, [c for c in errata if lines[0] <= c.line <= lines[1]])
        if not html:
            report.problems.append(f"not built: {built}")
        reports.append(report)
    reports.sort(key=lambda r: r.lines)
    content = [n for n, raw in enumerate(source, 1) if raw.strip() and not is_artefact_line(raw)]
    uncovered = [n for n in content if claimed[n] == 0]
    for n in content:
        if claimed[n] > 1:
            reports[0].problems.append(f"source line {n} is claimed by more than one page")
    # The source after its errata, so that a correction that changes a length still sums to 100%.
    total = sum(r.expected for r in reports) + sum(len(content_chars(source[n - 1])) for n in uncovered)
    return SiteResult(reports, uncovered, total)
