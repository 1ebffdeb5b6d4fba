"""Page weight: the bytes a phone downloads for a first view of a page, then for the next page.

The bytes are the Resource Timing API's `transferSize` of every entry of the page (its navigation
and its resources) and of each of its workers: the encoded (gzip) body plus the response headers
(Chromium counts a flat 300 bytes for them), 0 for a response the cache served. Not CDP's
`Network.loadingFinished.encodedDataLength`: a CDP session on the page does not see the requests of
a dedicated worker (Material's search worker script and the lunr scripts it imports). Not
Playwright's `request.sizes()`: it reports a 0-byte body for a worker's own script.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass

from playwright.sync_api import Browser, Page

from bench.chromium import PHONE

_ENTRIES = """() => [...performance.getEntriesByType("navigation"),
                     ...performance.getEntriesByType("resource")]
                    .map(e => [e.name, e.transferSize])"""
# The footer's link to the next page; the previous one on the last page of the book.
_NEXT, _PREV = "a.md-footer__link--next", "a.md-footer__link--prev"
# Follow the page's first link to `target` (in the footer, or the navigation drawer that a phone
# keeps closed), as a click on it does.
_FOLLOW = """([target, click]) => {
  const link = [...document.querySelectorAll("a[href]")].find(a => a.href.split("#")[0] === target);
  if (link && click) link.click();
  return Boolean(link);
}"""


@dataclass(frozen=True)
class View:
    """What one page view transferred."""

    url: str
    bytes: int
    index_bytes: int  # of which the search index (search/*.json)
    requests: int  # requests that went to the network (not served by the cache)

    def as_dict(self) -> dict:
        return asdict(self)


def first_and_next(browser: Browser, base: str, path: str, to: str | None = None,
                   follow: bool = True) -> tuple[View, View | None]:
    """A first view of `path` on a phone with an empty cache; then, if `follow`, a click on its
    link to `to` (by default the page its footer leads to) and what that view transferred."""
    context = browser.new_context(**PHONE)  # a new context starts with an empty cache
    try:
        page = context.new_page()
        page.goto(base + path, wait_until="networkidle")
        first = settled_view(page, base)
        if not follow:
            return first, None
        target = base + to if to else page.locator(_NEXT if page.locator(_NEXT).count() else _PREV).first \
            .evaluate("a => a.href.split('#')[0]")
        if not page.evaluate(_FOLLOW, [target, False]):
            raise RuntimeError(f"{base + path} has no link to {target}")
        with page.expect_navigation(wait_until="networkidle"):
            page.evaluate(_FOLLOW, [target, True])
        return first, settled_view(page, base)
    finally:
        context.close()


def settled_view(page: Page, base: str, quiet: float = 1.0, timeout: float = 20.0) -> View:
    """The page's transfers once nothing new has arrived for `quiet` seconds (workers load late)."""
    deadline = time.monotonic() + timeout
    last = _entries(page)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = _entries(page)
        if now == last:
            break
        last = now
    loaded = [(url, size) for url, size in last if size > 0]
    index = sum(size for url, size in loaded if _is_search_index(url, base))
    return View(page.url[len(base):], sum(size for _, size in loaded), index, len(loaded))


def _entries(page: Page) -> list[tuple[str, int]]:
    """(URL, bytes transferred) of every entry of the page and of its workers."""
    entries = page.evaluate(_ENTRIES)
    for worker in page.workers:
        entries += worker.evaluate(_ENTRIES)
    return sorted((url, int(size)) for url, size in entries)


def _is_search_index(url: str, base: str) -> bool:
    """True for the search index files of the site (search/search_index.json and the like)."""
    path = url[len(base):].split("?")[0] if url.startswith(base) else ""
    return path.startswith("search/") and path.endswith(".json")
