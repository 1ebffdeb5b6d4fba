"""Repairs of Material for MkDocs' own markup where no template block reaches it.

Written against mkdocs-material 9.8.2 (pinned exactly in requirements.txt). Each repair finds one
piece of Material's markup; if an upgrade changes that markup, the repair changes nothing and the
conformance tests (tests/conformance/test_conformance.py) name what is wrong again.

- base.html writes the drawer and search toggles as checkboxes with ``autocomplete="off"``; HTML
  allows the attribute only on text-like inputs (Nu HTML Checker error). It goes. (Material put it
  there so that Firefox does not restore an open drawer on reload; the page stays usable if it does.)
- partials/search.html gives the search dialog (``role="dialog"``) no name (axe aria-dialog-name).
  It gets the name of its own search field.
- partials/nav-item.html, with ``navigation.indexes``: the toggle of a section that has an index
  page is a label holding only an icon, and the section's ``<nav>`` takes its name from it, so the
  part navigations all have the same empty name (axe landmark-unique), and the toggle, which takes
  focus, says nothing to a screen reader. The toggle gets the section's title as text for screen
  readers only (class ``visually-hidden``, extra.css); ``aria-label`` is not allowed on a label.
- partials/alternate.html (the language selector, with mkdocs-static-i18n) names each language in
  that language (中文, English) with ``hreflang`` only: the name is read in the page's language
  (WCAG 3.1.2, language of parts). Each link gets ``lang`` equal to its ``hreflang``.
- base.html writes a ``<link rel="alternate" hreflang>`` into the head for each language of the
  selector, and Material's script fetches ``sitemap.xml`` beside each of them to map pages across
  languages. mkdocs-static-i18n points them at the page's own counterpart (en/part2/x.html), so
  every page view asked for en/part2/sitemap.xml and the like: a 404 and a console error each time.
  The selector already links the counterpart, and the sitemap lists the alternates: the head links go.
"""
from __future__ import annotations

import html
import re

# --- checkbox toggles ------------------------------------------------------------------------

_INPUT = re.compile(r"<input\b[^>]*>")
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')


def drop_checkbox_autocomplete(page: str) -> str:
    """Remove ``autocomplete`` from checkbox inputs, where HTML does not allow it."""
    def repair(m: re.Match) -> str:
        tag = m.group(0)
        return _AUTOCOMPLETE.sub("", tag) if 'type="checkbox"' in tag else tag
    return _INPUT.sub(repair, page)


# --- search dialog ---------------------------------------------------------------------------

_SEARCH_DIALOG = re.compile(r'<div class="md-search"[^>]*\brole="dialog"[^>]*>')
_SEARCH_FIELD_NAME = re.compile(r'<input\b[^>]*class="md-search__input"[^>]*\baria-label="([^"]*)"')


def name_search_dialog(page: str) -> str:
    """Give the search dialog the accessible name of its search field, unless it has a name."""
    field = _SEARCH_FIELD_NAME.search(page)
    dialog = _SEARCH_DIALOG.search(page)
    if not field or not dialog or "aria-label" in dialog.group(0):
        return page
    tag = dialog.group(0)[:-1] + f' aria-label="{field.group(1)}">'
    return page[: dialog.start()] + tag + page[dialog.end():]


# --- section toggles -------------------------------------------------------------------------

_SECTION_TITLE = re.compile(
    r'<label class="md-nav__title" for="(__nav_[\w]+)">\s*<span class="md-nav__icon md-icon"></span>(.*?)</label>', re.S)
_EMPTY_TOGGLE = re.compile(
    r'(<label class="md-nav__link[^"]*" for="(__nav_[\w]+)" id="\2_label" tabindex="0">\s*'
    r'<span class="md-nav__icon md-icon"></span>)(\s*</label>)')
_TAG = re.compile(r"<[^>]+>")


def name_section_toggles(page: str) -> str:
    """Give each icon-only section toggle (and so its section's <nav>) the section's title."""
    titles = {m.group(1): _text(m.group(2)) for m in _SECTION_TITLE.finditer(page)}

    def repair(m: re.Match) -> str:
        title = titles.get(m.group(2))
        hidden = f'<span class="visually-hidden">{html.escape(title)}</span>'
        return m.group(1) + hidden + m.group(3) if title else m.group(0)
    return _EMPTY_TOGGLE.sub(repair, page)


def _text(fragment: str) -> str:
    """The text of an HTML fragment, whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


# --- language selector -----------------------------------------------------------------------

_LANGUAGE_LINK = re.compile(r'(<a href="[^"]*" hreflang="([^"]+)") (class="md-select__link">)')


def mark_language_names(page: str) -> str:
    """Give each link of the language selector the language of its own name (its hreflang)."""
    return _LANGUAGE_LINK.sub(r'\1 lang="\2" \3', page)


# (Without the white space before it: a pattern that starts with a literal is searched for fast,
# where one that starts with \s* is tried at every white space of the page, navigation included.)
_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_language_alternates(page: str) -> str:
    """Remove the head's per-language alternate links (not the RSS ones: they carry a type), each
    with the white space before it."""
    out, last = [], 0
    for m in _HEAD_ALTERNATE.finditer(page):
        start = m.start()
        while start > last and page[start - 1].isspace():
            start -= 1
        out.append(page[last:start])
        last = m.end()
    return "".join(out) + page[last:]


# --- all -------------------------------------------------------------------------------------


def repair_material_markup(page: str) -> str:
    """A built page with every repair above applied."""
    page = name_section_toggles(name_search_dialog(drop_checkbox_autocomplete(page)))
    return drop_language_alternates(mark_language_names(page))
