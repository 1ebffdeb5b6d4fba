"""MkDocs hook: the target table — records checked against the pages, the 指标目标表 page, the
marked sentences on the document pages, and the published data.

Listed after hooks/catalog.py, whose on_files has parsed the documents. Adapts MkDocs events to the
core: compendium.targets.records (load and check), compendium.targets.marks (mark the sentences),
compendium.targets.page (the page and the published rows), in the language being built (the
English names of indicators and notes: compendium.targets.english).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import _shared
from compendium.book.errata import Doubt, load_errata
from compendium.book.errors import PageError
from compendium.book.labels import Labels
from compendium.downloads.data_files import csv_bytes, json_bytes
from compendium.hosting.vendored_scripts import SITE_FOLDER
from compendium.targets.english import TargetsEnglish, load_targets_english
from compendium.targets.marks import Mark, mark_page, page_marks
from compendium.targets.page import (EXPORT_FIELDS, FOLDER, export_rows, render_overview, render_sector_page,
                                     sector_page, sectors_in_order)
from compendium.targets.records import Target, check_against_pages, load_targets, read_pages

OVERVIEW = f"{FOLDER}/index.md"  # targets/index.html; a sector's page is targets/<sector>.md
JSON, CSV = "data/targets.json", "data/targets.csv"
# The page's scripts: tablesort (vendored by hooks/vendor.py, see compendium/hosting/vendored_scripts.py), then its own.
SCRIPTS = [f"{SITE_FOLDER}/tablesort/dist/tablesort.min.js", f"{SITE_FOLDER}/tablesort/dist/sorts/tablesort.number.min.js",
           "assets/javascripts/targets.js"]

_marks: dict[str, list[Mark]] = {}  # marks by document page, for on_page_markdown
_labels: list[Labels] = []


# --- events ----------------------------------------------------------------------------------


@event_priority(_shared.AFTER_I18N)  # after a language edition has rebuilt the file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Load and check every target against its page; the build stops on the first bad record.
    root = Path(config.config_file_path).parent
    state = _shared.state
    try:
        labels = _shared.labels(config)
        targets = load_targets(state.vocab, root / "data" / "targets.yml")
        pages = read_pages(Path(config.docs_dir), [p for p in state.documents])
        check_against_pages(targets, pages, state.vocab, load_errata(root / "data" / "errata.yml"))
        english = load_targets_english(targets, root / "data" / "targets-en.yml")
    except PageError as err:
        raise PluginError(f"Bad target record: {err}") from None
    _labels[:] = [labels]
    _marks.clear()
    by_page: dict[str, list[Target]] = {}
    for t in targets:
        by_page.setdefault(t.document, []).append(t)
    for path, page in pages.items():
        if mine := by_page.get(path):
            _marks[path] = page_marks(mine, page.rows(), lambda t: _ref_label(t, labels, english),
                                      lambda t: sector_page(t.sector))
    en = labels.lang == "en"
    state.doubts = [Doubt(t.document, t.anchor, state.documents[t.document].meta.title_in(labels.lang), t.value,
                          english.note(t) if en else t.note) for t in targets if t.doubtful]
    # The published data and the page.
    rows = export_rows(targets, state.documents, state.vocab)
    _shared.publish(files, config, JSON, json_bytes(rows))
    _shared.publish(files, config, CSV, csv_bytes(list(EXPORT_FIELDS), [list(r.values()) for r in rows]))
    # The pages are one folder down from their edition's root (targets/), which is one folder down
    # from the site root in a language edition (en/), where data and scripts are.
    up = "../" + ("../" if _shared.language_folder(config) else "")
    downloads = {"targets.json": up + JSON, "targets.csv": up + CSV}
    _shared.add_page(files, config, OVERVIEW, render_overview(targets, state.documents, state.vocab, labels, downloads))
    for sector in sectors_in_order(targets, state.vocab):
        markdown = render_sector_page(sector, targets, state.documents, state.vocab, labels, downloads,
                                      [up + path for path in SCRIPTS], english)
        _shared.add_page(files, config, sector_page(sector)[: -len(".html")] + ".md", markdown)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # The table is one entry of the navigation, its overview: the sector pages are reached from it
    # and from each other, so that the navigation every page carries stays as short as before.
    return _shared.collapse_section(nav, OVERVIEW)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Mark the target sentences and rows of a document page, each linked to its row of the table.
    path = _shared.src_uri(page.file)
    marks = _marks.get(path)
    if not marks:
        return markdown
    root = "../" * path.count("/")  # the root of the page's own edition, where its table's pages are
    try:
        return mark_page(markdown, marks, path, root, _labels[0]("targets.marker"))
    except PageError as err:
        raise PluginError(f"Bad target record: {err}") from None


# --- helpers ---------------------------------------------------------------------------------


def _ref_label(t: Target, labels: Labels, english: TargetsEnglish) -> str:
    """The accessible name of a marker's link: the table, the indicator and the year."""
    year = labels("targets.year_format").format(year=t.year) if t.year else labels("targets.no_year")
    indicator = english.indicator(t) if labels.lang == "en" else t.indicator
    return labels("targets.marker_label").format(indicator=indicator, year=year)
