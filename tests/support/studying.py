"""我的学习 in Chromium, for the study tests: the device's record, keyboard-only moves, the site
served from a folder whose contents a test can swap (a new edition at the same address)."""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

from support.browsing import PHONE

# A phone whose reader allowed the site to use the clipboard.
PHONE_CLIPBOARD = {**PHONE, "permissions": ["clipboard-read", "clipboard-write"]}

RECORD = """() => {
  const key = Object.keys(localStorage).find(k => k.startsWith('study '));
  return key ? JSON.parse(localStorage.getItem(key)) : null;
}"""
RAW_RECORD = "() => { const k = Object.keys(localStorage).find(k => k.startsWith('study ')); " \
             "return k ? localStorage.getItem(k) : null; }"


def record(page) -> dict | None:
    """The study record of the page's site in this browser, or None."""
    return page.evaluate(RECORD)


def items(page) -> list[dict]:
    """The record's items, in a stable order."""
    r = record(page) or {"items": {}}
    return sorted(r["items"].values(), key=lambda i: (i["page"], i["id"], i["kind"], i["text"]))


def tab_to(page, selector: str, limit: int = 1500, key: str = "Tab") -> None:
    """Press Tab (or `key`) until the focused element matches `selector`, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never took focus after {limit} presses of {key}")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder named by the server's `folder` (read at each request), quietly."""

    def __init__(self, *args, holder, **kwargs):
        super().__init__(*args, directory=str(holder["folder"]), **kwargs)

    def end_headers(self) -> None:
        # Revalidated at every visit, as the shipped nginx configuration has pages (a browser
        # would otherwise keep the first edition's pages a while on its own heuristics).
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def swappable_server(folder: Path):
    """An HTTP server on a free loopback port serving `folder`; yields (base URL, swap), where
    swap(other) serves another folder at the same address from then on (storage carries over)."""
    holder = {"folder": folder}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, holder=holder))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", lambda other: holder.update(folder=other)
    finally:
        httpd.shutdown()
        httpd.server_close()
