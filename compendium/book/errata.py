"""The errata: every deliberate change to the words of the source, checked and rendered; and the
doubtful values that were not changed (疑误未改), listed from the target table's notes."""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from compendium import DOCS_DIR, ERRATA_FILE, SOURCE_TEXT
from compendium.book.errors import PageError
from compendium.book.frontmatter import read_front_matter
from compendium.book.labels import Labels
from compendium.book.yamlfile import LINE, load_yaml
from compendium.book.layout_repair import content_chars


@dataclass(frozen=True)
class Correction:
    """One change: source line, page carrying it, original and corrected text, reason (Chinese, English)."""

    line: int
    page: str
    original: str
    corrected: str
    reason: str
    reason_en: str
    entry_line: int = 0  # of the entry in data/errata.yml, for error messages


def load_errata(path: Path = ERRATA_FILE) -> list[Correction]:
    """Read the errata file; a malformed entry raises PageError naming it."""
    where = path.relative_to(path.parent.parent).as_posix() if path.parent.parent else str(path)
    entries = load_yaml(path, where) or []
    out = []
    for i, e in enumerate(entries, 1):
        at = e.get(LINE, 0) if isinstance(e, dict) else 0
        try:
            out.append(Correction(int(e["line"]), str(e["page"]), str(e["original"]), str(e["corrected"]),
                                  str(e["reason"]), str(e["reason_en"]), at))
        except (KeyError, TypeError, ValueError) as err:
            raise PageError(where, at, f"entry {i}", f"malformed entry ({err})",
                            "Give line, page, original, corrected, reason and reason_en.") from None
        if not out[-1].reason.strip() or not out[-1].reason_en.strip():
            raise PageError(where, at, f"entry {i}", "an empty reason",
                            "Say why, in Chinese (reason) and English (reason_en).")
    return out


def check_errata(errata: list[Correction], source: Path = SOURCE_TEXT, docs: Path = DOCS_DIR) -> None:
    """Each original must stand on its source line and each corrected text on its page."""
    lines = source.read_text(encoding="utf-8").splitlines()
    for c in errata:
        where = "data/errata.yml"
        if not 1 <= c.line <= len(lines) or content_chars(c.original) not in content_chars(lines[c.line - 1]):
            near = _nearest_line(lines, c.original, c.line)
            hint = f" (it is on source line {near})" if near else ""
            raise PageError(where, c.entry_line, "original", f"{c.original!r} is not on source line {c.line}{hint}",
                            "Copy the original exactly from source/compilation.txt, and give its source line in "
                            "'line:' (the line number of source/compilation.txt, not of a page)")
        page = docs / c.page
        if not page.is_file():
            raise PageError(where, c.entry_line, "page", f"no page {c.page}", "Name a page under docs/, "
                            "as part3/xuzhou.md.")
        if content_chars(c.corrected) not in content_chars(page.read_text(encoding="utf-8")):
            raise PageError(where, c.entry_line, "corrected", f"{c.corrected!r} is not on {c.page}",
                            "Put the corrected text on the page, or fix the entry.")


def _nearest_line(lines: list[str], original: str, line: int) -> int:
    """The source line nearest `line` that holds `original` (0 if none does)."""
    wanted = content_chars(original)
    hits = [n for n, text in enumerate(lines, 1) if wanted and wanted in content_chars(text)]
    return min(hits, key=lambda n: abs(n - line), default=0)


def page_titles(errata: list[Correction], docs: Path = DOCS_DIR, lang: str = "zh") -> dict[str, str]:
    """Title of each page that carries a correction, from its front matter, in a language of the site."""
    titles = {}
    for page in {c.page for c in errata}:
        fm = read_front_matter(docs, page)
        titles[page] = str(fm.fields.get("title_en" if lang == "en" else "title") or page)
    return titles


def render_errata(errata: list[Correction], page_titles: dict[str, str], labels: Labels) -> str:
    """The 勘误说明 table in Markdown: where, original, corrected (as printed, in Chinese), why."""
    heads = [labels(f"errata.{k}") for k in ("where", "original", "corrected", "reason")]
    rows = ["| " + " | ".join(heads) + " |", "| --- | --- | --- | --- |"]
    for c in errata:
        title = page_titles.get(c.page, c.page)
        where = f"[{_cell(title)}]({c.page})<br>" + labels("errata.source_line").format(line=c.line)
        reason = c.reason_en if labels.lang == "en" else c.reason
        rows.append(f"| {where} | {labels.original(_cell(c.original))} | {labels.original(_cell(c.corrected))} "
                    f"| {_cell(reason)} |")
    return "\n".join(rows) + "\n"


@dataclass(frozen=True)
class Doubt:
    """A value kept as printed although it reads as damaged: its page, anchor, page title and why
    (in the language of the page that lists it), the value as printed."""

    page: str  # path under docs/
    anchor: str
    title: str
    value: str
    note: str


def render_doubts(doubts: list[Doubt], labels: Labels) -> str:
    """The section 疑误未改: a heading, a line on what it lists, and a table linking each value to
    its sentence; "" when there is none."""
    if not doubts:
        return ""
    heads = [labels(f"errata.{k}") for k in ("where", "value", "reason")]
    rows = ["| " + " | ".join(heads) + " |", "| --- | --- | --- |"]
    for d in doubts:
        value = labels.original(_cell(d.value))
        rows.append(f"| [{_cell(d.title)}]({d.page}#{d.anchor}) | {value} | {_cell(d.note)} |")
    return (f"## {labels('errata.doubtful_title')} {{#u-doubtful}}\n\n{labels('errata.doubtful_intro')}\n\n"
            + "\n".join(rows) + "\n")


def _cell(text: str) -> str:
    return html.escape(text).replace("|", "&#124;")
