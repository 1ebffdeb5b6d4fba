#!/usr/bin/env python3
"""Print the fidelity of the built site (site/) to the source, page by page.

Usage: tools/fidelity_report.py [--site site] [--verbose] [PAGE ...]
Build first (mkdocs build). Exits 1 unless 100% of the source is accounted for and no page has a
problem. The pytest test tests/book/test_fidelity.py runs the same check.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compendium import DOCS_DIR, ROOT, SOURCE_TEXT  # noqa: E402
from compendium.book.errata import load_errata  # noqa: E402
from compendium.book.fidelity import check_site  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("pages", nargs="*", help="only these pages (e.g. part2/5g-development.md)")
    args = ap.parse_args()
    result = check_site(args.site, DOCS_DIR, SOURCE_TEXT.read_text(encoding="utf-8").splitlines(), load_errata())
    for r in result.reports:
        if args.pages and r.path not in args.pages:
            continue
        if not r.ok or args.verbose:
            print(f"{r.path} (lines {r.lines[0]}-{r.lines[1]}): {r.matched}/{r.expected}")
            for finding in r.findings():
                print(f"  {finding}")
    for line in result.uncovered:
        print(f"source line {line} is on no page")
    print(result.summary())
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
