"""The 指标目标表 pages (targets/) and the published rows of the target table.

The table is one page per sector (``targets/<sector>.html``, a topic id of data/vocabulary.yml),
so that a phone lays out a few dozen rows, not all of them; a target's row is
``targets/<sector>.html#<target id>`` (`row_url`), the address the document pages, the published
rows and the study tools link to. The overview (``targets/index.html``) counts the targets by
sector and scope and by document, each count linking to its sector page with that filter set
(``?scope=…``, ``?document=…``).

A sector page is rendered in full at build time: a plain HTML table that reads without
JavaScript. The targets that measure the same thing (one `key`) form a group — a ``<tbody>`` with
a head row that names the indicator and, where a scope's values span two or more years, draws a
small chart with the numbers in its caption. A script (assets/javascripts/targets.js, with the
vendored tablesort) only filters (also from the page's query), searches, sorts and ungroups; it
fetches nothing.

In the English edition (`labels` in English, with `english`, compendium.targets.english) the
page names indicators, scopes, sectors, comparators and documents in English and gives the notes
in English; values, baselines, units and sentences stay as printed, marked Chinese.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import quote

from compendium.book.labels import HTML_LANG, Labels
from compendium.book.pages import Document
from compendium.book.vocabulary import Vocabulary
from compendium.targets.charts import Point, format_number, line_chart
from compendium.targets.english import TargetsEnglish
from compendium.targets.records import Target

# Columns of a sector page's table, in order: label key and the sort method tablesort uses ("" =
# text). The sector is the page's.
COLUMNS = (("indicator", ""), ("scope", "number"), ("year", "number"), ("value", "number"),
           ("baseline", ""), ("source", "number"), ("note", ""))
NO_YEAR = 9999  # sorts targets without a year last
FOLDER = "targets"  # the table's pages in the site: targets/index.html, targets/<sector>.html


# --- addresses -------------------------------------------------------------------------------


def sector_page(sector: str) -> str:
    """The site path of a sector's page (relative to its edition's root): targets/<sector>.html."""
    return f"{FOLDER}/{sector}.html"


def row_url(t: Target) -> str:
    """The address of a target's row: targets/<sector>.html#<id>."""
    return f"{sector_page(t.sector)}#{t.id}"


def sectors_in_order(targets: list[Target], vocab: Vocabulary) -> list[str]:
    """The sectors that have targets, in vocabulary order: one page each."""
    used = {t.sector for t in targets}
    return [s for s in vocab.topics if s in used]


# --- groups and series -----------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """The targets of one key, in display order (scope, year, document)."""

    key: str
    targets: tuple[Target, ...]


def group_targets(targets: list[Target], documents: dict[str, Document], vocab: Vocabulary) -> list[Group]:
    """Groups by key: ordered by the sector of their first target (vocabulary order), then by
    where the key first appears in the book; rows by scope, year and document."""
    sectors, scopes, docs = _order(vocab.topics), _order(vocab.scopes), _order(documents)
    by_key: dict[str, list[Target]] = {}
    for t in targets:
        by_key.setdefault(t.key, []).append(t)
    groups = [Group(key, tuple(sorted(ts, key=lambda t: (scopes[t.scope], t.year or NO_YEAR, docs[t.document]))))
              for key, ts in by_key.items()]
    first = {key: i for i, key in reversed(list(enumerate(t.key for t in targets)))}
    return sorted(groups, key=lambda g: (sectors[by_key[g.key][0].sector], first[g.key]))


def series(group: Group) -> list[tuple[Target, list[Point]]]:
    """The chartable paths of a group: per scope, document and unit, the targets' values and the
    baseline, where they span two or more years with one value each. Each path comes with its
    first target (for the scope and document)."""
    paths: dict[tuple[str, str, str], list[Target]] = {}
    for t in group.targets:
        if t.year is not None:
            paths.setdefault((t.scope, t.document, t.unit), []).append(t)
    out = []
    for ts in paths.values():
        values: dict[int, set[float]] = {}
        for t in ts:
            values.setdefault(t.year, set()).add(t.value_number)
            if t.baseline_year is not None and t.baseline_number is not None:
                values.setdefault(t.baseline_year, set()).add(t.baseline_number)
        if len(values) < 2 or any(len(v) > 1 for v in values.values()):
            continue
        unit = ts[0].unit
        points = [Point(year, v, format_number(v) + unit) for year, (v,) in sorted(values.items())]
        out.append((ts[0], points))
    return out


