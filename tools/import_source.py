#!/usr/bin/env python3
"""Turn source/compilation.txt into a first draft of the Markdown pages.

This tool documents how the pages were made. It ran once; after it, the Markdown in docs/ is the
source of truth and was corrected by hand, page by page, against the source. Running it again
writes drafts to another folder (``--out``) and never overwrites docs/ unless asked (``--force``).

What it does, in order:
1. cuts the source into the 37 documents of DOCUMENTS (line numbers of source/compilation.txt);
2. drops page numbers and the stray file name, page-start spaces and layout spaces;
3. joins printed lines into paragraphs, from the print width: a paragraph's first line is
   indented by two cells, its last line is short (see ``join_paragraphs``);
4. maps official numbering to headings (一、 ## / （一） ### / 1. #### / （1） run-in bold) with the
   anchor ids of the README's scheme, attributions (——) in parts 1 and 4 to remark blocks, ——
   items of policy documents to list items, 专栏 titles to admonitions;
5. writes front matter with the fields it can read off the source (title, part, order, doc_no,
   date from the source's own date line) and leaves the rest for the editor.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compendium import DOCS_DIR, SOURCE_TEXT  # noqa: E402
from compendium.book.errata import load_errata  # noqa: E402
from compendium.book.layout_repair import clean_line, content_chars, display_width, is_artefact_line  # noqa: E402
from compendium.book.remarks import remark_date_id  # noqa: E402


@dataclass(frozen=True)
class Doc:
    """One document of the source: where it starts and how many lines its title takes."""

    part: int
    slug: str
    first: int  # first line of the title
    title_lines: int


# The documents in book order (part 4's excerpts are found by their closing attributions).
DOCUMENTS = [
    Doc(1, "on-high-quality-development", 4, 1),
    Doc(1, "on-transformation-development", 324, 1),
    Doc(2, "agricultural-development-mode", 665, 2),
    Doc(2, "agricultural-supply-side-reform", 846, 3),
    Doc(2, "industrial-green-development-plan", 1080, 1),
    Doc(2, "manufacturing-quality-improvement", 1381, 1),
    Doc(2, "manufacturing-design-capability", 1553, 1),
    Doc(2, "steel-industry-upgrading-plan", 1865, 1),
    Doc(2, "sme-digital-empowerment", 1994, 1),
    Doc(2, "service-industry-high-quality", 2154, 2),
    Doc(2, "manufacturing-services-integration", 2319, 2),
    Doc(2, "5g-development", 2505, 1),
    Doc(2, "hubei-modern-agriculture-plan", 2701, 2),
    Doc(2, "hubei-agricultural-mechanization", 2905, 2),
    Doc(2, "hubei-industrial-economy-plan", 3047, 2),
    Doc(2, "hubei-traditional-industry-upgrading", 3530, 2),
    Doc(2, "hubei-energy-saving-industry", 3810, 2),
    Doc(2, "hubei-textile-industry", 4103, 1),
    Doc(2, "hubei-pharmaceutical-industry", 4285, 1),
    Doc(2, "hubei-technology-services", 4441, 1),
    Doc(2, "hubei-service-industry", 4590, 2),
    Doc(2, "hubei-5g-industry", 4811, 1),
    Doc(3, "shanghai-pudong", 5024, 1),
    Doc(3, "guangzhou-digital-economy", 5106, 2),
    Doc(3, "shenzhen", 5211, 1),
    Doc(3, "xuzhou", 5400, 1),
    Doc(3, "xiangyang", 5628, 2),
    Doc(3, "huangshi", 5705, 2),
    Doc(5, "industrial-rise", 6099, 2),
    Doc(5, "made-in-china-2025-xianning", 6498, 1),
    Doc(5, "sci-tech-innovation-13th-plan", 7489, 1),
]
PART_STARTS = {1: 1, 2: 662, 3: 5021, 4: 5854, 5: 6098}
PART_TITLE_LINES = {1: 2, 2: 2, 3: 1, 4: 1, 5: 1}
PART4_SLUGS = [
    "li-mingbo-speech",
    "party-congress-3-2007",
    "party-congress-4-2011",
    "party-congress-5-2016",
    "plenum-5-4-decision-2018",
    "plenum-5-6-communique-2019",
]

ERRATA: dict[int, list] = {}
for _c in load_errata():
    ERRATA.setdefault(_c.line, []).append(_c)

CN_NUM = "一二三四五六七八九十"
H2 = re.compile(rf"^([{CN_NUM}]+)、")
H3 = re.compile(rf"^（([{CN_NUM}]+)）")
H4 = re.compile(r"^(\d+)[.．]")
H5 = re.compile(r"^（(\d+)）")
DOC_NO = re.compile(r"^\S{1,12}〔\d{4}〕\d+号$")
DATE_LINE = re.compile(r"^（(\d{4})年(\d{1,2})月(\d{1,2})日）$")
BOX = re.compile(r"^专栏\s*(\d+)")
ENDS_SENTENCE = tuple("。；：！？”）…")
ATTRIBUTION_ENDS = ("讲话", "演讲", "贺信", "指出", "强调", "报告", "公报", "发言", "通过）", "批示")


def cn_value(numeral: str) -> int:
    """Value of a Chinese numeral up to 99 (一 … 十 … 九十九)."""
    digits = {c: i + 1 for i, c in enumerate(CN_NUM[:9])}
    if "十" not in numeral:
        return digits[numeral]
    tens, _, ones = numeral.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


# --- reading the source ----------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A printed line: its number, its cleaned text, and its printed width (spaces included)."""

    number: int
    text: str
    width: float


