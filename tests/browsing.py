"""Real Chromium and a real HTTP server for the browser tests and the search evaluation."""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "device_scale_factor": 2}


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
