"""Search: the size of the index, and the time from the last keystroke to rendered results.

Latency is measured through the page's own search box, as a reader types: a key press per Latin
letter or digit; Chinese text arrives as an IME delivers it, inserted while the key that ends the
composition is down (here Shift), so that the search sees it on that key's release at the latest
(Material reads the box on `keyup`). In the page, a capturing `keydown` listener notes the time of
each keystroke and a MutationObserver on the result panel notes the first animation frame after
each change to it; the latency of a query is the last such frame minus the last keystroke, once
the panel has been quiet for a while.
"""
from __future__ import annotations

import gzip
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, TimeoutError as PlaywrightTimeout

from bench.chromium import DESKTOP

QUERIES_FILE = Path(__file__).with_name("queries.txt")
INPUT = "input.md-search__input"
RESULT_ITEM = ".md-search-result__item"
KEY_DELAY = 0.08  # seconds between keystrokes, a quick typist
_LATIN = re.compile(r"[\x20-\x7e]")

# Installed in the page once it has loaded (see the module docstring).
_PROBE = """() => {
  const panel = document.querySelector(".md-search-result");
  window.__bench = {key: 0, render: 0, changed: 0};
  document.addEventListener("keydown", () => { __bench.key = performance.now(); }, true);
  new MutationObserver(() => {
    __bench.changed = performance.now();
    requestAnimationFrame(() => { __bench.render = performance.now(); });
  }).observe(panel, {childList: true, subtree: true, characterData: true});
}"""


@dataclass(frozen=True)
class Latency:
    """Keystroke-to-results time of one query, and how many results it rendered."""

    query: str
    ms: float
    results: int


def load_queries(path: Path = QUERIES_FILE) -> list[str]:
    """The fixed queries, one a line; `#` starts a comment line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [q.strip() for q in lines if q.strip() and not q.lstrip().startswith("#")]


def index_sizes(site: Path) -> tuple[int, int]:
    """Bytes of the site's search index (every file in search/), raw and gzipped at nginx's level 6."""
    files = [p.read_bytes() for p in sorted((site / "search").iterdir()) if p.is_file()]
    return sum(map(len, files)), sum(len(gzip.compress(data, compresslevel=6)) for data in files)


def latencies(browser: Browser, url: str, queries: list[str]) -> list[Latency]:
    """Type each query into the search box of the page at `url`; one Latency per query."""
    context = browser.new_context(**DESKTOP)
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.click(INPUT)
        wait_for_index(page, queries[0])
        page.evaluate(_PROBE)
        return [_measure(page, q) for q in queries]
    finally:
        context.close()


def wait_for_index(page: Page, query: str, tries: int = 30) -> None:
    """Return once a search shows results, i.e. the worker has built the index.

    Material answers a query typed before its index is ready with nothing and does not re-run it,
    so the query is typed again until results appear.
    """
    for _ in range(tries):
        _type(page, query)
        try:
            page.wait_for_selector(RESULT_ITEM, timeout=2_000)
            _clear(page)
            return
        except PlaywrightTimeout:
            _clear(page)
    raise RuntimeError(f"search never showed results for {query!r} at {page.url}")


def median_and_worst(results: list[Latency]) -> tuple[float, float]:
    """Median and maximum latency in milliseconds."""
    times = [r.ms for r in results]
    return statistics.median(times), max(times)


def _measure(page: Page, query: str) -> Latency:
    """Type `query` into the cleared box and time its results."""
    _clear(page)
    _type(page, query)
    render = _wait_quiet(page)
    key = page.evaluate("__bench.key")
    if render <= key:
        raise RuntimeError(f"the search results did not change after typing {query!r}")
    return Latency(query, round(render - key, 1), page.locator(RESULT_ITEM).count())


def _type(page: Page, query: str) -> None:
    """Type like a reader: Latin characters key by key, Chinese runs as an IME commits them."""
    for run in re.findall(r"[\x20-\x7e]|[^\x20-\x7e]+", query):
        if _LATIN.fullmatch(run):
            page.keyboard.press(run if run != " " else "Space")
        else:  # the key that ends the composition goes down, the text comes in, the key comes up
            page.keyboard.down("Shift")
            page.keyboard.insert_text(run)
            page.keyboard.up("Shift")
        time.sleep(KEY_DELAY)


def _clear(page: Page) -> None:
    """Empty the search box the way a reader does, and let the panel settle."""
    if not page.input_value(INPUT):
        return
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    if page.evaluate("typeof __bench !== 'undefined'"):
        _wait_quiet(page)


def _wait_quiet(page: Page, quiet_ms: float = 300, timeout: float = 15.0) -> float:
    """Wait until the result panel has not changed for `quiet_ms`; the time of its last render."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = page.evaluate("[performance.now(), __bench.changed, __bench.render, __bench.key]")
        now, changed, render, key = state
        if changed > key and render >= changed and now - changed >= quiet_ms:
            return render
        time.sleep(0.05)
    raise RuntimeError(f"the search results did not settle within {timeout:.0f} s at {page.url}")
