"""Bytes a phone downloads from the site behind its shipped nginx configuration (deploy/nginx.conf):
a first view of a page with an empty cache, then the next page (its footer link; the previous one on the last page), as nginx counts
them: headers and bodies of every request, the service worker's included.

    .venv/bin/python tools/phone_bytes.py SITE_DIR [PAGE ...]     (PAGE: e.g. index.html)

Without PAGE: the home page and the longest document page. Chromium with a phone's screen.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from compendium.nginx import serve

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "device_scale_factor": 2}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def settled(log: Path, quiet: float = 1.5, timeout: float = 30.0) -> list[tuple[int, str]]:
    """The log's (bytes, request) lines once nothing has been added for `quiet` seconds."""
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        if lines == last:
            break
        last = lines
        time.sleep(quiet)
    return [(int(line.split(" ", 1)[0]), line.split(" ", 2)[2]) for line in last or []]


def measure(browser, base: str, page_path: str, log: Path) -> None:
    """Print the bytes of a first view of `page_path` and of a click to the next page."""
    ctx = browser.new_context(**PHONE)
    try:
        page = ctx.new_page()
        log.write_text("")
        page.goto(base + page_path, wait_until="networkidle")
        first = settled(log)
        log.write_text("")
        link = page.locator("a.md-footer__link--next, a.md-footer__link--prev").last  # prev on the last page
        with page.expect_navigation(wait_until="networkidle"):
            link.evaluate("a => a.click()")
        after = settled(log)
        for name, lines, url in (("first view", first, page_path), ("next page", after, page.url[len(base):])):
            print(f"{name:10} {url}: {sum(b for b, _ in lines):>9,} bytes in {len(lines)} requests")
            for size, request in sorted(lines, reverse=True)[:8]:
                print(f"{'':12}{size:>9,}  {request}")
    finally:
        ctx.close()


def main(argv: list[str]) -> int:
    if not argv or not (Path(argv[0]) / "index.html").is_file():
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(argv[0])
    pages = argv[1:] or ["index.html", max((p for p in site.glob("part[0-9]/*.html") if p.name != "index.html"),
                                           key=lambda p: p.stat().st_size).relative_to(site).as_posix()]
    with tempfile.TemporaryDirectory() as tmp, serve(site, access_log=Path(tmp) / "sent.log") as origin, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for page_path in pages:
            measure(browser, origin + "/", page_path, Path(tmp) / "sent.log")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
