#!/usr/bin/env python3
"""Set the study booklets in PDF: the whole compilation and one per part (run by tools/pdf.sh).

Usage: tools/pdf.py [--a4] [--out DIR] [NAME ...]   (NAME: compilation, compilation-part2 …)

Writes NAME.pdf and the HTML handed to WeasyPrint (NAME.html) into DIR (build/booklets), showing
which booklet and which document it is at. Stops before writing anything when the Chinese fonts
are missing (exit 2) or a page is bad (exit 1).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compendium import DOCS_DIR, ROOT  # noqa: E402
from compendium.booklet import (BOOKLETS_DIR, PAPERS, STYLESHEET, Edition, plan_booklets,  # noqa: E402
                                render_booklet, sources_digest)
from compendium.booklet_pdf import BookletError, check_fonts, write_pdf  # noqa: E402
from compendium.buildinfo import build_info  # noqa: E402
from compendium.downloads import human_size  # noqa: E402
from compendium.errors import PageError  # noqa: E402
from compendium.labels import load_labels  # noqa: E402
from compendium.pagehtml import PageRenderer, read_mkdocs_yml  # noqa: E402
from compendium.pages import load_documents  # noqa: E402
from compendium.vocabulary import load_vocabulary  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a4", action="store_true", help="A4 pages: the A5 booklet enlarged, page for page")
    ap.add_argument("--out", type=Path, default=ROOT / BOOKLETS_DIR, help=f"folder for the PDFs ({BOOKLETS_DIR})")
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
                      sources_digest(), "A4" if args.a4 else "A5")
    renderer, labels, css = PageRenderer(ROOT / "mkdocs.yml", DOCS_DIR, permalinks=False), load_labels(), STYLESHEET.read_text("utf-8")
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"pdf: {len(booklets)} booklets, {edition.paper}, version {edition.version}, into {args.out}", flush=True)
    started = time.monotonic()
    for i, booklet in enumerate(booklets, 1):
        clock = time.monotonic()
        print(f"[{i}/{len(booklets)}] {booklet.filename}: {booklet.title or edition.site_name} "
              f"({len(booklet.documents)} documents)", flush=True)
        try:
            html = render_booklet(booklet, edition, renderer, labels, css)
            (args.out / f"{booklet.name}.html").write_text(html, encoding="utf-8")
            starts = write_pdf(html, args.out / booklet.filename, _page_reporter(), PAPERS[edition.paper])
        except (BookletError, PageError) as err:
            print(f"\npdf: {booklet.filename}: {err}", file=sys.stderr)
            return 1
        _clear_line()
        for section in booklet.sections:
            print(f"    PDF page {starts.get(section.anchor, 0):>3}  {section.title}", flush=True)
        size = (args.out / booklet.filename).stat().st_size
        print(f"    {booklet.filename}: {human_size(size)}, {time.monotonic() - clock:.1f} s", flush=True)
    print(f"pdf: done in {time.monotonic() - started:.1f} s", flush=True)
    return 0


def _page_reporter():
    """Shows the page being laid out: in place on a terminal, every 25 pages otherwise.

    WeasyPrint lays the pages out again once the contents' page numbers are known: only the
    first pass is shown."""
    tty, seen = sys.stdout.isatty(), [0]

    def report(page: int) -> None:
        if page <= seen[0]:
            return
        seen[0] = page
        if tty:
            print(f"\r    laying out page {page}", end="", flush=True)
        elif page % 25 == 0:
            print(f"    laying out page {page}", flush=True)

    return report


def _clear_line() -> None:
    if sys.stdout.isatty():
        print("\r\033[K", end="")


if __name__ == "__main__":
    sys.exit(main())
