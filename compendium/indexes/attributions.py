"""What an attribution says: the date as printed and as a sortable date, the occasion, the place.

An attribution closes a remark of parts 1 and 4 (``——2018年4月24日至28日，在湖北考察时的讲话``).
Everything is read from it as printed; nothing is filled in:

- the date: its text as printed (a range, a month, a year; with 上午/下午), the ISO form of its
  start, as precise as it is (``2018-04-24``, ``2014-05``, ``2018``), and a sort key that puts a
  month or a year at its start;
- the occasion: the attribution without its dash and its date;
- the place: only where the occasion tells of a visit (考察, 调研, 视察) — the first run of
  place names of data/places.yml in it, as printed (在湖北考察 → 湖北; 在宜昌长江岸边…考察 → 宜昌;
  在江苏徐州市考察 → 江苏徐州市). A meeting, a speech, a letter or a delegation's deliberation has
  no place, even where its name contains one (博鳌亚洲论坛, 内蒙古代表团); nor does a title in 《》.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from compendium import ROOT
from compendium.book.errors import PageError
from compendium.book.remarks import DATE

PLACES_FILE = ROOT / "data" / "places.yml"
_VISIT = re.compile(r"考察|调研|视察")
_TITLE = re.compile(r"《[^》]*》")
# Separators between a leading date and the occasion, and around an occasion.
_TRIM = "——，,。；： 、"
# A year printed anywhere in the attribution: there must then be a date that parses.
_YEAR = re.compile(r"\d{4}年")


@dataclass(frozen=True)
class Attribution:
    """An attribution parsed: text as printed, date (ISO start, "" if none), date text, occasion, place."""

    text: str
    date: str
    date_text: str
    occasion: str
    place: str
    date_end: str = ""  # the last day of a range (2018年4月24日至28日 → 2018-04-28), else ""

    @property
    def sort_key(self) -> str:
        """The start of the date, a month or a year at its first day (2014-05 → 2014-05-01)."""
        if not self.date:
            return "9999-99-99"
        return (self.date + "-01-01")[:10] if len(self.date) == 4 else (self.date + "-01")[:10]

    @property
    def year(self) -> str:
        """The year of the date, or "" for an undated attribution."""
        return self.date[:4]


# --- parse -----------------------------------------------------------------------------------


def parse_attribution(text: str, path: str, line: int, places: tuple[str, ...] | None = None) -> Attribution:
    """Parse one attribution; a printed date that is not a real date raises PageError (path, line)."""
    body = text.strip().lstrip("—").strip()
    m = DATE.search(body)
    if not m and _YEAR.search(body):
        raise PageError(path, line, "attribution", f"the date in {text!r} cannot be read",
                        "Print it as 2018年4月24日, 2018年4月24日至28日, 2014年5月 or 2018年.")
    if not m:
        return Attribution(text, "", "", body.strip(_TRIM), "")
    date = _check_date(m, text, path, line)
    occasion = (body[: m.start()] + body[m.end():]).strip(_TRIM)
    if m.start() > 0 and m.end() < len(body) and body[m.end()] in "，,。":
        occasion = (body[: m.start()] + body[m.end() + 1:]).strip(_TRIM)
    end = f"{m['year']}-{int(m['end_month'] or m['month']):02d}-{int(m['end_day']):02d}" if m["end_day"] else ""
    return Attribution(text, date, m.group(0), occasion, find_place(occasion, places), end)


def _check_date(m: re.Match, text: str, path: str, line: int) -> str:
    """The ISO start of a matched date; a month or day that does not exist raises PageError."""
    year, month, day = int(m["year"]), int(m["month"] or 1), int(m["day"] or 1)
    end_month, end_day = int(m["end_month"] or month), int(m["end_day"] or day)
    try:
        start = dt.date(year, month, day)
        end = dt.date(year, end_month, end_day)
    except ValueError:
        raise PageError(path, line, "attribution", f"{m.group(0)!r} in {text!r} is not a real date",
                        "Correct the date as the source prints it, or record a correction in data/errata.yml.") from None
    if end < start:
        raise PageError(path, line, "attribution", f"the range {m.group(0)!r} ends before it starts",
                        "Correct the date range.")
    return "-".join([m["year"]] + [f"{int(x):02d}" for x in (m["month"], m["day"]) if x])


def find_place(occasion: str, places: tuple[str, ...] | None = None) -> str:
    """The first run of known place names in an occasion that tells of a visit, as printed; else ""."""
    # Titles in 《》 name documents, not where the remark was made: they are left out.
    text = _TITLE.sub(lambda t: "〇" * len(t.group(0)), occasion)
    if not _VISIT.search(text):
        return ""
    pattern = _place_pattern(places if places is not None else load_places())
    run_start = run_end = None
    for m in pattern.finditer(text):
        if run_start is None:
            run_start, run_end = m.start(), m.end()
        elif m.start() == run_end:
            run_end = m.end()
        else:
            break
    return occasion[run_start:run_end] if run_start is not None else ""


@cache
def _place_pattern(places: tuple[str, ...]) -> re.Pattern:
    """Longest names first, each with an optional 省/市 as printed after it."""
    names = sorted(places, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, names)) + ")(?:省|市)?")


def load_places(path: Path = PLACES_FILE) -> tuple[str, ...]:
    """Every place name of data/places.yml (all its lists); a malformed file raises PageError."""
    return _load_places(str(path))


@cache
def _load_places(path: str) -> tuple[str, ...]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise PageError("data/places.yml", 0, "", "the file is not lists of names by kind",
                        "Write 'provinces: [湖北, …]' and so on.")
    names = tuple(str(n) for v in data.values() for n in v)
    if not all(n.strip() for n in names):
        raise PageError("data/places.yml", 0, "", "an empty place name", "Remove it.")
    return names
