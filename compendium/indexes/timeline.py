"""The 论述时间线: every remark of part 1 in date order, grouped by year; and part 4's own timeline.

Model: each remark's attribution parsed (compendium.indexes.attributions); remarks judged the same
(compendium.indexes.remark_duplicates) make one entry that lists each attribution it carries and links to each
place; entries sorted by the start of their earliest date, then book order. Part 4's sources
are listed by date, the undated one last, as undated.
Render: the Markdown of the timeline pages, the 另见 note under a remark printed more than once,
and the published data/quotes.json (one record per attribution).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from itertools import groupby

from compendium.book.errors import PageError
from compendium.book.formatting import format_span
from compendium.book.labels import Labels
from compendium.book.pages import REMARK_ID, Document, Remark
from compendium.book.vocabulary import Vocabulary
from compendium.indexes.attributions import Attribution, parse_attribution

FIRST_WORDS = 36  # characters of a remark shown in the timeline


@dataclass(frozen=True)
class Occurrence:
    """One remark where it stands: its page, the remark, its attribution parsed, its place in the book."""

    doc: Document
    remark: Remark
    attribution: Attribution
    order: int

    @property
    def key(self) -> str:
        """page#anchor, the name of a remark in data/remark-duplicates.yml."""
        return f"{self.doc.path}#{self.remark.id}"

    @property
    def quote_id(self) -> str:
        """Id of the remark across the site: page slug and anchor."""
        return f"{self.doc.path.rsplit('/', 1)[-1][:-3]}#{self.remark.id}"

    @property
    def url(self) -> str:
        return f"{self.doc.url}#{self.remark.id}"


@dataclass(frozen=True)
class Entry:
    """A remark of the timeline: every place it stands (one, or several judged the same)."""

    occurrences: tuple[Occurrence, ...]

    @property
    def sort_key(self) -> tuple[str, int]:
        first = min(self.occurrences, key=lambda o: (o.attribution.sort_key, o.order))
        return first.attribution.sort_key, first.order

    @property
    def year(self) -> str:
        return self.sort_key[0][:4] if self.sort_key[0][0] != "9" else ""


# --- model -----------------------------------------------------------------------------------


def occurrences(documents: list[Document], part: int, places: tuple[str, ...] | None = None,
                dated: bool = True) -> list[Occurrence]:
    """The remarks of a part in book order, attributions parsed; with `dated`, one without a date raises."""
    out = []
    for doc in documents:
        if doc.meta.part != part:
            continue
        for remark in doc.remarks:
            attribution = parse_attribution(remark.attribution, f"docs/{doc.path}", remark.line, places)
            if dated and not attribution.date:
                raise PageError(f"docs/{doc.path}", remark.line, "attribution",
                                f"the attribution {remark.attribution!r} gives no date",
                                "Every remark of part 1 is dated in the source: copy its date as printed.")
            out.append(Occurrence(doc, remark, attribution, len(out)))
    return out


def build_entries(occs: list[Occurrence], groups: list[list[str]]) -> list[Entry]:
    """Entries in date order: the remarks of each group of same remarks (keys page#anchor) as one."""
    by_key = {o.key: o for o in occs}
    entries, used = [], set()
    for group in groups:
        members = tuple(by_key[k] for k in group if k in by_key)
        if members:
            entries.append(Entry(members))
            used.update(o.key for o in members)
    entries += [Entry((o,)) for o in occs if o.key not in used]
    return sorted(entries, key=lambda e: e.sort_key)


def others(entries: list[Entry]) -> dict[str, list[Occurrence]]:
    """For each remark printed more than once (page#anchor), the other places it stands."""
    return {o.key: [x for x in e.occurrences if x is not o] for e in entries if len(e.occurrences) > 1
            for o in e.occurrences}


# --- render ----------------------------------------------------------------------------------


