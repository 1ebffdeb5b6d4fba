"""Real Chromium and a real HTTP server for the browser tests and the search evaluation: the browser
as every test launches it, a page visited with the requests it made, a query typed into the search box."""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}


@contextlib.contextmanager
def chromium(playwright):
    """Debian's Chromium, launched as every test launches it."""
    if not CHROMIUM.exists():
        raise RuntimeError("Debian chromium is missing: run tools/test.sh as root, or apt-get install chromium")
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
    try:
        yield browser
    finally:
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request into the test output."""

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path):
    """The built site over HTTP on a free loopback port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


# --- pages in Chromium ----------------------------------------------------------------------


@contextlib.contextmanager
def visit(browser, url: str, **context):
    """A page opened at `url` in a fresh context, with the list of URLs it requested."""
    ctx = browser.new_context(**context)
    requests: list[str] = []
    try:
        page = ctx.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url, wait_until="networkidle")
        yield page, requests
    finally:
        ctx.close()


def search_finds(page, query: str, rel: str) -> bool:
    """Type `query` once into Material's search box: does a result link to `rel`?"""
    from playwright.sync_api import TimeoutError as Timeout
    found = ('() => [...document.querySelectorAll(".md-search-result__item a")].some('
             f'e => e.href.split("#")[0].split("?")[0].endsWith({rel!r}))')
    page.click("input.md-search__input")
    page.keyboard.type(query)
    try:
        page.wait_for_function(found, timeout=15_000)
        return True
    except Timeout:
        return False
