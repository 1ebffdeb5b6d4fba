#!/usr/bin/env python3
"""Check a release tag against the edition, before the release workflow builds anything.

Usage: tools/check_release_tag.py TAG [--notes FILE]
Exits 0 when TAG is v<the version of pyproject.toml> and that version is the newest entry of
data/revisions.yml (修订记录); otherwise prints why and what to do, and exits 1. --notes FILE writes
the entry as the release's notes (Markdown). See compendium/edition/release_tag.py.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compendium.book.errors import PageError  # noqa: E402
from compendium.book.labels import load_labels  # noqa: E402
from compendium.edition.build_info import project_version  # noqa: E402
from compendium.edition.release_tag import ReleaseTagError, check_release_tag, release_notes  # noqa: E402
from compendium.edition.revisions import load_revisions  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tag", help="the tag being released (v0.1.0)")
    ap.add_argument("--notes", type=Path, help="write the release's notes (its 修订记录 entry) to this file")
    args = ap.parse_args()
    version = project_version()
    try:
        entry = check_release_tag(args.tag, version, load_revisions())
    except (ReleaseTagError, PageError) as err:
        print(f"release: {args.tag} cannot be released: {err}", file=sys.stderr)
        return 1
    if args.notes:
        args.notes.parent.mkdir(parents=True, exist_ok=True)
        args.notes.write_text(release_notes(entry, load_labels()), encoding="utf-8")
    print(f"release: {args.tag} releases version {version}, its 修订记录 entry of {entry.date.isoformat()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
