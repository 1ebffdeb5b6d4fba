"""The schema of a document page's front matter, checked at build time."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from compendium.book.errors import PageError
from compendium.book.frontmatter import FrontMatter
from compendium.book.vocabulary import Vocabulary

# A date as precise as the source is: YYYY-MM-DD, YYYY-MM or YYYY.
_DATE_FORMS = (("%Y-%m-%d", re.compile(r"^\d{4}-\d{2}-\d{2}$")),
               ("%Y-%m", re.compile(r"^\d{4}-\d{2}$")),
               ("%Y", re.compile(r"^\d{4}$")))
_FORM = {"%Y-%m-%d": "YYYY-MM-DD", "%Y-%m": "YYYY-MM", "%Y": "YYYY"}
# A 文号 as printed: issuer code, year in 〔〕, number, 号.
_DOC_NO = re.compile(r"^\S+〔(\d{4})〕\d+号$")
# Source line range of a page: "665-845".
_LINES = re.compile(r"^(\d+)-(\d+)$")


@dataclass(frozen=True)
class DocumentMeta:
    """Validated front matter of one document page."""

    title: str
    part: int
    order: int
    doc_no: str
    issuer: list[str]
    date: str
    level: str
    kind: str
    topics: list[str]
    source_lines: tuple[int, int] | None  # None for a document beyond the print (source: added)
    extra: dict = field(default_factory=dict)  # further fields (description …), unchecked
    title_en: str = ""  # the English edition: title and summary (compendium/english/document_page.py checks them)
    summary_en: str = ""
    added_in: str = ""  # a document beyond the print: the edition (version) that added it
    source_note: str = ""  # and where its text comes from, as the editors say

    @property
    def is_added(self) -> bool:
        """True for a document the editors added that the printed book lacks (source: added)."""
        return bool(self.added_in)

    def title_in(self, lang: str) -> str:
        """The title in a language of the site: as printed, or its English."""
        return self.title_en if lang == "en" else self.title


REQUIRED = ("title", "part", "order", "issuer", "date", "level", "kind", "topics", "source_lines", "title_en",
            "summary_en")
# A document beyond the print says so instead of naming source lines: source: added, added_in: <version>.
ADDED = "added"
ADDED_FIELDS = ("source", "added_in", "source_note")
KNOWN = set(REQUIRED) | {"doc_no", "description"} | set(ADDED_FIELDS)
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")


def validate_document(path: str, fm: FrontMatter, vocab: Vocabulary, folder_part: int) -> DocumentMeta:
    """Check a document page's front matter field by field; the first problem raises PageError."""
    f, at = fm.fields, fm.lines

    def fail(name: str, problem: str, fix: str) -> PageError:
        return PageError(path, at.get(name, 2), name, problem, fix)

    added = _source_is_added(path, f, at)
    for name in REQUIRED:
        if name not in f and not (added and name == "source_lines"):
            if name == "source_lines":
                raise PageError(path, 2, name, "missing field", "Give the document's first and last line in "
                                "source/compilation.txt (source_lines: 665-845); for a document the printed book "
                                "lacks, write 'source: added' and 'added_in: <version>' instead", step="documents")
            raise PageError(path, 2, name, "missing field", f"Add '{name}:' to the front matter (leave the value "
                            "empty where the source is silent).")
    for name in f:
        if name not in KNOWN:
            raise fail(name, "unknown field", f"Use only: {', '.join(sorted(KNOWN))}.")

    title = f["title"]
    if not isinstance(title, str) or not title.strip():
        raise fail("title", "the title is empty", "Give the document's title as printed in the source.")
    part = f["part"]
    if part not in vocab.parts:
        raise fail("part", f"unknown part {part!r}", f"Use one of {sorted(vocab.parts)}.")
    if part != folder_part:
        raise fail("part", f"part {part} but the page is in the folder of part {folder_part}",
                   "Move the page or correct the part.")
    order = f["order"]
    if not isinstance(order, int) or isinstance(order, bool) or order < 1:
        raise fail("order", f"{order!r} is not a positive whole number", "Give the page's position in its part.")
    doc_no = _text(f.get("doc_no"))
    if doc_no and not _DOC_NO.match(doc_no):
        raise fail("doc_no", f"{doc_no!r} is not a 文号 like 国办发〔2015〕59号",
                   "Copy the 文号 as printed, or leave it empty.")
    issuer = f["issuer"] or []
    if not isinstance(issuer, list) or not all(isinstance(x, str) and x.strip() for x in issuer):
        raise fail("issuer", "must be a list of names", "Write e.g. issuer: [国务院办公厅], or [] when unknown.")
    date = parse_date(path, at.get("date", 2), f["date"])
    if doc_no and date and (year := _DOC_NO.match(doc_no).group(1)) != date[:4]:
        raise fail("date", f"year {date[:4]} differs from the year {year} of the 文号 {doc_no}",
                   "Correct the date or the 文号.")
    level = _text(f["level"])
    if level not in vocab.levels:
        raise fail("level", f"unknown level {level!r}", f"Use one of: {vocab.describe(vocab.levels)}.")
    kind = _text(f["kind"])
    if kind not in vocab.kinds:
        raise fail("kind", f"unknown kind {kind!r}", f"Use one of: {vocab.describe(vocab.kinds)}.")
    topics = f["topics"] or []
    if not isinstance(topics, list) or not topics:
        raise fail("topics", "must be a non-empty list", "Give the page's topics, e.g. topics: [innovation].")
    for topic in topics:
        if topic not in vocab.topics:
            raise fail("topics", f"unknown topic {topic!r}", f"Use ids from: {vocab.describe(vocab.topics)}.")
    lines = None
    if not added:
        m = _LINES.match(_text(f["source_lines"]))
        if not m or int(m.group(1)) > int(m.group(2)):
            raise fail("source_lines", f"{f['source_lines']!r} is not a line range like 665-845",
                       "Give the first and last line of the document in source/compilation.txt; for a document "
                       "the printed book lacks, write 'source: added' and 'added_in: <version>' instead of "
                       "source_lines")
        lines = (int(m.group(1)), int(m.group(2)))
    english = {}
    for name in ("title_en", "summary_en"):
        if not isinstance(f[name], str) or not f[name].strip():
            raise fail(name, "is empty", "Write the document's English title and a summary of three to six "
                       "sentences (see README, English edition).")
        english[name] = " ".join(f[name].split())
    extra = {k: v for k, v in f.items() if k not in REQUIRED and k != "doc_no" and k not in ADDED_FIELDS}
    return DocumentMeta(title.strip(), part, order, doc_no, issuer, date, level, kind, list(topics), lines, extra,
                        **english, added_in=_text(f.get("added_in")) if added else "",
                        source_note=" ".join(_text(f.get("source_note")).split()) if added else "")