def _order(items: dict) -> dict[str, int]:
    return {key: i for i, key in enumerate(items)}


# --- the pages -------------------------------------------------------------------------------


def render_overview(targets: list[Target], documents: dict[str, Document], vocab: Vocabulary, labels: Labels,
                    downloads: dict[str, str]) -> str:
    """The Markdown of targets/index.html: title, introduction, downloads, the count of targets by
    sector and scope, and by document; each count links to its sector page with that filter.
    `downloads` maps a label key to a URL relative to the page."""
    sectors = sectors_in_order(targets, vocab)
    scopes = [s for s in vocab.scopes if any(t.scope == s for t in targets)]
    head = "".join(f'<th scope="col">{html.escape(vocab.scopes[s].label(labels.lang))}</th>' for s in scopes)
    rows = []
    for sector in sectors:
        mine = [t for t in targets if t.sector == sector]
        cells = "".join(_count_cell(sum(t.scope == s for t in mine), _sibling(sector, f"scope={s}")) for s in scopes)
        name = html.escape(vocab.topics[sector].label(labels.lang))
        rows.append(f'<tr><th scope="row"><a href="{_sibling(sector)}">{name}</a></th>{cells}'
                    f'{_count_cell(len(mine), _sibling(sector))}</tr>')
    matrix = (f'<div class="table-wrap t-overview-wrap"><table class="t-overview">'
              f'<caption>{html.escape(labels("targets.by_sector"))}</caption>'
              f'<thead><tr><th scope="col">{html.escape(labels("targets.sector"))}</th>{head}'
              f'<th scope="col">{html.escape(labels("targets.total"))}</th></tr></thead>'
              f'<tbody>{"".join(rows)}</tbody></table></div>')
    items = []
    for path, doc in documents.items():
        mine = [t for t in targets if t.document == path]
        if not mine:
            continue
        links = " · ".join(
            f'<a href="{_sibling(s, "document=" + quote(path))}">{html.escape(vocab.topics[s].label(labels.lang))} '
            f'{sum(t.sector == s for t in mine)}</a>' for s in sectors if any(t.sector == s for t in mine))
        title = html.escape(doc.meta.title_in(labels.lang))
        items.append("<li>" + _format(labels("targets.document_counts"), document=title,
                                      links=links) + "</li>")
    return (f"---\ntitle: {labels('targets.title')}\nhide:\n  - toc\n---\n\n"
            f"# {labels('targets.title')}\n\n"
            f'<p class="t-intro generated">{html.escape(labels("targets.intro").format(n=len(targets)))} '
            f'{html.escape(labels("targets.split").format(pages=len(sectors)))}</p>\n\n'
            f'<p class="t-downloads generated">'
            f'{_format(labels("targets.downloads"), links=_downloads(downloads, labels))}'
            f'</p>\n\n<div class="t-overview-block generated" data-search-exclude>\n{matrix}\n\n'
            f'<h2 id="by-document">{html.escape(labels("targets.by_document"))}</h2>\n'
            f'<ul class="t-by-document">{"".join(items)}</ul>\n</div>\n')


