"""PDF study booklets as HTML for a paged-media engine: one per part and one for the whole book.

Parse → model → render. `plan_booklets` makes the model: which booklets there are and which
sections each holds, in book order (a part's title page, its documents; for the whole book the
勘误说明 at the end). `render_booklet` writes one booklet as a self-contained HTML document: a
cover (the compilation, the part, the edition's version and date), the contents (page numbers
left to CSS ``target-counter``), and every section rendered from the same Markdown pages with the
same Markdown extensions as the site (compendium/booklets/page_html.py). booklet/booklet.css sets it on
paper (running heads with ``string-set``); compendium/booklets/booklet_pdf.py hands it to WeasyPrint.
Nothing here imports WeasyPrint or MkDocs.

A booklet records in its metadata the digest of the files it is made from (`sources_digest`), so
that the site publishes only booklets that agree with its pages (hooks/booklets.py).
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from compendium import ROOT
from compendium.book.errata import load_errata, page_titles, render_errata
from compendium.book.errors import PageError
from compendium.book.formatting import added_note, part_title
from compendium.book.frontmatter import read_front_matter
from compendium.book.labels import Labels, load_labels
from compendium.book.pages import Document
from compendium.book.vocabulary import Vocabulary
from compendium.booklets.page_html import PageRenderer, read_mkdocs_yml
from compendium.booklets.qr import page_url, qr_image
from compendium.edition.build_info import project_version

STYLESHEET = ROOT / "booklet" / "booklet.css"
BOOKLETS_DIR = "build/booklets"  # where tools/pdf.sh writes them, under the project (gitignored)
WHOLE = "compilation"  # file name (without .pdf) of the whole book; a part's is compilation-partN
# Paper sizes and the scale of the A5 layout on them: an A4 booklet is the A5 one enlarged (as a
# print shop enlarges A5 to A4), so that both have the same pages, and "page 37" is the same page.
PAPERS = {"A5": 1.0, "A4": 297 / 210}
# What a booklet is made from: a change to any of these files, to these settings of mkdocs.yml or
# to the project's version makes a built booklet out of date. The whole core, not the modules the
# booklets import today: a booklet made by other code is not published, however small the change.
SOURCES = ("docs/part*/*.md", "docs/errata.md", "data/errata.yml", "data/vocabulary.yml", "data/labels.yml",
           "booklet/*", "compendium/**/*.py")
MKDOCS_SETTINGS = ("site_name", "copyright", "markdown_extensions")
ERRATA_MARKER = "<!-- errata-table -->"  # where docs/errata.md takes its table (as hooks/errata.py)


# --- model -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One piece of a booklet's body: a part's title page, a document, or the errata."""

    kind: str  # "part", "document" or "errata"
    path: str  # the page under docs/ it is rendered from, e.g. part2/5g-development.md
    title: str  # as the contents and the running heads name it
    anchor: str  # its id in the booklet, e.g. part2-5g-development
    note: str = ""  # generated HTML under a document's title: a document added after the print says so


@dataclass(frozen=True)
class Booklet:
    """One booklet: its file name, what its cover names, and its sections in book order."""

    name: str  # compilation, compilation-part1 … (the file is name + .pdf)
    title: str  # the part's title on the cover; "" for the whole book
    sections: tuple[Section, ...]

    @property
    def filename(self) -> str:
        return f"{self.name}.pdf"

    @property
    def documents(self) -> list[Section]:
        return [s for s in self.sections if s.kind == "document"]


@dataclass(frozen=True)
class Edition:
    """What every booklet of one run states about itself."""

    site_name: str  # the compilation's title
    notice: str  # the line under it (mkdocs.yml copyright: 以正式文件为准)
    version: str
    date: str  # YYYY-MM-DD
    sources: str  # sources_digest() of the files the booklet is made from
    paper: str = "A5"
    site_url: str = ""  # SITE_URL: each document then carries a QR code of its page (compendium/booklets/qr.py)


def booklet_names(vocab: Vocabulary) -> list[str]:
    """File names (without .pdf) of every booklet: the whole book, then one per part."""
    return [WHOLE] + [f"{WHOLE}-{vocab.parts[n].folder}" for n in sorted(vocab.parts)]


def plan_booklets(documents: list[Document], vocab: Vocabulary, docs_dir: Path) -> list[Booklet]:
    """The whole book (every part, then the errata) and one booklet per part, in book order."""
    parts: list[list[Section]] = []
    for number in sorted(vocab.parts):
        folder = vocab.parts[number].folder
        sections = [Section("part", f"{folder}/index.md", part_title(vocab, number, load_labels()), folder)]
        sections += [Section("document", d.path, d.meta.title, _anchor(d.path), added_note(d, load_labels()))
                     for d in documents if d.meta.part == number]
        parts.append(sections)
    errata = read_front_matter(docs_dir, "errata.md")
    errata_title = str(errata.fields.get("title") or "")
    whole = [s for sections in parts for s in sections] + [Section("errata", "errata.md", errata_title, "errata")]
    names = booklet_names(vocab)
    return [Booklet(names[0], "", tuple(whole))] + [
        Booklet(name, sections[0].title, tuple(sections)) for name, sections in zip(names[1:], parts)]


def _anchor(path: str) -> str:
    """part2/5g-development.md → part2-5g-development (the section's id in the booklet)."""
    return path.removesuffix(".md").replace("/", "-")


# --- the edition -----------------------------------------------------------------------------


