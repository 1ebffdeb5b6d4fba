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
from compendium.book.errors import PageError
from compendium.book.frontmatter import read_front_matter
from compendium.book.layout_repair import content_chars, is_artefact_line

SKIP_CLASSES = ("generated", "editorial", "headerlink")
# A paragraph may end with these; anything else followed by another paragraph is a broken line.
PARAGRAPH_ENDS = tuple("。；：！？”’）)…」』》〕—")
CANNOT_START = tuple("，。、；：！？）”")
# A paragraph that opens with official numbering starts a new item, whatever precedes it (an
# excerpt may stop mid-sentence before the next item, as the book does).
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．]|（\d+）)")


@dataclass(frozen=True)
class Change:
    """One difference between the source and a page: the source line where it starts, the source's
    words and the page's words there ("" for a loss or an addition), each with a few characters of
    the same line around them (an errata entry's original and corrected), and where it stands on the
    page (the page's text around it, to find its Markdown line)."""

    line: int
    source_words: str
    page_words: str
    original: str  # source_words with its neighbours on the same source line
    corrected: str  # the same span as the page has it
    page_context: str  # the page's text around the change


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
    changes: list[Change] = field(default_factory=list)  # the differences behind `missing` and `added`

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


_ARTICLE = '<article class="md-content__inner'


def page_article(html: str) -> Tag:
    """The article of a built page, without generated and editorial parts."""
    start, end = html.find(_ARTICLE), html.rfind("</article>")
    if 0 <= start < end:  # parse the article alone: a page's navigation is most of its HTML
        html = html[start:end + len("</article>")]
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
    if expected == rendered:  # a faithful page, the usual case: no alignment needed
        return len(expected)
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
        if origin:
            report.changes.append(_change(expected, origin, rendered, i1, i2, j1, j2))
    return matched


def _change(expected: str, origin: list[int], rendered: str, i1: int, i2: int, j1: int, j2: int) -> Change:
    """A difference with its source line and an errata entry's span: the changed words and up to
    four characters of the same source line on each side (fewer where the line ends)."""
    line = origin[min(i1, len(origin) - 1)] if i2 > i1 else origin[max(i1 - 1, 0)]
    left = 0
    while left < 4 and i1 - left > 0 and origin[i1 - left - 1] == line and j1 - left > 0:
        left += 1
    right = 0
    while right < 4 and i2 + right < len(expected) and origin[i2 + right] == line and j2 + right < len(rendered):
        right += 1
    return Change(line, expected[i1:i2], rendered[j1:j2], expected[i1 - left:i2 + right],
                  rendered[j1 - left:j2 + right], rendered[max(j1 - 12, 0):j2 + 12])


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
    """Reports of all pages, plus source lines that no page claims, and the documents beyond the print."""

    reports: list[PageReport]
    uncovered: list[int]
    total: int  # content characters of the whole source, errata applied
    added: list[str] = field(default_factory=list)  # pages of documents beyond the print (not source text)
    claims: list[str] = field(default_factory=list)  # source lines that more than one page claims

    @property
    def accounted(self) -> int:
        return sum(r.matched for r in self.reports)

    @property
    def ok(self) -> bool:
        return (not self.uncovered and not self.claims and self.accounted == self.total
                and all(r.ok for r in self.reports))

    def findings(self) -> list[str]:
        """Every finding of every page, prefixed by the page, then the unclaimed source lines."""
        return ([f"{r.path}: {f}" for r in self.reports for f in r.findings()] + self.claims
                + [f"source line {n} is on no page" for n in self.uncovered])

    def summary(self) -> str:
        pct = 100 * self.accounted / self.total if self.total else 0.0
        bad = sum(1 for r in self.reports if not r.ok)
        errata = sum(r.errata for r in self.reports)
        added = f", {len(self.added)} documents beyond the print (not source text)" if self.added else ""
        return (f"fidelity: {self.accounted}/{self.total} source characters accounted for ({pct:.2f}%, "
                f"{errata} errata corrections applied), "
                f"{len(self.reports)} pages, {bad} with problems, {len(self.uncovered)} source lines on no page"
                + added)


def source_claims(docs: Path) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """The source lines each page claims (its front matter's source_lines), by page under docs/, and
    the pages of documents beyond the print (source: added), which claim none."""
    claims, added = {}, []
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).as_posix()
        fields = read_front_matter(docs, rel).fields
        if str(fields.get("source") or "").strip() == "added":
            added.append(rel)
        elif fields.get("source_lines"):
            claims[rel] = parse_range(fields["source_lines"])
    return claims, added


def claim_findings(claims: dict[str, tuple[int, int]], source: list[str]) -> tuple[list[int], dict[int, list[str]]]:
    """Source lines of content that no page claims, and those that more than one page claims (with the pages)."""
    by_line: dict[int, list[str]] = {}
    for rel, (a, b) in claims.items():
        for n in range(a, b + 1):
            by_line.setdefault(n, []).append(rel)
    content = [n for n, raw in enumerate(source, 1) if raw.strip() and not is_artefact_line(raw)]
    return [n for n in content if n not in by_line], {n: by_line[n] for n in content if len(by_line.get(n, ())) > 1}