def render_sector_page(sector: str, targets: list[Target], documents: dict[str, Document], vocab: Vocabulary,
                       labels: Labels, downloads: dict[str, str], scripts: list[str],
                       english: TargetsEnglish | None = None) -> str:
    """The Markdown of targets/<sector>.html: its title, the other sectors, downloads, the filter
    form, the table of the sector's targets and the scripts. `targets` are all targets (the page
    shows its sector's); `downloads` map label keys to URLs and `scripts` are URLs, relative to the
    page; `english` names indicators and notes where `labels` are English."""
    mine = [t for t in targets if t.sector == sector]
    groups = group_targets(mine, documents, vocab)
    head = "".join(_th(labels, name, method) for name, method in COLUMNS)
    starts = [sum(len(g.targets) for g in groups[:i]) for i in range(len(groups))]
    body = "\n".join(_group_html(i, g, starts[i], documents, vocab, labels, english) for i, g in enumerate(groups))
    units = ""
    if english is not None and labels.lang == "en":  # a legend of what the printed values say, in English
        legend = "; ".join(f"{labels.original(html.escape(u))} {html.escape(e)}" for u, e in english.units.items()
                           if any(u in t.value or u == t.unit for t in mine))
        if legend:
            units = f'<p class="t-intro generated">{_format(labels("targets.units_note"), units=legend)}</p>\n\n'
    name = vocab.topics[sector].label(labels.lang)
    title = labels("targets.sector_title").format(sector=name)
    others = " · ".join(
        f'<a href="{_sibling(s)}">{html.escape(vocab.topics[s].label(labels.lang))}</a>' if s != sector
        else f'<strong aria-current="page">{html.escape(vocab.topics[s].label(labels.lang))}</strong>'
        for s in sectors_in_order(targets, vocab))
    overview = f'<a href="index.html">{html.escape(labels("targets.overview"))}</a>'
    nav = _format(labels("targets.sectors_nav"), overview=overview,
                  sectors=others)
    script_tags = "\n".join(f'<script src="{html.escape(s)}" defer></script>' for s in scripts)
    return (f"---\ntitle: {name}\nhide:\n  - toc\n---\n\n"
            f"# {title}\n\n"
            f'<p class="t-intro generated">'
            f'{html.escape(labels("targets.sector_intro").format(n=len(mine), sector=name))} '
            f'{_format(labels("targets.downloads"), links=_downloads(downloads, labels))}</p>\n\n'
            f'<nav class="t-sectors generated" aria-label="{html.escape(labels("targets.sectors"))}" '
            f'data-search-exclude>'
            f"{nav}</nav>\n\n"
            f"{units}"
            f"{_filters(mine, documents, vocab, labels)}\n\n"
            f'<div class="t-wrap generated">\n<table class="targets" data-search-exclude>\n'
            f'<caption>{html.escape(title)}</caption>\n'
            f"<thead><tr>{head}</tr></thead>\n{body}\n</table>\n</div>\n\n{script_tags}\n")


def _sibling(sector: str, query: str = "") -> str:
    """A sector's page as linked from the table's other pages (its folder's), with a filter query."""
    return sector_page(sector).rsplit("/", 1)[1] + (f"?{query}" if query else "")


def _downloads(downloads: dict[str, str], labels: Labels) -> str:
    return " · ".join(f'<a href="{html.escape(path)}" download>{html.escape(labels(key))}</a>'
                      for key, path in downloads.items())


def _count_cell(n: int, url: str) -> str:
    return f'<td><a href="{html.escape(url)}">{n}</a></td>' if n else "<td></td>"


def _format(label: str, **html_parts: str) -> str:
    """A label with HTML put into its {placeholders}; the label's own text is escaped."""
    escaped = html.escape(label)
    for name, part in html_parts.items():
        escaped = escaped.replace("{" + name + "}", part)
    return escaped


def _th(labels: Labels, name: str, method: str) -> str:
    sort = f' data-sort-method="{method}"' if method else ""
    return f'<th scope="col" class="t-col-{name}"{sort}>{html.escape(labels("targets." + name))}</th>'