def first_words(text: str, limit: int = FIRST_WORDS) -> str:
    """The opening of a remark, verbatim: its first `limit` characters, back to the last comma or
    stop after the middle when there is one, then ……."""
    text = text.split("\n", 1)[0]
    if len(text) <= limit:
        return text
    cut = max(text.rfind(p, 0, limit) for p in "，、；：。")
    return text[: cut if cut > limit // 2 else limit] + "……"


def place_link(o: Occurrence, here: str, labels: Labels) -> str:
    """Markdown link to a remark from page `here`: its document's title and section (as printed)."""
    label = o.doc.meta.title_in(labels.lang) + (f" · {labels.original(o.remark.section)}" if o.remark.section else "")
    return f"[{label}]({posixpath.relpath(o.doc.path, posixpath.dirname(here) or '.')}#{o.remark.id})"


def when(a: Attribution, labels: Labels) -> str:
    """The date of an attribution: as printed on a Chinese page, in English words on an English one."""
    if not a.date:
        return labels("timeline.undated")
    return a.date_text if labels.lang == "zh" else format_span(a.date, a.date_end, labels.lang)


def render_timeline(entries: list[Entry], labels: Labels, page: str) -> str:
    """The 论述时间线 page: a year index, then the entries of each year."""
    years = [(year, list(items)) for year, items in groupby(entries, key=lambda e: e.year)]
    count = sum(len(e.occurrences) for e in entries)
    out = [f"# {labels('timeline.title')}\n",
           labels("timeline.intro").format(remarks=count, entries=len(entries)) + "\n{: .editorial }\n",
           " ".join(f"[{y}](#y{y})" for y, _ in years) + "\n{: .index-jump }\n"]
    for year, items in years:
        out.append(f"## {labels('timeline.year').format(year=year)} {{#y{year}}}\n")
        out.append('<div class="timeline" markdown>\n')
        out += [_entry(e, labels, page) for e in items]
        out.append("</div>\n")
    return "\n".join(out)


def _entry(entry: Entry, labels: Labels, page: str) -> str:
    """One entry: per attribution its date, place, occasion, first words and the places it stands."""
    parts = ['<div class="tl-entry" markdown>\n']
    ordered = sorted(entry.occurrences, key=lambda o: (o.attribution.sort_key, o.order))
    shown_words = ""
    for text, group in groupby(ordered, key=lambda o: o.attribution.text):
        group = list(group)
        a = group[0].attribution
        # The place is a word of the occasion: an English page shows it there, in the occasion as printed.
        place = f' <span class="tl-place">{a.place}</span>' if a.place and labels.lang == "zh" else ""
        parts.append(f'<span class="tl-date">{when(a, labels)}</span>{place}\n'
                     "{: .tl-when }\n")
        parts.append(f"{labels.original(a.occasion)}\n{{: .tl-occasion }}\n")
        words = first_words(group[0].remark.text)
        if words != shown_words:
            parts.append(f"{labels.original(f'“{words}”')}\n{{: .tl-words }}\n")
            shown_words = words
        parts.append('<div class="tl-links" markdown>\n\n'
                     + "\n".join(f"- {place_link(o, page, labels)}" for o in group) + "\n\n</div>\n")
    if len(entry.occurrences) > 1:
        parts.append(labels("timeline.repeated").format(n=len(entry.occurrences)) + "\n{: .tl-note }\n")
    parts.append("</div>\n")
    return "\n".join(parts)


def render_sources(occs: list[Occurrence], vocab: Vocabulary, labels: Labels, page: str) -> str:
    """Part 4's timeline: its sources by date, the undated one last, as undated."""
    ordered = sorted(occs, key=lambda o: (o.attribution.sort_key, o.order))
    out = [f"# {labels('timeline.sources_title')}\n", labels("timeline.sources_intro") + "\n{: .editorial }\n",
           '<div class="timeline" markdown>\n']
    for o in ordered:
        a = o.attribution
        kind = vocab.kinds[o.doc.meta.kind].label(labels.lang)
        title = o.doc.meta.title_in(labels.lang)
        link = f"[{title}]({posixpath.relpath(o.doc.path, posixpath.dirname(page) or '.')}#{o.remark.id})"
        out.append('<div class="tl-entry" markdown>\n')
        out.append(f'<span class="tl-date">{when(a, labels)}</span> '
                   f'<span class="tl-kind">{kind}</span>\n{{: .tl-when }}\n')
        out.append(f"{link}\n{{: .tl-title }}\n")
        out.append(f"{labels.original(f'“{first_words(o.remark.text)}”')}\n{{: .tl-words }}\n")
        out.append("</div>\n")
    out.append("</div>\n")
    return "\n".join(out)


def also_note(o: Occurrence, elsewhere: list[Occurrence], labels: Labels) -> str:
    """The generated note under a remark printed more than once: where else it stands, and under what attribution."""
    items = []
    for x in elsewhere:
        printed = labels.original(x.attribution.text.lstrip("—"))
        attribution = (labels("timeline.also_attribution").format(attribution=printed)
                       if x.attribution.text != o.attribution.text else "")
        items.append(f"- {place_link(x, o.doc.path, labels)}{attribution}")
    return ('\n<div class="generated remark-also" markdown>\n\n'
            f"{labels('timeline.also')}\n\n" + "\n".join(items) + "\n\n</div>\n")


def also_notes(elsewhere: dict[str, list[Occurrence]], labels: Labels) -> dict[str, dict[str, str]]:
    """The 另见 notes by page and remark id, from the other places of each remark printed more than once."""
    occurrence: dict[str, Occurrence] = {}
    for places in elsewhere.values():
        for x in places:
            occurrence.setdefault(x.key, x)
    notes: dict[str, dict[str, str]] = {}
    for key, places in elsewhere.items():
        page, anchor = key.split("#", 1)
        notes.setdefault(page, {})[anchor] = also_note(occurrence[key], places, labels)
    return notes


def add_notes(markdown: str, notes: dict[str, str]) -> str:
    """A page's Markdown with each note (by remark id) after the closing /// of that remark."""
    lines, out, pending = markdown.split("\n"), [], ""
    for i, line in enumerate(lines):
        out.append(line)
        m = REMARK_ID.match(line)
        if m and i and lines[i - 1].startswith("/// remark |"):
            pending = notes.get(m.group(1), "")
        elif pending and line.strip() == "///":
            out.append(pending)
            pending = ""
    return "\n".join(out)


def quotes_json(entries: list[Entry]) -> list[dict]:
    """The published data/quotes.json: one record per attribution, in book order."""
    records = []
    for e in entries:
        for o in e.occurrences:
            a = o.attribution
            records.append((o.doc.meta.part, o.order, {
                "id": o.quote_id, "part": o.doc.meta.part, "date": a.date or None, "date_text": a.date_text or None,
                "occasion": a.occasion, "place": a.place or None, "attribution": a.text, "text": o.remark.text,
                "document": o.doc.meta.title, "url": o.url,
                "duplicates": [x.quote_id for x in e.occurrences if x is not o],
            }))
    return [r for _, _, r in sorted(records, key=lambda r: (r[0], r[1]))]
