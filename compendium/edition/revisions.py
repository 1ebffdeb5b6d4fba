"""The 修订记录 of the 版本说明 page: what changed between editions, from data/revisions.yml.

Each edition of the site (the version in pyproject.toml) has one entry, newest first: its version,
the day it was published and what changed for readers. The build refuses to publish a version that
has no entry, so that the record cannot fall behind.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

from compendium import ROOT
from compendium.book.errors import PageError
from compendium.book.labels import Labels
from compendium.book.yamlfile import LINE, TEXT, load_yaml

REVISIONS_FILE = ROOT / "data" / "revisions.yml"
WHERE = "data/revisions.yml"


@dataclass(frozen=True)
class Revision:
    """One edition: version, publication date, what changed (Chinese, and English for the English edition)."""

    version: str
    date: dt.date
    changes: tuple[str, ...]
    changes_en: tuple[str, ...]
    line: int  # of the entry in data/revisions.yml, for error messages


# --- the data file ---------------------------------------------------------------------------


def load_revisions(path: Path = REVISIONS_FILE) -> list[Revision]:
    """Read data/revisions.yml; a malformed entry, a repeated version or a wrong order raises PageError."""
    # Every value as written (strings): a version stays "0.10", a date is checked below.
    entries = load_yaml(path, WHERE, TEXT) or []
    if not isinstance(entries, list):
        raise PageError(WHERE, 1, "", "the file must be a list of editions", "Start each entry with '- version:'.")
    out = [_revision(entry) for entry in entries]
    for newer, older in zip(out, out[1:]):
        if older.version == newer.version:
            raise PageError(WHERE, older.line, "version", f"{older.version} has two entries", "Keep one entry per edition.")
        if older.date > newer.date:
            raise PageError(WHERE, older.line, "date", f"{older.version} is dated after {newer.version} above it",
                            "List editions newest first.")
    return out


def _revision(entry: object) -> Revision:
    """One entry, checked: version, a real date, at least one change."""
    if not isinstance(entry, dict):
        raise PageError(WHERE, 0, "", f"an entry must be a mapping, not {entry!r}", "Give version, date and changes.")
    line = entry[LINE]
    version = str(entry.get("version") or "").strip()
    if not version:
        raise PageError(WHERE, line, "version", "missing", "Give the version of the edition, as in pyproject.toml.")
    try:
        date = dt.date.fromisoformat(str(entry.get("date")))
    except ValueError:
        raise PageError(WHERE, line, "date", f"{entry.get('date')!r} is not a date", "Write YYYY-MM-DD.") from None
    changes, changes_en = entry.get("changes"), entry.get("changes_en") or []
    for field, value in (("changes", changes), ("changes_en", changes_en)):
        if not isinstance(value, list) or any(not isinstance(c, str) or not c.strip() for c in value):
            raise PageError(WHERE, line, field, "must be a list of lines of text", "Write each change as '- …'.")
    if not changes:
        raise PageError(WHERE, line, "changes", "empty", "Say what changed for readers in this edition.")
    return Revision(version, date, tuple(c.strip() for c in changes), tuple(c.strip() for c in changes_en), line)


def check_current(revisions: list[Revision], version: str) -> None:
    """The edition being built (its version without the +commit) must be the newest entry."""
    release = version.split("+", 1)[0]
    if not revisions or revisions[0].version != release:
        newest = revisions[0].version if revisions else "none"
        raise PageError(WHERE, revisions[0].line if revisions else 1, "version",
                        f"the site is version {release} but the newest entry is {newest}",
                        f"Add an entry for {release} at the top: its date and what changed for readers.")


# --- rendering -------------------------------------------------------------------------------


def render_revisions(revisions: list[Revision], labels: Labels) -> str:
    """The 修订记录 table: edition, date, changes (one per line), newest first."""
    heads = [labels(f"revisions.{k}") for k in ("version", "date", "changes")]
    rows = ["| " + " | ".join(heads) + " |", "| --- | --- | --- |"]
    for r in revisions:
        if labels.lang == "en" and not r.changes_en:
            raise PageError("data/revisions.yml", r.line, "changes_en", f"edition {r.version} has no English",
                            "Say what changed in English too (changes_en), for the English edition.")
        changes = r.changes_en if labels.lang == "en" else r.changes
        cell = "<br>".join(html.escape(c).replace("|", "&#124;") for c in changes)
        rows.append(f"| {html.escape(r.version)} | {r.date.isoformat()} | {cell} |")
    return '<div class="revisions generated" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"