def _filters(targets: list[Target], documents: dict[str, Document], vocab: Vocabulary, labels: Labels) -> str:
    """The filter form with its count of all rows: shown from the first paint where the reader's
    script runs (`reader-js-only`, extra.css), so that nothing moves when the page's script starts;
    without JavaScript the table is all there is."""
    used = {f: {getattr(t, f) for t in targets} for f in ("scope", "document")}
    years = sorted({t.year for t in targets if t.year is not None})
    options = {
        "scope": [(k, v.label(labels.lang)) for k, v in vocab.scopes.items() if k in used["scope"]],
        "year": [(str(y), labels("targets.year_format").format(year=y)) for y in years]
        + ([("none", labels("targets.no_year"))] if any(t.year is None for t in targets) else []),
        "document": [(p, d.meta.title_in(labels.lang)) for p, d in documents.items() if p in used["document"]],
    }
    fields = []
    for name, choices in options.items():
        opts = f'<option value="">{html.escape(labels("targets.all"))}</option>' + "".join(
            f'<option value="{html.escape(v)}">{html.escape(text)}</option>' for v, text in choices)
        fields.append(f'<label class="t-field-{name}">{html.escape(labels("targets." + name))}'
                      f'<select name="{name}" data-filter="{name}">{opts}</select></label>')
    fields.append(f'<label class="t-search">{html.escape(labels("targets.search"))}'
                  f'<input type="search" name="q" data-filter="q" autocomplete="off"></label>')
    fields.append(f'<label class="t-group-toggle"><input type="checkbox" name="group" checked> '
                  f'{html.escape(labels("targets.group"))}</label>')
    fields.append(f'<button type="reset" class="t-reset">{html.escape(labels("targets.reset"))}</button>')
    count = labels("targets.count")
    shown = count.replace("{shown}", str(len(targets))).replace("{total}", str(len(targets)))
    name = html.escape(labels("targets.filters"))
    return (f'<form class="t-filters generated reader-js-only" data-search-exclude aria-label="{name}" '
            f'data-count="{html.escape(count)}">'
            + "".join(fields) + f'<p class="t-count" aria-live="polite">{html.escape(shown)}</p></form>')


def _group_html(index: int, group: Group, start: int, documents: dict[str, Document], vocab: Vocabulary,
                labels: Labels, english: TargetsEnglish | None) -> str:
    """A <tbody> per group: a head row where the group has several targets, then the targets
    (`start`: how many rows the groups before hold, for the rows' order in the whole table)."""
    rows = [_row_html(index, start + n, t, documents, vocab, labels, english) for n, t in enumerate(group.targets)]
    head = ""
    if len(group.targets) > 1:
        names = " / ".join(dict.fromkeys(_indicator(t, labels, english) for t in group.targets))
        paths = series(group)
        shared = {t.scope for t, _ in paths if sum(u.scope == t.scope for u, _ in paths) > 1}
        charts = "".join(_chart_html(t, points, vocab, labels, documents if t.scope in shared else None)
                         for t, points in paths)
        charts = f'<div class="t-charts">{charts}</div>' if charts else ""
        count = labels("targets.group_count").format(n=len(group.targets))
        head = (f'<tr class="t-group-head" data-sort-method="none"><th colspan="{len(COLUMNS)}" scope="colgroup">'
                f'<span class="t-group-name">{html.escape(names)}</span> <span class="t-group-count">'
                f'{html.escape(count)}</span>{charts}</th></tr>')
    return f'<tbody class="t-group" data-group="{index}">{head}' + "".join(rows) + "</tbody>"


def _chart_html(first: Target, points: list[Point], vocab: Vocabulary, labels: Labels,
                documents: dict[str, Document] | None) -> str:
    """A chart with its numbers in the caption: the scope, and the document where two documents
    of one scope each give a path (`documents` then given)."""
    path = " → ".join(f'{html.escape(labels("targets.year_format").format(year=p.year))} '
                      f"{labels.original(html.escape(p.label))}" for p in points)
    scope = vocab.scopes[first.scope].label(labels.lang)
    if documents:
        scope = labels("targets.chart_document").format(scope=scope,
                                                        document=documents[first.document].meta.title_in(labels.lang))
    caption = _format(labels("targets.chart"), scope=html.escape(scope), path=path)
    chart = line_chart(points)
    if labels.lang != "zh":  # its values print their units as the text does, in Chinese
        chart = chart.replace("<svg ", f'<svg lang="{HTML_LANG["zh"]}" ', 1)
    return f'<figure class="t-chart-figure">{chart}<figcaption>{caption}</figcaption></figure>'


def _indicator(t: Target, labels: Labels, english: TargetsEnglish | None) -> str:
    """What a target measures: in the text's words, or its key's English indicator."""
    return english.indicator(t) if english is not None and labels.lang == "en" else t.indicator