def check_site(site: Path, docs: Path, source: list[str], errata: list[Correction]) -> SiteResult:
    """Check every page that names its source lines against the built site; documents beyond the
    print are listed apart (their text is not the source's), and the whole source stays accounted for."""
    claims, added = source_claims(docs)
    reports = []
    for rel, lines in claims.items():
        built = site / (rel[:-3] + ".html")
        html = built.read_text(encoding="utf-8") if built.is_file() else ""
        report = check_page(rel, html, source, lines, [c for c in errata if lines[0] <= c.line <= lines[1]])
        if not html:
            report.problems.append(f"not built: {built}")
        reports.append(report)
    reports.sort(key=lambda r: r.lines)
    uncovered, shared = claim_findings(claims, source)
    claimed_twice = [f"source line {n} is claimed by more than one page: {', '.join(pages)}"
                     for n, pages in shared.items()]
    # The source after its errata, so that a correction that changes a length still sums to 100%.
    total = sum(r.expected for r in reports) + sum(len(content_chars(source[n - 1])) for n in uncovered)
    return SiteResult(reports, uncovered, total, added, claimed_twice)


# --- in the build: the first finding as an error with its fix -----------------------------------


def claims_error(claims: dict[str, tuple[int, int]], source: list[str], docs: Path | None = None) -> PageError | None:
    """The first source line claimed twice or by no page, as an error naming the pages and the fix.

    Of two pages that claim the same lines, the one edited last (under `docs`) is blamed, at its
    source_lines: it is the one an editor has just written."""
    uncovered, shared = claim_findings(claims, source)
    if shared:
        n, pages = next(iter(shared.items()))
        last = max(ln for ln, p in shared.items() if p == pages)
        blamed, line = pages[-1], 0
        if docs is not None:
            blamed = max(pages, key=lambda p: ((docs / p).stat().st_mtime_ns, pages.index(p)))
            line = read_front_matter(docs, blamed).lines.get("source_lines", 0)
        other = next(p for p in pages if p != blamed)
        return PageError(f"docs/{blamed}", line, "source_lines",
                         f"source lines {n}-{last} are also claimed by docs/{other}",
                         "Give each page its own source lines; a document the printed book lacks has none: write "
                         "'source: added' and 'added_in: <version>' in its front matter instead of source_lines",
                         step="added")
    if uncovered:
        n = uncovered[0]
        before = max((p for p, (a, b) in claims.items() if b < n), key=lambda p: claims[p][1], default="")
        return PageError("source/compilation.txt", n, "", f"source line {n} is on no page "
                         f"({source[n - 1].strip()[:30]!r})",
                         f"Extend the source_lines of the page that holds it ({'docs/' + before if before else 'the page before it'}"
                         " ends before it), and put its text on that page", step="documents")
    return None


def words_error(report: PageReport, markdown: str) -> PageError | None:
    """The first thing a built page changed, lost or added against its source lines, as an error
    naming the page's Markdown line, the source line and the errata entry that would account for it."""
    path = f"docs/{report.path}"
    if report.changes:
        c = report.changes[0]
        more = len(report.changes) - 1
        also = f" ({more} more difference{'s' if more > 1 else ''} on this page after it)" if more else ""
        entry = (f"- {{line: {c.line}, page: {report.path}, original: \"{c.original}\", corrected: "
                 f"\"{c.corrected}\", reason: …, reason_en: …}}")
        if c.source_words and c.page_words:
            problem = (f"the page reads {c.page_words!r} where source line {c.line} reads {c.source_words!r}, "
                       "and no errata entry says so")
            fix = ("Restore the source's words on the page; or, if this is a correction of the print, add to "
                   f"data/errata.yml: {entry}")
        elif c.source_words:
            problem = f"the page lacks {c.source_words!r} of source line {c.line}, and no errata entry says so"
            fix = "Put the words back on the page (the book is excerpted as printed: nothing of it is left out)"
        else:
            problem = f"the page adds {c.page_words!r} at source line {c.line}, and no errata entry says so"
            fix = ("Remove the words from the page; or, if the print lost them, add to data/errata.yml: "
                   f"{entry}; text of the editors goes in a paragraph marked {{: .editorial }}")
        return PageError(path, markdown_line(markdown, c), "words", problem + also, fix, step="errata")
    findings = report.problems or [f"missing at source line {n}: {text[:60]!r}" for n, text in report.missing]
    if findings:
        return PageError(path, 0, "fidelity", findings[0], "Compare the page with its source lines "
                         "(after a build: .venv/bin/python tools/fidelity_report.py " + report.path + ")",
                         step="errata")
    return None


def markdown_line(markdown: str, change: Change) -> int:
    """The line of the page's Markdown (front matter included) that holds the changed words: the
    one whose characters hold the longest piece of the page's text around them."""
    lines = [content_chars(line.replace("**", "")) for line in markdown.splitlines()]
    words, context = change.page_words or change.corrected, change.page_context
    at = context.find(words) if words else len(context) // 2
    for width in (12, 8, 4, 2, 0):
        piece = context[max(at - width, 0):at + len(words) + width]
        if not piece:
            continue
        hits = [n for n, text in enumerate(lines, 1) if piece in text]
        if len(hits) == 1 or (hits and width == 0):
            return hits[0]
    return 0
