"""The PDF booklets as readers get them: made by tools/pdf.sh once, read back with poppler and pypdf."""
from __future__ import annotations

import html
import re
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader, PdfWriter

from compendium import DOCS_DIR
from compendium.book.errata import load_errata
from compendium.book.fidelity import check_page, check_site, parse_range
from compendium.book.frontmatter import split_front_matter
from compendium.book.layout_repair import content_chars
from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary
from compendium.booklets.booklet_html import booklet_names, plan_booklets, sources_digest
from compendium.booklets.booklet_pdf import FONT_PACKAGE, BookletError, booklet_info, booklet_status, write_pdf
from compendium.downloads.downloads_page import human_size
from compendium.edition.build_info import build_info

from support.project import ROOT, run_mkdocs_build

NAMES = booklet_names(load_vocabulary())
MM = 72 / 25.4  # PDF points per millimetre
# booklet.css sets the pages' top margin to 17 mm (14 mm on the landscape page) and the bottom one
# to 16 mm (14 mm): the running head stands in the top margin above 14.5 mm, the page number in
# the bottom one below 13.5 mm; the text starts and ends inside.
HEAD_ZONE, FOOT_ZONE = 14.5 * MM, 13.5 * MM


@pytest.fixture(scope="module")
def plan():
    vocab = load_vocabulary()
    return {b.name: b for b in plan_booklets(load_documents(DOCS_DIR, vocab), vocab, DOCS_DIR)}


def pdf(booklets, name: str) -> Path:
    return booklets.out / f"{name}.pdf"


def html_of(booklets, name: str) -> BeautifulSoup:
    """The HTML that tools/pdf.sh handed to WeasyPrint for this booklet."""
    return BeautifulSoup((booklets.out / f"{name}.html").read_text("utf-8"), "html.parser")