def read_lines(start: int, end: int, source: list[str]) -> list[Line]:
    """Numbered, cleaned, non-empty content lines of source lines [start, end), errata applied."""
    out = []
    for number in range(start, end):
        raw = source[number - 1]
        if raw.strip() and not is_artefact_line(raw):
            text = clean_line(raw)
            for c in ERRATA.get(number, []):
                original = c.original if c.original in text else content_chars(c.original)
                text = text.replace(original, c.corrected, 1)
            out.append(Line(number, text, display_width(text)))
    return out


def join_paragraphs(lines: list[Line]) -> list[tuple[int, str]]:
    """Join printed lines into paragraphs, using the print width of this document.

    A paragraph ends after a short line (a first line is indented by two cells, so shorter than
    full by two), before a line that opens a block, or after a full line that closes a sentence
    when the next line has exactly a first line's width. Attributions are not indented: they end
    on the first line that is not full.
    """
    widths = Counter(round(line.width) for line in lines)
    full = max(w for w, n in widths.items() if n >= max(3, len(lines) // 20))
    paragraphs: list[tuple[int, str]] = []
    current: list[str] = []
    first_line = 0
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if not current:
            first_line = line.number
        current.append(line.text)
        attribution = current[0].startswith("——") and len(current[0]) > 2 and not current[0].startswith("——", 2)
        short = line.width < full - 2.5
        if re.search(r"[0-9A-Za-z]", line.text):  # justified lines with Latin text print wider
            short = line.width < full * 0.6
        ends = (
            nxt is None
            or starts_block(nxt.text)
            or (attribution and (line.width < full - 1.5 or line.text.endswith(ATTRIBUTION_ENDS)))
            or (not attribution and numbered_head(current) and abs(nxt.width - (full - 2)) <= 0.6)
            or (not attribution and line.text.endswith(ENDS_SENTENCE) and line.width < full - 2.5)
            or (not attribution and short)
            or (not attribution and line.text.endswith(ENDS_SENTENCE) and abs(nxt.width - (full - 2)) <= 0.6)
        )
        if ends:
            paragraphs.append((first_line, "".join(current)))
            current = []
    return paragraphs


def numbered_head(current: list[str]) -> bool:
    """True when the paragraph so far is one numbered line without sentence punctuation."""
    text = current[0]
    return len(current) == 1 and bool(H2.match(text) or H3.match(text)) and not any(p in text for p in "。；：")


def starts_block(text: str) -> bool:
    """True when a line opens a new block whatever the line before it looks like."""
    return bool(
        text.startswith("——") or H2.match(text) or H3.match(text) or BOX.match(text)
        or DOC_NO.match(text) or DATE_LINE.match(text)
    )


# --- writing Markdown ------------------------------------------------------------------------


class Writer:
    """Markdown for one page, keeping heading numbering for anchor ids."""

    def __init__(self, remarks: bool) -> None:
        self.remarks = remarks
        self.out: list[str] = []
        self.path: list[int] = []
        self.pending: list[str] = []  # paragraphs of an open remark
        self.date_ids: Counter[str] = Counter()
        self.box = 0

    def heading(self, level: int, number: int, text: str) -> None:
        self.flush_remark_text()
        self.path = self.path[: level - 2] + [number]
        anchor = "s" + "-".join(str(n) for n in self.path)
        self.out.append(f"{'#' * level} {text} {{#{anchor}}}\n")

    def run_in(self, level: int, number: int, head: str, rest: str) -> None:
        self.path = self.path[: level - 2] + [number]
        anchor = "s" + "-".join(str(n) for n in self.path)
        self.paragraph(f"**{head}**{{#{anchor}}}{rest}")

    def paragraph(self, text: str) -> None:
        if self.remarks:
            self.pending.append(text)
        else:
            self.out.append(text + "\n")

    def attribution(self, text: str) -> None:
        anchor = remark_date_id(text, self.date_ids)
        body = "\n\n".join(self.pending) or "TODO: remark text"
        self.out.append(f"/// remark | {text}\n    id: {anchor}\n\n{body}\n///\n")
        self.pending = []

    def flush_remark_text(self) -> None:
        for text in self.pending:
            self.out.append(text + "\n")
        self.pending = []

    def render(self) -> str:
        self.flush_remark_text()
        return "\n".join(self.out)


def write_body(paragraphs: list[tuple[int, str]], remarks: bool) -> str:
    """Markdown for the paragraphs of one document."""
    w = Writer(remarks)
    for _, text in paragraphs:
        if remarks and text.startswith("——"):
            w.attribution(text)
        elif text.startswith("——"):
            w.out.append(f"- {text}\n")
        elif DOC_NO.match(text) or DATE_LINE.match(text):
            w.out.append(f"{text}\n{{: .doc-no }}\n")
        elif m := BOX.match(text):
            w.box += 1
            w.out.append(f'/// note | {text}\n    attrs: {{id: box-{m.group(1)}}}\n\nTODO: box content\n///\n')
        elif heading := numbered(text):
            level, number, head, rest = heading
            if rest:
                w.run_in(level, number, head, rest)
            elif level <= 4:
                w.heading(level, number, head)
            else:
                w.run_in(level, number, head, "")
        else:
            w.paragraph(text)
    return w.render()


def numbered(text: str) -> tuple[int, int, str, str] | None:
    """(level, number, head, rest) for a numbered paragraph, else None."""
    for level, pattern in ((2, H2), (3, H3), (4, H4), (5, H5)):
        if m := pattern.match(text):
            raw = m.group(1)
            number = int(raw) if raw.isdigit() else cn_value(raw)
            stop = text.find("。")
            if stop == -1 or stop == len(text) - 1:
                return level, number, text, ""
            return level, number, text[: stop + 1], text[stop + 1 :]
    return None


def front_matter(title: str, part: int, order: int, lines: tuple[int, int], extra: dict) -> str:
    """YAML front matter with what the source itself says; the editor completes the rest."""
    doc_no = extra.get("doc_no", "")
    date = extra.get("date", "")
    if not date and (m := re.search(r"〔(\d{4})〕", doc_no)):
        date = m.group(1)
    return (
        "---\n"
        f"title: {title}\n"
        f"part: {part}\n"
        f"order: {order}\n"
        f"doc_no: {doc_no}\n"
        "issuer: []\n"
        f'date: "{date}"\n'
        "level: \n"
        "kind: \n"
        "topics: []\n"
        f"source_lines: {lines[0]}-{lines[1]}\n"
        "title_en: \n"
        "summary_en: \n"
        "---\n\n"
    )


def document_page(doc: Doc, end: int, order: int, source: list[str]) -> str:
    """Draft page for one titled document."""
    lines = read_lines(doc.first, end, source)
    title = "".join(line.text for line in lines[: doc.title_lines])
    body_lines = lines[doc.title_lines :]
    extra = {}
    for text in (line.text for line in body_lines[:2]):
        if DOC_NO.match(text):
            extra["doc_no"] = text
        if m := DATE_LINE.match(text):
            extra["date"] = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    body = write_body(join_paragraphs(body_lines), remarks=doc.part == 1)
    return front_matter(title, doc.part, order, (doc.first, end - 1), extra) + body


def part4_pages(source: list[str]) -> list[tuple[str, str]]:
    """Draft pages for part 4: one per excerpt, each closed by its source attribution."""
    start, end = PART_STARTS[4] + PART_TITLE_LINES[4], PART_STARTS[5]
    paragraphs = join_paragraphs(read_lines(start, end, source))
    pages, chunk, first = [], [], start
    for number, text in paragraphs:
        chunk.append((number, text))
        if text.startswith("——"):
            order = len(pages) + 1
            last = next((n for n, _ in paragraphs if n > number), end) - 1
            title = text.lstrip("—")
            body = write_body(chunk, remarks=True)
            pages.append((PART4_SLUGS[order - 1], front_matter(title, 4, order, (first, last), {}) + body))
            chunk, first = [], last + 1
    return pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("build/import"), help="folder for the drafts")
    ap.add_argument("--force", action="store_true", help="allow writing into docs/")
    args = ap.parse_args()
    if args.out.resolve() == DOCS_DIR.resolve() and not args.force:
        print("error: docs/ holds the hand-corrected pages; pass --force to overwrite them", file=sys.stderr)
        return 2
    source = SOURCE_TEXT.read_text(encoding="utf-8").splitlines()
    starts = sorted([d.first for d in DOCUMENTS] + list(PART_STARTS.values())[1:] + [len(source) + 1])
    counters: Counter[int] = Counter()
    written = 0
    for doc in DOCUMENTS:
        end = next(s for s in starts if s > doc.first)
        counters[doc.part] += 1
        page = document_page(doc, end, counters[doc.part], source)
        written += write(args.out / f"part{doc.part}" / f"{doc.slug}.md", page)
    for slug, page in part4_pages(source):
        written += write(args.out / "part4" / f"{slug}.md", page)
    print(f"wrote {written} pages to {args.out}")
    return 0


def write(path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return 1


if __name__ == "__main__":
    sys.exit(main())
