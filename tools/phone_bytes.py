"""Bytes a phone downloads from the site behind its shipped nginx configuration (deploy/nginx.conf):
a first view of a page with an empty cache, then the next page (its footer link; the previous one on
the last page), as nginx counts them: headers and bodies of every request, the service worker's
included. The counting is the benchmark's (bench/weight.py); this prints it request by request.

    .venv/bin/python tools/phone_bytes.py SITE_DIR [PAGE ...]     (PAGE: e.g. index.html)

Without PAGE: the home page and the longest document page. Chromium with a phone's screen.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.chromium import chromium  # noqa: E402
from bench.pages import HOME, longest_document  # noqa: E402
from bench.weight import first_and_next  # noqa: E402
from compendium.hosting.nginx import SITE_PATH, serve, served_path  # noqa: E402


def main(argv: list[str]) -> int:
    if not argv or not (Path(argv[0]) / "index.html").is_file():
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(argv[0])
    pages = argv[1:] or [HOME, longest_document(site)]
    shipped = (site / SITE_PATH).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp, serve(site, shipped, Path(tmp) / "sent.log") as origin, \
            chromium() as browser:
        for page_path in pages:
            views = first_and_next(browser, origin + served_path(shipped), Path(tmp) / "sent.log", page_path)
            for name, view in zip(("first view", "next page"), views):
                print(f"{name:10} {view.url}: {view.bytes:>9,} bytes in {len(view.requests)} requests")
                for size, request in view.requests:
                    print(f"{'':12}{size:>9,}  {request}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
