#!/usr/bin/env python3
"""Set the study booklets in PDF: the whole compilation and one per part (run by tools/pdf.sh).

Usage: tools/pdf.py [--a4] [--out DIR] [--jobs N] [NAME ...]   (NAME: compilation, compilation-part2 …)

Writes NAME.pdf and the HTML handed to WeasyPrint (NAME.html) into DIR (build/booklets), one
booklet per processor at a time, showing which booklet is at which page and, once it is done,
the page each document starts on. After the whole book (compilation.pdf), the 自测 question
sheets (quiz.pdf), whose answer key gives the page of compilation.pdf where each source stands.
Stops before writing anything when the Chinese fonts are missing (exit 2) or a page is bad (exit 1).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compendium import DOCS_DIR, ROOT  # noqa: E402
from compendium.book.errors import PageError  # noqa: E402
from compendium.book.labels import load_labels  # noqa: E402
from compendium.book.pages import load_documents  # noqa: E402
from compendium.book.vocabulary import load_vocabulary  # noqa: E402
from compendium.booklets.booklet_html import (BOOKLETS_DIR, PAPERS, STYLESHEET, WHOLE, Booklet, Edition,  # noqa: E402
                                              plan_booklets, render_booklet, sources_digest)
from compendium.booklets.booklet_pdf import BookletError, check_fonts, named_pages, write_pdf  # noqa: E402
from compendium.booklets.page_html import PageRenderer, read_mkdocs_yml  # noqa: E402
from compendium.downloads.downloads_page import human_size  # noqa: E402
from compendium.edition.build_info import build_info  # noqa: E402
from compendium.quiz.load import load_bank  # noqa: E402
from compendium.quiz.sheets import locate, plan_sheet, printed_pages, render_sheet  # noqa: E402

QUIZ = "quiz.pdf"  # the question sheets, set after the whole book (compendium/quiz/sheets.py)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a4", action="store_true", help="A4 pages: the A5 booklet enlarged, page for page")
    ap.add_argument("--out", type=Path, default=ROOT / BOOKLETS_DIR, help=f"folder for the PDFs ({BOOKLETS_DIR})")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="booklets set at once (processors)")
    ap.add_argument("names", nargs="*", help="only these booklets (compilation, compilation-part1 …)")
    args = ap.parse_args()
    try:
        check_fonts()
        vocab = load_vocabulary()
        booklets = plan_booklets(load_documents(DOCS_DIR, vocab), vocab, DOCS_DIR)
    except BookletError as err:
        print(f"pdf: {err}", file=sys.stderr)
        return 2
    except PageError as err:
        print(f"pdf: bad page: {err}", file=sys.stderr)
        return 1
    unknown = set(args.names) - {b.name for b in booklets}
    if unknown:
        print(f"pdf: no booklet {', '.join(sorted(unknown))}; there are {', '.join(b.name for b in booklets)}",
              file=sys.stderr)
        return 1
    booklets = [b for b in booklets if not args.names or b.name in args.names]

    config = read_mkdocs_yml(ROOT / "mkdocs.yml")
    build = build_info()
    edition = Edition(config["site_name"], config.get("copyright", ""), build["version"], build["date"],
                      sources_digest(), "A4" if args.a4 else "A5", os.environ.get("SITE_URL", ""))
    args.out.mkdir(parents=True, exist_ok=True)
    jobs = max(1, min(args.jobs, len(booklets)))
    print(f"pdf: {len(booklets)} booklets, {edition.paper}, version {edition.version}, {jobs} at a time, "
          f"into {args.out}", flush=True)
    started = time.monotonic()
    with ProcessPoolExecutor(jobs) as pool:
        # The whole book first: it is the longest, the parts share the other processor meanwhile.
        pending = {pool.submit(make_booklet, b, edition, args.out): b for b in booklets}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                booklet = pending.pop(future)
                try:
                    starts, seconds = future.result()
                except BookletError as err:
                    for other in pending:
                        other.cancel()
                    print(f"pdf: {booklet.filename}: {err}", file=sys.stderr)
                    return 1
                report(booklet, starts, seconds, args.out)
    if any(b.name == WHOLE for b in booklets):  # the question sheets need the whole book's pages
        try:
            make_quiz(args.out, edition)
        except (BookletError, PageError) as err:
            print(f"pdf: {QUIZ}: {err}", file=sys.stderr)
            return 1
    print(f"pdf: done in {time.monotonic() - started:.1f} s", flush=True)
    return 0


def make_quiz(out: Path, edition: Edition) -> None:
    """quiz.pdf: the question sheets by part and the answer key, whose page numbers are where each
    source stands in compilation.pdf (set just before), as that booklet prints them."""
    clock = time.monotonic()
    labels, vocab = load_labels(), load_vocabulary()
    documents = {d.path: d for d in load_documents(DOCS_DIR, vocab)}
    bank = load_bank(documents, vocab, labels)
    located = locate(bank.questions, (out / f"{WHOLE}.html").read_text(encoding="utf-8"))
    pages = printed_pages(located, named_pages(out / f"{WHOLE}.pdf"))
    title = f"{edition.site_name} · {labels('quiz.sheet_title')}"
    html = render_sheet(plan_sheet(bank.questions, labels), pages, labels, title, edition.version,
                        (ROOT / "booklet" / "quiz.css").read_text(encoding="utf-8"), edition.sources)
    (out / "quiz.html").write_text(html, encoding="utf-8")
    write_pdf(html, out / QUIZ, _page_reporter(QUIZ), PAPERS[edition.paper])
    size = (out / QUIZ).stat().st_size
    print(f"[{QUIZ}] done: {len(bank.questions)} questions, {human_size(size)}, "
          f"{time.monotonic() - clock:.1f} s", flush=True)


# --- one booklet (in a worker process) -------------------------------------------------------


def make_booklet(booklet: Booklet, edition: Edition, out: Path) -> tuple[dict[str, int], float]:
    """Write one booklet's HTML and PDF; return where each section starts and the seconds taken."""
    clock = time.monotonic()
    print(f"[{booklet.filename}] {booklet.title or edition.site_name} ({len(booklet.documents)} documents)",
          flush=True)
    try:
        html = render_booklet(booklet, edition, _renderer(), load_labels(), STYLESHEET.read_text("utf-8"))
        (out / f"{booklet.name}.html").write_text(html, encoding="utf-8")
        starts = write_pdf(html, out / booklet.filename, _page_reporter(booklet.filename), PAPERS[edition.paper])
    except PageError as err:  # its arguments do not survive the way back from a worker process
        raise BookletError(f"bad page: {err}") from None
    return starts, time.monotonic() - clock


@cache
def _renderer() -> PageRenderer:
    """The pages' renderer, one per process."""
    return PageRenderer(ROOT / "mkdocs.yml", DOCS_DIR, paper=True)


def _page_reporter(filename: str):
    """Shows every 25th page laid out. WeasyPrint lays pages out again once the contents' page
    numbers are known: only the first pass is shown."""
    seen = [0]

    def report(page: int) -> None:
        if page > seen[0]:
            seen[0] = page
            if page % 25 == 0:
                print(f"[{filename}] laying out page {page}", flush=True)

    return report


def report(booklet: Booklet, starts: dict[str, int], seconds: float, out: Path) -> None:
    """A finished booklet: the PDF page each section starts on, its size and time."""
    size = (out / booklet.filename).stat().st_size
    print(f"[{booklet.filename}] done: {human_size(size)}, {seconds:.1f} s", flush=True)
    for section in booklet.sections:
        print(f"    PDF page {starts.get(section.anchor, 0):>3}  {section.title}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