@dataclass
class PrintedPage:
    """One page of a PDF as pdftotext reads it: the text in the text area, the page number."""

    body: str  # whitespace removed
    folio: str  # the page number printed in the foot, "" where there is none
    right: float  # the right edge of the rightmost word, in points from the page's right edge (negative: inside)


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@cache
def printed_pages(path: Path) -> list[PrintedPage]:
    """Every page of the PDF, its running head set aside, its page number apart from its text."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for width, height, words in _PAGE.findall(out):
        body, foot, right = [], [], -float(width)
        for top, x_max, bottom, text in _WORD.findall(words):
            right = max(right, float(x_max) - float(width))
            if float(bottom) <= HEAD_ZONE:
                continue
            (foot if float(top) >= float(height) - FOOT_ZONE else body).append(html.unescape(text))
        pages.append(PrintedPage(content_chars("".join(body)), "".join(foot).strip(), right))
    return pages


# --- the command -----------------------------------------------------------------------------


def test_six_booklets_are_made_with_progress(booklets, plan):
    for name in NAMES:
        assert pdf(booklets, name).stat().st_size > 100_000, name
        assert f"{name}.pdf" in booklets.stdout
    for section in plan[NAMES[0]].sections:
        assert section.title in booklets.stdout, "the progress names every document"


def test_missing_fonts_stop_the_command_before_any_pdf(tmp_path):
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n',
                    encoding="utf-8")
    out = tmp_path / "out"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "FONTCONFIG_FILE": str(conf)}
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "pdf.py"), "--out", str(out)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert FONT_PACKAGE in result.stderr and "Noto Serif CJK SC" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.rglob("*.pdf"))


# --- fonts -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_font_is_embedded_and_every_cjk_font_is_simplified_chinese(booklets, name):
    out = subprocess.run(["pdffonts", str(pdf(booklets, name))], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        font, emb = row[0], row[-5]
        assert emb == "yes", f"{font} is not embedded"
        if "CJK" in font:
            assert re.search(r"CJK-?SC", font, re.I), f"{font} is not a Simplified Chinese face"
    fonts = " ".join(row[0] for row in rows)
    assert "Noto-Serif-CJK-SC" in fonts and "Noto-Sans-CJK-SC-Bold" in fonts


# --- contents --------------------------------------------------------------------------------


def contents_entries(booklets, name: str, titles: list[str]) -> dict[str, int]:
    """The page number the contents gives after each title, the titles in their order in the
    contents (the pages before page 1): title, leader dots, number, next title."""
    pages = printed_pages(pdf(booklets, name))
    first = next(i for i, p in enumerate(pages) if p.folio == "1")
    cover_and_contents = "".join(p.body for p in pages[:first])
    assert "目录" in cover_and_contents
    text = cover_and_contents.partition("目录")[2]
    entries, at = {}, 0
    for title, after in zip(titles, [*titles[1:], None]):
        end = re.escape(content_chars(after)) if after else "$"
        found = re.compile(re.escape(content_chars(title)) + r"\.*(\d+?)(?=" + end + ")").search(text, at)
        assert found, f"{name}: {title} is not in the contents (or not in order)"
        entries[title] = int(found[1])
        at = found.end()
    return entries


@pytest.mark.parametrize("name", NAMES)
def test_every_document_title_is_in_the_contents(booklets, plan, name):
    entries = contents_entries(booklets, name, [s.title for s in plan[name].sections])
    assert [s.title for s in plan[name].documents] == [t for t in entries if t in {s.title for s in plan[name].documents}]


@pytest.mark.parametrize("name", NAMES)
def test_every_contents_entry_names_the_page_where_its_section_starts(booklets, plan, name):
    pages = printed_pages(pdf(booklets, name))
    by_folio = {p.folio: p for p in pages if p.folio}
    soup = html_of(booklets, name)
    for title, number in contents_entries(booklets, name, [s.title for s in plan[name].sections]).items():
        section = next(s for s in plan[name].sections if s.title == title)
        heading = content_chars(soup.find(id=section.anchor).find("h1").get_text())
        page = by_folio.get(str(number))
        assert page is not None, f"{name}: no page {number} ({title})"
        assert page.body.startswith(heading), f"{name}: page {number} does not start {title}: {page.body[:40]}"


# --- the text --------------------------------------------------------------------------------


def section_pages(soup: BeautifulSoup) -> dict[str, str]:
    """Each section of a booklet's HTML as the site's check reads a page: by its path under docs/."""
    return {el["data-path"]: f'<article class="md-content__inner">{el.decode_contents()}</article>'
            for el in soup.select("main > [data-path]")}


@pytest.mark.parametrize("name", NAMES[1:])  # the whole book: the next test, on the whole source
def test_the_html_of_every_section_passes_the_fidelity_check(booklets, source_lines, name):
    errata = load_errata()
    checked = 0
    for path, html in section_pages(html_of(booklets, name)).items():
        fm = split_front_matter(f"docs/{path}", (DOCS_DIR / path).read_text("utf-8"))
        if "source_lines" not in fm.fields:
            continue  # the errata page
        lines = parse_range(fm.fields["source_lines"])
        report = check_page(path, html, source_lines, lines, [c for c in errata if lines[0] <= c.line <= lines[1]])
        assert report.ok and report.matched == report.expected, f"{name}: {path}: {report.findings()[:5]}"
        checked += 1
    assert checked == len([p for p in section_pages(html_of(booklets, name)) if p != "errata.md"])


def test_the_whole_book_holds_the_whole_source(booklets, source_lines, tmp_path):
    """The site's check, on the sections of the whole book's HTML laid out as the site's pages."""
    for path, html in section_pages(html_of(booklets, NAMES[0])).items():
        page = tmp_path / (path[:-3] + ".html")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(html, encoding="utf-8")
    result = check_site(tmp_path, DOCS_DIR, source_lines, load_errata())
    assert result.ok and result.accounted == result.total, result.findings()[:10]


def paragraphs(soup: BeautifulSoup) -> list[str]:
    """The text of every paragraph, heading, list item, caption and attribution, in order."""
    out = []
    for el in soup.body.find_all(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "caption"]):
        if el.name == "li" and el.find(["p", "ul", "ol"]):
            continue
        if text := content_chars(el.get_text()):
            out.append(text)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_the_pdf_text_holds_every_paragraph_in_order(booklets, name):
    stream = "".join(p.body for p in printed_pages(pdf(booklets, name)))
    at = 0
    texts = paragraphs(html_of(booklets, name))
    assert len(texts) > 20
    for text in texts:
        found = stream.find(text, at)
        assert found >= 0, f"{name}: not found after position {at}: {text[:40]!r}; there: {stream[at:at + 60]!r}"
        at = found + len(text)


@pytest.mark.parametrize("name", NAMES)
def test_no_heading_ends_a_page_and_no_attribution_opens_one(booklets, name):
    soup = html_of(booklets, name)
    # A heading that ends its document (the book kept only the title of some sections) may end a page.
    headings = {content_chars(h.get_text()) for h in soup.select("main h2, main h3, main h4, main h5, main h6")
                if h.find_next_sibling() is not None}
    attributions = {content_chars(c.get_text()) for c in soup.select("main figcaption")}
    if name == NAMES[0]:
        assert len(headings) > 100 and len(attributions) > 40
    for number, page in enumerate(printed_pages(pdf(booklets, name)), 1):
        assert not any(page.body.endswith(h) for h in headings), f"{name}: a heading ends PDF page {number}"
        assert not any(page.body.startswith(a) for a in attributions), f"{name}: an attribution opens page {number}"


