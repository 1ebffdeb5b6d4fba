"""Parse the pages under docs/ into a model: documents, their remarks and anchors, by part."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from compendium.book.anchors import Anchor, check_anchors
from compendium.book.errors import PageError
from compendium.book.frontmatter import split_front_matter
from compendium.book.remarks import attribution_date
from compendium.book.schema import DocumentMeta, validate_document
from compendium.book.tables import check_table_regions
from compendium.book.vocabulary import Vocabulary

# A document page: docs/partN/<slug>.md with an ASCII kebab-case slug.
_DOC_PATH = re.compile(r"^part(\d)/([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
_REMARK = re.compile(r"^/// remark \| (.+)$")
REMARK_ID = re.compile(r"^\s{4}id:\s*(\S+)\s*$")
_REMARK_END = "///"
# A heading with its id: "### （三）实体经济是高质量发展着力点 {#s3-3}".
_HEADING = re.compile(r"^#{2,6}\s+(.*?)\s*\{#[^}]+\}\s*$")


@dataclass(frozen=True)
class Remark:
    """A remark block: anchor id, attribution as printed, ISO date it gives ("" if none), line,
    its text (paragraphs joined by newlines, as written) and the heading it stands under."""

    id: str
    attribution: str
    date: str
    line: int
    text: str = ""
    section: str = ""


@dataclass(frozen=True)
class Document:
    """One document page of the compilation."""

    path: str  # relative to docs/, e.g. part2/5g-development.md
    meta: DocumentMeta
    anchors: list[Anchor]
    remarks: list[Remark]

    @property
    def url(self) -> str:
        """Site-relative URL in the .html form that also works from file://."""
        return self.path[:-3] + ".html"


def is_document_path(rel_path: str) -> bool:
    """True for docs/partN/<slug>.md (a part's index.md is its landing page, not a document)."""
    return bool(_DOC_PATH.match(rel_path)) and not rel_path.endswith("/index.md")


def parse_document(rel_path: str, text: str, vocab: Vocabulary) -> Document:
    """Parse and check one document page; the first problem raises PageError."""
    path = f"docs/{rel_path}"
    m = _DOC_PATH.match(rel_path)
    if not m:
        raise PageError(path, 0, "", "not a document path", "Use docs/partN/<ascii-slug>.md.")
    fm = split_front_matter(path, text)
    meta = validate_document(path, fm, vocab, int(m.group(1)))
    anchors = check_anchors(path, fm.body, fm.body_line)
    remarks = parse_remarks(path, fm.body, fm.body_line)
    check_table_regions(path, fm.body, fm.body_line)
    return Document(rel_path, meta, anchors, remarks)


def parse_remarks(path: str, body: str, first_line: int) -> list[Remark]:
    """Remark blocks of a page; a remark without id, or whose id disagrees with its date, raises."""
    lines = body.splitlines()
    remarks = []
    section = ""
    for i, text in enumerate(lines):
        if h := _HEADING.match(text):
            section = h.group(1)
        if not (m := _REMARK.match(text)):
            continue
        line = first_line + i
        attribution = m.group(1).strip()
        id_match = REMARK_ID.match(lines[i + 1]) if i + 1 < len(lines) else None
        if not id_match:
            raise PageError(path, line, "remark", "remark block without an id",
                            "Put '    id: r-YYYYMMDD' on the line after '/// remark | …'.")
        date = attribution_date(attribution)
        stem = "r-" + (date.replace("-", "") or "nd")
        rid = id_match.group(1)
        if rid != stem and not re.fullmatch(rf"{re.escape(stem)}-\d+", rid):
            raise PageError(path, line + 1, "remark", f"id {rid!r} does not match the attribution's date "
                            f"({date or 'none'})", f"Use {stem} (or {stem}-2 for a repeat of that date).")
        end = next((j for j in range(i + 2, len(lines)) if lines[j].strip() == _REMARK_END), len(lines))
        paragraphs = [t.strip() for t in lines[i + 2:end] if t.strip()]
        remarks.append(Remark(rid, attribution, date, line, "\n".join(paragraphs), section))
    return remarks


def load_documents(docs_dir: Path, vocab: Vocabulary) -> list[Document]:
    """All document pages in book order (part, then order); duplicate orders raise PageError."""
    docs = [
        parse_document(p.relative_to(docs_dir).as_posix(), p.read_text(encoding="utf-8"), vocab)
        for p in sorted(docs_dir.glob("part*/*.md"))
        if is_document_path(p.relative_to(docs_dir).as_posix())
    ]
    seen: dict[tuple[int, int], str] = {}
    for d in docs:
        key = (d.meta.part, d.meta.order)
        if key in seen:
            raise PageError(f"docs/{d.path}", 0, "order", f"order {d.meta.order} is also used by docs/{seen[key]}",
                            "Give each page of a part its own order.")
        seen[key] = d.path
    return sorted(docs, key=lambda d: (d.meta.part, d.meta.order))
