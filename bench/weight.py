"""Page weight: the bytes a phone downloads for a first view of a page, then for the next page.

Counted as nginx sends them: the access log of compendium.hosting.nginx.serve has `$bytes_sent` (headers
and body, gzip as on the wire) for every request, whoever makes it: the page, Material's search
worker and the site's service worker, which installs itself on a first view (over https, and on
localhost). Nothing in the page sees all of these: Resource Timing and a CDP session on the page
miss the workers' requests, and Playwright's `request.sizes()` reports a 0-byte body for a worker's
own script.
"""
from __future__ import annotations

import re

import time
from dataclasses import asdict, dataclass
from pathlib import Path

from playwright.sync_api import Browser

from bench.chromium import PHONE

# The footer's link to the next page, or to the previous one where the next is not a document
# (after the last document of the book comes the 指标目标表, which plain Material does not have).
_NEXT, _PREV = "a.md-footer__link--next", "a.md-footer__link--prev"
_DOCUMENT = re.compile(r"/part\d/(?!index\.html)[^/]+\.html$")
# Follow the page's first link to `target` (in the footer, or the navigation drawer that a phone
# keeps closed), as a click on it does.
_FOLLOW = """([target, click]) => {
  const link = [...document.querySelectorAll("a[href]")].find(a => a.href.split("#")[0] === target);
  if (link && click) link.click();
  return Boolean(link);
}"""


@dataclass(frozen=True)
class View:
    """What one page view transferred, request by request (bytes, request line), largest first."""

    url: str
    requests: list[tuple[int, str]]
    index_prefix: str  # the site's search folder as requested, e.g. /search/

    @property
    def bytes(self) -> int:
        return sum(size for size, _ in self.requests)

    @property
    def index_bytes(self) -> int:
        """Of which the search index: everything under the site's search/ folder."""
        return sum(size for size, request in self.requests if _path(request).startswith(self.index_prefix))

    @property
    def page_bytes(self) -> int:
        """Of which the page's own HTML (headers included)."""
        own = "/" + self.url.split("#")[0]
        return sum(size for size, request in self.requests if _path(request).endswith(own))

    def as_dict(self) -> dict:
        return {**asdict(self), "bytes": self.bytes, "index_bytes": self.index_bytes, "page_bytes": self.page_bytes}


def first_and_next(browser: Browser, base: str, log: Path, path: str, to: str | None = None,
                   follow: bool = True) -> tuple[View, View | None]:
    """A first view of `path` on a phone with an empty cache; then, if `follow`, a click on its
    link to `to` (by default the page its footer leads to). `log`: the server's access log."""
    prefix = "/" + base.split("/", 3)[3] + "search/"
    context = browser.new_context(**PHONE)  # a new context starts with an empty cache
    try:
        page = context.new_page()
        log.write_text("")
        page.goto(base + path, wait_until="networkidle")
        first = View(path, settled(log), prefix)
        if not follow:
            return first, None
        footer = [page.locator(s).first.evaluate("a => a.href.split('#')[0]") for s in (_NEXT, _PREV)
                  if page.locator(s).count()]
        target = base + to if to else next((u for u in footer if _DOCUMENT.search(u)), footer[0])
        if not page.evaluate(_FOLLOW, [target, False]):
            raise RuntimeError(f"{base + path} has no link to {target}")
        log.write_text("")
        with page.expect_navigation(wait_until="networkidle"):
            page.evaluate(_FOLLOW, [target, True])
        return first, View(page.url[len(base):], settled(log), prefix)
    finally:
        context.close()


def settled(log: Path, quiet: float = 1.5, timeout: float = 30.0) -> list[tuple[int, str]]:
    """The log's (bytes, request) lines, largest first, once nothing was added for `quiet` seconds
    (workers fetch after the page has loaded)."""
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        if lines == last:
            break
        last = lines
        time.sleep(quiet)
    # compendium.hosting.nginx logs: $bytes_sent $status "$request"
    entries = [(int(line.split(" ", 1)[0]), line.split(" ", 2)[2].strip('"')) for line in last or []]
    return sorted(entries, reverse=True)


def _path(request: str) -> str:
    """The path of a request line: GET /search/index.zh.js?v=1 HTTP/1.1 → /search/index.zh.js"""
    parts = request.split(" ")
    return parts[1].split("?")[0] if len(parts) > 1 else ""
