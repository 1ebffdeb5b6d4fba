#!/usr/bin/env python3
"""Find words in the source and say which page holds them: the first step of a correction.

Usage: tools/find_source.py WORDS [WORDS …]
Looks for WORDS in source/compilation.txt as the fidelity check reads it (spaces and line breaks of
the print ignored, so words that the print broke over two lines are found) and prints, for each
place: the source line (the number an errata entry's `line:` takes), the line as printed, the page
under docs/ whose source_lines hold it, and the line of that page's Markdown that holds the words
(when the page still has them). MAINTAINING.md, 第2节.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compendium import DOCS_DIR, SOURCE_TEXT  # noqa: E402
from compendium.book.fidelity import source_claims  # noqa: E402
from compendium.book.layout_repair import content_chars, is_artefact_line  # noqa: E402


def places(words: str, source: list[str]) -> list[int]:
    """Source lines where `words` start (whitespace and page-number lines ignored)."""
    text, origin = [], []
    for number, raw in enumerate(source, 1):
        if is_artefact_line(raw):
            continue
        chars = content_chars(raw)
        text.append(chars)
        origin += [number] * len(chars)
    joined, wanted = "".join(text), content_chars(words)
    found, at = [], joined.find(wanted)
    while wanted and at >= 0:
        found.append(origin[at])
        at = joined.find(wanted, at + 1)
    return found


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    words = " ".join(argv)
    source = SOURCE_TEXT.read_text(encoding="utf-8").splitlines()
    claims, _added = source_claims(DOCS_DIR)
    lines = places(words, source)
    if not lines:
        print(f"{words!r}: not in source/compilation.txt (try fewer words, without digits or punctuation)")
        return 1
    for n in lines:
        page = next((p for p, (a, b) in claims.items() if a <= n <= b), "")
        md = ""
        if page:
            for i, text in enumerate((DOCS_DIR / page).read_text(encoding="utf-8").splitlines(), 1):
                if content_chars(words) in content_chars(text.replace("**", "")):
                    md = f"docs/{page}:{i}"
                    break
        print(f"source line {n}: {source[n - 1].strip()}")
        print(f"  page: docs/{page}" + (f" (the words are on {md})" if md else " (the page no longer has these words)")
              if page else "  page: none claims this line")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