def sources_digest(root: Path = ROOT) -> str:
    """SHA-256 over what the booklets are made from: equal digests, equal booklets.

    The files of SOURCES (paths and contents), the MKDOCS_SETTINGS of mkdocs.yml, the version.
    """
    digest = hashlib.sha256()
    files = sorted({p for pattern in SOURCES for p in root.glob(pattern) if p.is_file()})
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    config = read_mkdocs_yml(root / "mkdocs.yml", resolve=False)
    settings = {key: config.get(key) for key in MKDOCS_SETTINGS}
    digest.update(json.dumps(settings, sort_keys=True, ensure_ascii=False).encode() + b"\0")
    digest.update(project_version(root).encode())
    digest.update(b"\0" + os.environ.get("SITE_URL", "").encode())  # the QR codes' host
    return "sha256:" + digest.hexdigest()


# --- the sections ----------------------------------------------------------------------------


def render_sections(booklet: Booklet, renderer: PageRenderer, labels: Labels, site_url: str = "") -> list[str]:
    """Each section of the booklet as HTML, its ids scoped to it and its links made internal; with
    `site_url`, each document with the QR code of its page on the site."""
    targets = {s.path: s.anchor for s in booklet.sections}
    out = []
    for section in booklet.sections:
        body = renderer.body(section.path)
        if section.kind == "errata":
            body = body.replace(ERRATA_MARKER, _errata_table(renderer.docs_dir, labels))
        inner = renderer.html(body)
        if section.kind == "document":
            note = section.note  # HTML already (compendium.book.formatting.added_note)
            inner = f'<h1 class="doc-title">{html.escape(section.title)}</h1>\n{note}{inner}'
            if site_url:
                url = page_url(site_url, section.path)
                inner = qr_image(url, labels("booklet.qr").format(url=url)) + "\n" + inner
        inner = _internal_links(_scope_ids(inner, section.anchor), targets, section.path)
        tag = "section" if section.kind == "part" else "article"
        out.append(f'<{tag} class="{section.kind}" id="{section.anchor}" data-path="{section.path}">\n'
                   f"{inner}\n</{tag}>")
    return out


def _errata_table(docs_dir: Path, labels: Labels) -> str:
    """The 勘误说明 table, as the site renders it (compendium.book.errata)."""
    errata = load_errata()
    return render_errata(errata, page_titles(errata, docs_dir), labels)


_ID = re.compile(r'(\sid=")([^"]+)(")')
_FRAGMENT_LINK = re.compile(r'(\shref="#)([^"]+)(")')
_PAGE_LINK = re.compile(r'(\shref=")([^"#:]+\.md)(#[^"]*)?(")')


def _scope_ids(fragment: str, anchor: str) -> str:
    """Prefix every id of a section (and links to them) with its anchor: s1 → part2-5g-development--s1.

    One HTML document holds every page of the book, and every page has its own s1, p1 …
    """
    fragment = _ID.sub(lambda m: f"{m[1]}{anchor}--{m[2]}{m[3]}", fragment)
    return _FRAGMENT_LINK.sub(lambda m: f"{m[1]}{anchor}--{m[2]}{m[3]}", fragment)


def _internal_links(fragment: str, targets: dict[str, str], here: str) -> str:
    """Links to pages of the booklet (errata → the document) point at the page's section."""
    base = here.rsplit("/", 1)[0] + "/" if "/" in here else ""

    def link(m: re.Match) -> str:
        path = m[2] if m[2] in targets else base + m[2]
        if path not in targets:
            raise PageError(f"docs/{here}", 0, "link", f"{m[2]} is not in the booklet",
                            "Link only to pages of the compilation.")
        return f'{m[1]}#{targets[path]}{m[4]}'

    return _PAGE_LINK.sub(link, fragment)


# --- the booklet -----------------------------------------------------------------------------


def render_booklet(booklet: Booklet, edition: Edition, renderer: PageRenderer, labels: Labels,
                   stylesheet: str) -> str:
    """The booklet as one HTML document: cover, contents, sections; `stylesheet` set inline."""
    title = edition.site_name + (f" · {booklet.title}" if booklet.title else "")
    head = "\n".join([
        '<meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        f'<meta name="dcterms.created" content="{edition.date}">',
        f'<meta name="compendium-edition" content="{html.escape(edition.version)}">',
        f'<meta name="compendium-sources" content="{edition.sources}">',
        f'<meta name="compendium-paper" content="{edition.paper}">',
        f"<style>\n{stylesheet}\n</style>",
    ])
    body = "\n".join([cover(booklet, edition, labels), contents(booklet, labels),
                      '<main class="body">', *render_sections(booklet, renderer, labels, edition.site_url), "</main>"])
    return f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n'


def cover(booklet: Booklet, edition: Edition, labels: Labels) -> str:
    """The cover: the compilation's title, the part's, the edition's version and date, the notice."""
    part = f'<p class="cover-part">{html.escape(booklet.title)}</p>\n' if booklet.title else ""
    stamp = labels("booklet.edition").format(version=edition.version, date=edition.date)
    return (f'<section class="cover generated">\n<p class="cover-title">{html.escape(edition.site_name)}</p>\n'
            f'{part}<div class="cover-foot">\n<p class="cover-edition">{html.escape(stamp)}</p>\n'
            f'<p class="cover-notice">{html.escape(edition.notice)}</p>\n</div>\n</section>')


def contents(booklet: Booklet, labels: Labels) -> str:
    """The contents: every section linked to its start; CSS adds the page numbers."""
    items = "\n".join(f'<li class="toc-{s.kind}"><a href="#{s.anchor}">{html.escape(s.title)}</a></li>'
                      for s in booklet.sections)
    return (f'<nav class="contents generated">\n<h2 class="contents-title">{html.escape(labels("booklet.contents"))}'
            f"</h2>\n<ol>\n{items}\n</ol>\n</nav>")