@pytest.mark.parametrize("name", NAMES)
def test_nothing_runs_into_the_outer_margin(booklets, name):
    """Tables fit the page: no column is cut off or pushed past the text area (margins ≥ 14 mm)."""
    for number, page in enumerate(printed_pages(pdf(booklets, name)), 1):
        assert page.right <= -12 * MM, f"{name}: PDF page {number}: text {-page.right / MM:.1f} mm from the edge"


def test_a_rule_weasyprint_cannot_apply_stops_the_booklet(tmp_path):
    target = tmp_path / "x.pdf"
    with pytest.raises(BookletError, match="WeasyPrint"):
        write_pdf('<html lang="zh-CN"><style>p { colour: red; page-break-before: sideways }</style><p>文</p></html>',
                  target)
    assert not list(tmp_path.iterdir())


# --- a second reader, metadata ---------------------------------------------------------------


def bookmarks(reader: PdfReader, items, depth: int = 1):
    """(depth, title, page index) of every bookmark of the outline, in order."""
    for item in items:
        if isinstance(item, list):
            yield from bookmarks(reader, item, depth + 1)
        else:
            yield depth, item.title, reader.get_destination_page_number(item)


@pytest.mark.parametrize("name", NAMES)
def test_pypdf_reads_every_page_and_the_bookmarks_lead_to_the_documents(booklets, plan, name):
    reader = PdfReader(pdf(booklets, name), strict=True)
    pages = printed_pages(pdf(booklets, name))
    assert len(reader.pages) == len(pages)
    for page in reader.pages:
        assert page.mediabox.width > 0 and page.get_contents() is not None
    marks = {title: (depth, index) for depth, title, index in bookmarks(reader, reader.outline)}
    for section in plan[name].sections:
        depth, index = marks[section.title]
        assert depth == (2 if section.kind == "document" else 1), section.title
        assert pages[index].body.startswith(content_chars(section.title)), section.title


@pytest.mark.parametrize("name", NAMES)
def test_a_booklet_records_its_edition_and_sources(booklets, name):
    assert booklet_info(pdf(booklets, name)) == {
        "edition": build_info()["version"], "sources": sources_digest(), "paper": "A5"}
    assert booklet_status(pdf(booklets, name), sources_digest()) == "current"
    assert booklet_status(pdf(booklets, name), "sha256:other") == "out of date"
    assert booklet_status(booklets.out / "none.pdf", sources_digest()) == "missing"


# --- in the site -----------------------------------------------------------------------------


def test_the_site_publishes_current_booklets_and_names_the_rest(booklets, tmp_path):
    folder = tmp_path / "booklets"
    folder.mkdir()
    for name in NAMES[1:]:
        (folder / f"{name}.pdf").write_bytes(pdf(booklets, name).read_bytes())
    stale = PdfWriter(clone_from=pdf(booklets, NAMES[2]))
    stale.add_metadata({"/compendiumsources": "sha256:made-from-older-pages"})
    with open(folder / f"{NAMES[2]}.pdf", "wb") as f:
        stale.write(f)
    build = run_mkdocs_build(ROOT, tmp_path / "site", BOOKLETS_DIR=str(folder))
    assert build.returncode == 0, build.stderr
    assert f"{NAMES[0]}.pdf (missing)" in build.stderr and f"{NAMES[2]}.pdf (out of date)" in build.stderr
    site = tmp_path / "site"
    page = BeautifulSoup((site / "downloads.html").read_text("utf-8"), "html.parser")
    table = page.select_one(".downloads")
    for name in NAMES:
        published = site / "downloads" / f"{name}.pdf"
        link = table.select_one(f'a[href="downloads/{name}.pdf"]')
        if name in (NAMES[0], NAMES[2]):
            assert not published.exists() and link is None
            row = next(tr for tr in table.select("tr") if f"{name}.pdf" in tr.get_text())
            assert "运行 ./tools/pdf.sh" in row.get_text()
        else:
            assert published.read_bytes() == pdf(booklets, name).read_bytes()
            assert human_size(published.stat().st_size) in link.find_parent("tr").get_text()
