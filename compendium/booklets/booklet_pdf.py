"""The booklets set in PDF with WeasyPrint, and what a built PDF says about itself.

- `check_fonts` stops before anything is set when fontconfig (where WeasyPrint finds its fonts)
  lacks the Simplified Chinese faces that booklet/booklet.css names: without them WeasyPrint
  would quietly fall back to other faces or draw empty boxes.
- `write_pdf` sets one booklet's HTML (compendium/booklets/booklet_html.py) and reports the pages it lays out.
- `booklet_status` reads back the sources digest a PDF records, so that the site publishes only
  booklets made from the pages it is built from (hooks/booklets.py).

WeasyPrint is imported only to set a PDF: reading one back needs pypdf alone.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

FACES = ("Noto Serif CJK SC", "Noto Sans CJK SC")  # body text, headings (booklet/booklet.css)
FONT_PACKAGE = "fonts-noto-cjk"  # the Debian package that has them
# Keys of the PDF's document information: WeasyPrint keeps the letters and digits of the
# <meta name> that compendium.booklets.booklet_html writes (compendium-sources → /compendiumsources).
SOURCES_KEY, EDITION_KEY, PAPER_KEY = "/compendiumsources", "/compendiumedition", "/compendiumpaper"


class BookletError(RuntimeError):
    """A booklet cannot be set; the message says what to install or fix."""


# --- fonts -----------------------------------------------------------------------------------


def missing_faces(faces: tuple[str, ...] = FACES) -> list[str]:
    """The faces that fontconfig cannot find (as WeasyPrint would look them up)."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        raise BookletError("fc-list is missing: install the Debian package fontconfig (apt-get install fontconfig)")
    missing = []
    for face in faces:
        out = subprocess.run([fc_list, face, "family"], capture_output=True, text=True, check=False).stdout
        if face not in out:
            missing.append(face)
    return missing


def check_fonts() -> None:
    """Raise BookletError naming the package to install when a face the booklets use is missing."""
    if missing := missing_faces():
        raise BookletError(f"the Chinese (SC) fonts {', '.join(missing)} are missing, so the booklets would print "
                           f"as empty boxes: install the Debian package {FONT_PACKAGE} "
                           f"(apt-get install {FONT_PACKAGE}) and run again")


# --- setting a PDF ---------------------------------------------------------------------------


class _PageProgress(logging.Handler):
    """Turns WeasyPrint's progress log ("Step 5 - Creating layout - Page 12") into page numbers."""

    def __init__(self, on_page: Callable[[int], None]) -> None:
        super().__init__(logging.INFO)
        self.on_page = on_page

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith("Step 5") and record.args and isinstance(record.args[0], int):
            self.on_page(record.args[0])


class _Problems(logging.Handler):
    """Collects WeasyPrint's warnings and errors (unsupported CSS, missing anchors …)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_pdf(html: str, target: Path, on_page: Callable[[int], None] = lambda n: None,
              zoom: float = 1.0) -> dict[str, int]:
    """Set `html` as a PDF at `target`, every page scaled by `zoom`; return the PDF page (from 1)
    where each section id starts.

    A warning from WeasyPrint (a CSS rule it cannot apply, a link to no anchor) raises
    BookletError: the booklet would not look as booklet.css says. The file appears only complete.
    """
    from weasyprint import HTML  # only here: the site's build reads PDFs but never sets one

    progress, problems = _PageProgress(on_page), _Problems()
    loggers = (logging.getLogger("weasyprint.progress"), logging.getLogger("weasyprint"))
    loggers[0].setLevel(logging.INFO)
    loggers[0].addHandler(progress)
    loggers[1].addHandler(problems)
    try:
        document = HTML(string=html).render(custom_metadata=True)
        if problems.messages:
            raise BookletError("WeasyPrint: " + "; ".join(dict.fromkeys(problems.messages)))
        partial = target.with_name(target.name + ".part")
        document.write_pdf(partial, zoom=zoom, custom_metadata=True)
        os.replace(partial, target)
    finally:
        loggers[0].removeHandler(progress)
        loggers[1].removeHandler(problems)
    starts: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:
            starts.setdefault(anchor, number)
    return starts


# --- reading a PDF back ----------------------------------------------------------------------


def booklet_info(path: Path) -> dict[str, str]:
    """The edition, sources digest and paper a booklet records; {} if it is not a readable PDF."""
    try:
        info = PdfReader(path).metadata or {}
    except (OSError, PyPdfError):
        return {}
    return {"edition": str(info.get(EDITION_KEY, "")), "sources": str(info.get(SOURCES_KEY, "")),
            "paper": str(info.get(PAPER_KEY, ""))}


def booklet_status(path: Path, sources: str) -> str:
    """"current" when the PDF at `path` was made from `sources` (sources_digest), else "missing"
    or "out of date" (made from other versions of the pages, or unreadable)."""
    if not path.is_file():
        return "missing"
    return "current" if booklet_info(path).get("sources") == sources else "out of date"


def named_pages(path: Path) -> dict[str, int]:
    """The PDF page (from 1) of every named destination of a booklet (WeasyPrint names one for each
    id of the HTML): where a scoped id stands on paper (compendium/quiz/sheets.py)."""
    reader = PdfReader(path)
    return {str(name): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()}