def _source_is_added(path: str, f: dict, at: dict) -> bool:
    """Whether the page is a document beyond the print (source: added, added_in: <version>); its
    fields checked: no source lines beside them, a version like 0.2.0."""
    if "source" not in f:
        for name in ("added_in", "source_note"):
            if name in f:
                raise PageError(path, at.get(name, 2), name, "only for a document beyond the print",
                                "Write 'source: added' above it, or remove it", step="added")
        return False
    if _text(f["source"]) != ADDED:
        raise PageError(path, at.get("source", 2), "source", f"{f['source']!r} is not 'added'",
                        "Write 'source: added' for a document the printed book lacks; a document of the print "
                        "names its source_lines instead", step="added")
    if _text(f.get("source_lines")):
        raise PageError(path, at.get("source_lines", 2), "source_lines",
                        "a document beyond the print has no source lines",
                        "Remove source_lines (the source does not hold this document), or remove 'source: added'",
                        step="added")
    version = _text(f.get("added_in"))
    if not _VERSION.match(version):
        raise PageError(path, at.get("added_in", at.get("source", 2)), "added_in",
                        f"{f.get('added_in')!r} is not a version like 0.2.0",
                        "Give the edition that adds the document (the version in pyproject.toml, with its entry in "
                        "data/revisions.yml)", step="added")
    return True


def parse_date(path: str, line: int, value) -> str:
    """A front-matter date as ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or "" (source silent)."""
    if isinstance(value, dt.date):  # YAML reads an unquoted 2016-12-31 as a date
        return value.isoformat()
    text = _text(value)
    if not text:
        return ""
    for fmt, pattern in _DATE_FORMS:
        if pattern.match(text):
            try:
                dt.datetime.strptime(text, fmt)
            except ValueError:
                raise PageError(path, line, "date", f"{text!r} is not a valid date: it is written as {_FORM[fmt]} "
                                "but no such day or month exists",
                                "Check the date against the source and correct the month or the day", step="documents"
                                ) from None
            return text
    raise PageError(path, line, "date", f"{text!r} is not a valid date",
                    "Write YYYY-MM-DD, YYYY-MM or YYYY, as precise as the source, or leave it empty.")


def _text(value) -> str:
    return "" if value is None else str(value).strip()