def _row_html(group: int, n: int, t: Target, documents: dict[str, Document], vocab: Vocabulary,
              labels: Labels, english: TargetsEnglish | None = None) -> str:
    """A target's row on its sector's page (one folder down from the edition's root: the
    sentence's url, relative to that root, is reached through ../)."""
    doc, lang = documents[t.document], labels.lang
    order = list(documents).index(t.document)
    scope_order = list(vocab.scopes).index(t.scope)
    comparator = vocab.comparators[t.comparator]
    value = f'<strong>{html.escape(t.value)}</strong>'
    if t.unit and t.unit not in t.value:  # a table cell prints "180" under 高新技术企业数量（个）
        value += f' <span class="t-unit">{html.escape(t.unit)}</span>'
    value = labels.original(value)
    # 突破 2500亿元; 40%以上 says it already to a reader of Chinese, not to a reader of English.
    if t.comparator != "reach" and (lang != "zh" or comparator.zh not in t.value):
        value = f'<span class="t-cmp">{html.escape(comparator.label(lang))}</span> ' + value
    if t.doubtful:
        value += f' <span class="t-doubt">{html.escape(labels("targets.doubtful"))}</span>'
    baseline = labels.original(html.escape(t.baseline))
    if t.baseline_year and str(t.baseline_year) not in t.baseline:
        year = labels("targets.year_format").format(year=t.baseline_year)
        baseline = _format(labels("targets.baseline_format"), year=html.escape(year), value=baseline)
    year = labels("targets.year_format").format(year=t.year) if t.year else labels("targets.no_year")
    note = english.note(t) if english is not None and lang == "en" else t.note
    source = (f'<a href="../{html.escape(t.url)}">{html.escape(doc.meta.title_in(lang))}</a>'
              f'<details class="t-sentence"><summary>{html.escape(labels("targets.sentence"))}</summary>'
              f'<p>{labels.original(html.escape(t.sentence))}</p></details>')
    cells = [
        ("th", "indicator", "", html.escape(_indicator(t, labels, english))),
        ("td", "scope", f"{scope_order:02d}", html.escape(vocab.scopes[t.scope].label(lang))),
        ("td", "year", str(t.year or NO_YEAR), html.escape(year)),
        ("td", "value", format_number(t.value_number), value),
        ("td", "baseline", "", baseline),
        ("td", "source", f"{order:03d}", source),
        ("td", "note", "", html.escape(note)),
    ]
    tds = "".join(
        f'<{tag} class="t-col-{name}"' + (' scope="row"' if tag == "th" else "")
        + (f' data-sort="{sort}"' if sort else "") + f' data-label="{html.escape(labels("targets." + name))}">'
        + f"{content}</{tag}>" for tag, name, sort, content in cells)
    return (f'<tr id="{t.id}" class="t-row" data-scope="{t.scope}" '
            f'data-year="{t.year or "none"}" data-document="{html.escape(t.document)}" data-group="{group}" '
            f'data-order="{n}">{tds}</tr>')


# --- published rows --------------------------------------------------------------------------

EXPORT_FIELDS = ("id", "scope", "sector", "key", "indicator", "baseline", "baseline_year", "baseline_number", "value",
                 "value_number", "unit", "comparator", "year", "document", "doc_no", "sentence", "note", "doubtful",
                 "url", "scope_id", "sector_id", "comparator_id", "row_url")


def export_rows(targets: list[Target], documents: dict[str, Document], vocab: Vocabulary) -> list[dict]:
    """One dict per target for data/targets.json and .csv (fields EXPORT_FIELDS): labels in
    Chinese beside the ids, the document by title and 文号, the sentence's url and the row's
    (row_url), relative to the site root."""
    rows = []
    for t in targets:
        meta = documents[t.document].meta
        values = {
            "id": t.id, "scope": vocab.scopes[t.scope].zh, "sector": vocab.topics[t.sector].zh, "key": t.key,
            "indicator": t.indicator, "baseline": t.baseline or None, "baseline_year": t.baseline_year,
            "baseline_number": t.baseline_number, "value": t.value, "value_number": t.value_number, "unit": t.unit,
            "comparator": vocab.comparators[t.comparator].zh, "year": t.year, "document": meta.title,
            "doc_no": meta.doc_no or None, "sentence": t.sentence, "note": t.note or None, "doubtful": t.doubtful,
            "url": t.url, "scope_id": t.scope, "sector_id": t.sector, "comparator_id": t.comparator,
            "row_url": row_url(t),
        }
        rows.append({f: values[f] for f in EXPORT_FIELDS})
    return rows
