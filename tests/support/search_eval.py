"""The search evaluation: reader queries typed into the site's own search box in Chromium.

Loads and checks the evaluation sets (tests/search/search_queries.yml, and the queries of issue 21
that need understanding, tests/search/search_queries_understanding.yml), opens the built site at phone width
over HTTP or from file://, types the queries one after another into Material's search box (a
query of the English edition, `lang: en`, on an English page) and scores the result list: hit@1
and hit@5, overall, by kind of query and by language.

Used by tests/search/test_search.py, and by hand against any built site:

    PYTHONPATH=tests .venv/bin/python -m support.search_eval site/ [--protocol http|file|both] [--misses]
"""
from __future__ import annotations

import argparse
import contextlib
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from support.browsing import PHONE, chromium, serve
from support.project import ROOT

QUERIES = ROOT / "tests" / "search" / "search_queries.yml"
UNDERSTANDING = ROOT / "tests" / "search" / "search_queries_understanding.yml"
DOCS = ROOT / "docs"
TARGETS = ROOT / "data" / "targets.yml"
TARGETS_EN = ROOT / "data" / "targets-en.yml"
KINDS = ("doc_no", "title", "phrase", "place", "company", "slogan", "mixed")
# The kinds of the second set: what readers mean rather than what the text says (issue 21).
UNDERSTANDING_KINDS = ("abbreviation", "question", "typo", "traditional", "place_subject", "answer")
# Each edition's home page, where its queries are typed, and a word that finds results there at once.
EDITIONS = {"zh": ("index.html", "发展"), "en": ("en/index.html", "development")}

# How long the result list must stay unchanged after it first changes to count as settled (one
# query reaches the worker, and Material draws its results at once), and how long to wait at most.
SETTLE_MS = 40
QUERY_TIMEOUT_MS = 10_000


# --- the evaluation set ------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """One query of the set: what is typed, its kind, the acceptable pages and why."""

    q: str
    kind: str
    expect: tuple[str, ...]
    evidence: str
    note: str = ""
    lang: str = "zh"  # the edition whose search box it is typed into


def load_queries(path: Path = QUERIES) -> list[Query]:
    """The queries of the evaluation set, in file order."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    return [Query(e["q"], e["kind"], tuple(e["expect"]), e["evidence"], e.get("note", ""), e.get("lang", "zh"))
            for e in entries]


def load_all() -> list[Query]:
    """Both sets: the first (what the text says), then the queries that need understanding."""
    return load_queries(QUERIES) + load_queries(UNDERSTANDING)


def page_source(url: str, docs: Path = DOCS) -> Path:
    """The Markdown a page is built from: an English page from its .en.md, or (a document) from
    the Chinese page, whose front matter holds its English title and summary."""
    rel = url[: -len(".html")]
    if rel.startswith("en/") and (docs / f"{rel[3:]}.en.md").is_file():
        return docs / f"{rel[3:]}.en.md"
    return docs / f"{rel.removeprefix('en/')}.md"


def page_words(url: str, docs: Path = DOCS) -> str:
    """The words of a page's Markdown (front matter included), without inline markup."""
    md = page_source(url, docs).read_text(encoding="utf-8")
    return re.sub(r"\*\*|\{[#:][^}]*\}|<[^>]+>", "", md)


def loose(text: str) -> str:
    """Text as a reader types it: half width, lower case, no spaces or punctuation."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).lower() if c.isalnum())


def check_queries(queries: list[Query], docs: Path = DOCS) -> list[str]:
    """Problems of the set: unknown kinds, missing pages, evidence not on a page, unrelated queries."""
    problems = []
    seen = Counter((q.lang, q.q) for q in queries)
    problems += [f"{q!r} ({lang}): listed {n} times" for (lang, q), n in seen.items() if n > 1]
    for query in queries:
        name = f"{query.q!r}"
        if query.kind in UNDERSTANDING_KINDS:
            problems += _check_understanding(query)
            continue
        if query.kind not in KINDS:
            problems.append(f"{name}: unknown kind {query.kind!r}")
        if not query.expect:
            problems.append(f"{name}: no expected page")
        if query.lang not in EDITIONS:
            problems.append(f"{name}: unknown language {query.lang!r}")
        for url in query.expect:
            if url.startswith("en/") != (query.lang == "en"):
                problems.append(f"{name}: {url} is not a page of the {query.lang} edition")
            elif not page_source(url, docs).is_file():
                problems.append(f"{name}: no page {url}")
            elif query.evidence not in page_words(url, docs):
                problems.append(f"{name}: {url} does not contain {query.evidence!r}")
        if query.kind == "doc_no":
            # The numbers typed are those of the 文号 (year, number), in its order.
            typed = re.findall(r"\d+", unicodedata.normalize("NFKC", query.q))
            printed = re.findall(r"\d+", query.evidence)
            if not typed or not _in_order(typed, printed):
                problems.append(f"{name}: its numbers are not those of {query.evidence!r}")
        elif not _in_order(list(loose(query.q)), list(loose(query.evidence))):
            problems.append(f"{name}: not the words of {query.evidence!r}")
    return problems


# Question words and particles a question query may add around the words of the text.
_QUESTION = re.compile(r"^(什么是|什么叫|如何|怎样|怎么|what is (the )?|what are )|"
                       r"(是什么意思|是什么|有哪些要求|有哪些|要达到多少|达到多少|多少|吗|呢|\?|？)+$", re.I)


def _check_understanding(query: Query, docs: Path = DOCS) -> list[str]:
    """Problems of a query of the second set (see the kinds in its file's header)."""
    name, problems = f"{query.q!r}", []
    if query.lang not in EDITIONS:
        return [f"{name}: unknown language {query.lang!r}"]
    if not query.expect:
        return [f"{name}: no expected page"]
    for url in query.expect:
        page, _, row = url.partition("#")
        if page.startswith("en/") != (query.lang == "en"):
            problems.append(f"{name}: {url} is not a page of the {query.lang} edition")
        elif page.removeprefix("en/").startswith("targets/"):
            problems += _check_row(query, page, row)
        elif not page_source(page, docs).is_file():
            problems.append(f"{name}: no page {page}")
        elif query.evidence not in page_words(page, docs):
            problems.append(f"{name}: {page} does not contain {query.evidence!r}")
    typed, evidence = loose(query.q), loose(query.evidence)
    if query.kind == "typo":
        if len(typed) < 4 or len(typed) != len(evidence) or sum(a != b for a, b in zip(typed, evidence)) != 1:
            problems.append(f"{name}: not {query.evidence!r} with one character wrong")
    elif query.kind == "traditional":
        if _simplified(query.q) == query.q or not _in_order(list(loose(_simplified(query.evidence))),
                                                            list(loose(_simplified(query.q)))):
            problems.append(f"{name}: not {query.evidence!r} in traditional characters")
    elif query.kind == "question":
        bare = query.q
        while (shorter := _QUESTION.sub("", bare).strip()) != bare:
            bare = shorter
        if bare == query.q.strip():
            problems.append(f"{name}: no question words")
    elif query.kind == "place_subject":
        if evidence not in typed and loose(query.evidence.replace("·", "")) not in typed:
            problems.append(f"{name}: does not name the subject {query.evidence!r}")
    elif query.kind == "answer" and not all("#" in u for u in query.expect):
        problems.append(f"{name}: an answer is a target's row (targets/<sector>.html#<id>)")
    return problems


def _simplified(text: str) -> str:
    """Text in simplified characters (OpenCC's t2s, as the site's mapping is made)."""
    import opencc
    return opencc.OpenCC("t2s").convert(text)


def _check_row(query: Query, page: str, row: str) -> list[str]:
    """An expected target row: the target exists, on its sector's page, with the evidence as its
    indicator (in English, its key's name)."""
    name = f"{query.q!r}"
    targets = {}
    for entry in yaml.safe_load(TARGETS.read_text(encoding="utf-8")):
        for t in entry["targets"]:
            targets[t["id"]] = {**{k: v for k, v in entry.items() if k != "targets"}, **t}
    english = yaml.safe_load(TARGETS_EN.read_text(encoding="utf-8"))["indicators"]
    if not row:
        return [] if query.kind != "answer" else [f"{name}: {page}: which row?"]
    t = targets.get(row)
    if t is None:
        return [f"{name}: no target {row!r} in data/targets.yml"]
    if page.removeprefix("en/") != f"targets/{t['sector']}.html":
        return [f"{name}: target {row} is on targets/{t['sector']}.html, not {page}"]
    indicator = english.get(t["key"], "") if query.lang == "en" else t["indicator"]
    if query.evidence != indicator:
        return [f"{name}: target {row}'s indicator is {indicator!r}, not {query.evidence!r}"]
    return []


def _in_order(items: list[str], within: list[str]) -> bool:
    """True if every item occurs in `within`, in the same order."""
    rest = iter(within)
    return all(any(item == other for other in rest) for item in items)


# --- typing into the site's search box ---------------------------------------------------------

# Records every change of the result list (its count and the time of the last), so that the
# runner can wait until the results of the whole query are shown; and when text last came into
# the box and when the list first changed after it (keystroke to results).
_WATCH = """() => {
  const box = document.querySelector(".md-search-result");
  window.__searchChanges = 0; window.__searchChanged = performance.now();
  window.__searchTyped = null; window.__searchShown = null;
  document.querySelector("input.md-search__input").addEventListener("input", () => {
    window.__searchTyped = performance.now(); window.__searchShown = null;
  }, true);
  new MutationObserver(() => {
    window.__searchChanges++; window.__searchChanged = performance.now();
    if (window.__searchShown === null) window.__searchShown = window.__searchChanged;
  }).observe(box, {childList: true, subtree: true, characterData: true});
}"""
_LATENCY = """() => window.__searchShown === null || window.__searchTyped === null
  ? null : window.__searchShown - window.__searchTyped"""
_SETTLED = """([changes, settle]) => window.__searchChanges > changes
  && performance.now() - window.__searchChanged >= settle"""
_RESULTS = """() => [...document.querySelectorAll(".md-search-result__item")]
  .map(li => li.querySelector("a.md-search-result__link")?.href || "")"""
_SELECT = """() => { document.querySelector("input.md-search__input").select(); return window.__searchChanges; }"""


@dataclass(frozen=True)
class Outcome:
    """What one query brought back: the pages of the result groups, in order."""

    query: Query
    pages: tuple[str, ...]
    latency_ms: float | None = None  # from the text coming into the box to the list changing
    links: tuple[str, ...] = ()  # the first link of each group, site-relative, with its #fragment

    @property
    def rank(self) -> int | None:
        """Position (1-based) of the first expected page among the results, None if absent; an
        expected URL with a #fragment (a target row) must be the group's first link."""
        for i, (page, link) in enumerate(zip(self.pages, self.links or self.pages), 1):
            if page in self.query.expect or link in self.query.expect:
                return i
        return None


def open_search(page) -> bool:
    """Open the search box as a reader on a phone does, by the magnifier; False if there is none."""
    page.locator("label.md-header__button[for='__search']").first.click()
    box = page.locator("input.md-search__input")
    try:
        box.wait_for(state="visible", timeout=5_000)
    except Exception as err:  # Material hides search when its worker cannot start
        if type(err).__name__ != "TimeoutError":
            raise
        return False
    page.evaluate(_WATCH)
    return True


def type_query(page, text: str, timeout_ms: int = QUERY_TIMEOUT_MS) -> list[str]:
    """Replace the box's text with `text` and return the result links once the list has settled.

    As a phone's input method does: the text is committed at once (one input event, no key
    events for the characters), then a key is released (End here), which is when Material reads
    the box. So each query reaches the worker once, and the first results after it are its own.
    """
    changes = page.evaluate(_SELECT)
    if text:
        page.keyboard.insert_text(text)
    else:
        page.keyboard.press("Backspace")
    page.keyboard.press("End")
    try:
        page.wait_for_function(_SETTLED, arg=[changes, SETTLE_MS], timeout=timeout_ms, polling=25)
    except Exception as err:  # a query that changes nothing: no results
        if type(err).__name__ != "TimeoutError":
            raise
    return page.evaluate(_RESULTS)


def last_latency(page) -> float | None:
    """Milliseconds from the last text coming into the box to the result list changing (None if it did not)."""
    return page.evaluate(_LATENCY)


def site_page(href: str, base: str, fragment: bool = False) -> str:
    """A result link as a site-relative page URL: no query, and no fragment unless asked for."""
    parts = urlsplit(href)
    path = parts._replace(query="", fragment="").geturl()
    path = unquote(path[len(base):]) if path.startswith(base) else path
    return path + (f"#{parts.fragment}" if fragment and parts.fragment else "")


def warm_up(page, word: str, tries: int = 10) -> bool:
    """Type a common word until results come: Material's search may miss queries typed early."""
    for _ in range(tries):
        if type_query(page, word, timeout_ms=2_000):
            return True
    return False


def run_queries(page, base: str, queries: list[Query]) -> list[Outcome]:
    """Type every query one after another into the open search box; what each brought back."""
    outcomes = []
    for query in queries:
        links = type_query(page, query.q)
        latency = last_latency(page)
        outcomes.append(Outcome(query, tuple(site_page(h, base) for h in links), latency,
                                tuple(site_page(h, base, fragment=True) for h in links)))
    return outcomes


# --- scores ------------------------------------------------------------------------------------


def hit_rate(outcomes: list[Outcome], k: int) -> float:
    """Share of queries whose first expected page is among the first k results."""
    hits = sum(1 for o in outcomes if o.rank is not None and o.rank <= k)
    return hits / len(outcomes) if outcomes else 0.0


def latency(outcomes: list[Outcome]) -> str:
    """Keystroke to results: the first query (it may wait for the index), then median and worst."""
    times = [o.latency_ms for o in outcomes if o.latency_ms is not None]
    if len(times) < 2:
        return "keystroke to results: not measured"
    rest = sorted(times[1:])
    return (f"keystroke to results: first {times[0]:.0f} ms; then median {rest[len(rest) // 2]:.0f} ms, "
            f"worst {rest[-1]:.0f} ms ({len(rest)} queries)")


def report(outcomes: list[Outcome], label: str, misses: bool = True) -> str:
    """hit@1 and hit@5 overall and by kind; with `misses`, the queries not first, with their top results."""
    lines = [f"{label}: hit@1 {hit_rate(outcomes, 1):.1%}  hit@5 {hit_rate(outcomes, 5):.1%}  "
             f"({len(outcomes)} queries)"]
    for kind in KINDS + UNDERSTANDING_KINDS:
        part = [o for o in outcomes if o.query.kind == kind]
        if part:
            lines.append(f"  {kind:13} {len(part):3}  hit@1 {hit_rate(part, 1):6.1%}  hit@5 {hit_rate(part, 5):6.1%}")
    languages = list(dict.fromkeys(o.query.lang for o in outcomes))
    for lang in languages if len(languages) > 1 else ():
        part = [o for o in outcomes if o.query.lang == lang]
        lines.append(f"  lang {lang:3} {len(part):3}  hit@1 {hit_rate(part, 1):6.1%}  hit@5 {hit_rate(part, 5):6.1%}")
    if misses:
        for o in outcomes:
            if o.rank != 1:
                lines.append(f"  rank {o.rank or '-':>2}  {o.query.q!r} → {', '.join(o.pages[:3]) or '(nothing)'}")
    return "\n".join(lines)


# --- the whole evaluation --------------------------------------------------------------------


def evaluate(browser, base: str, queries: list[Query], requests: list[str] | None = None, warm: bool = True
             ) -> tuple[list[Outcome], bool]:
    """Open each edition's home page at `base` on a phone, search its queries; outcomes (by
    edition, in file order) and whether each warmed up.

    The URLs the pages request are added to `requests`, if given. Without `warm`, the first query
    of an edition is the first typed (its latency then includes loading the index).
    """
    outcomes, ready = [], True
    for lang in dict.fromkeys(q.lang for q in queries):
        mine = [q for q in queries if q.lang == lang]
        home, word = EDITIONS[lang]
        context = browser.new_context(**PHONE)
        try:
            page = context.new_page()
            if requests is not None:
                page.on("request", lambda r: requests.append(r.url))
            page.goto(base + home, wait_until="load")
            if not open_search(page):
                outcomes += [Outcome(q, ()) for q in mine]
                ready = False
                continue
            ready = (warm_up(page, word) if warm else True) and ready
            outcomes += run_queries(page, base, mine)
        finally:
            context.close()
    return outcomes, ready


def main(argv: list[str] | None = None) -> int:
    """Command line: evaluate a built site and print the scores."""
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="folder of the built site")
    parser.add_argument("--protocol", choices=("http", "file", "both"), default="both")
    parser.add_argument("--misses", action="store_true", help="list the queries not found first")
    parser.add_argument("--no-warm-up", dest="warm", action="store_false",
                        help="type the set at once, without waiting for results of a first query")
    args = parser.parse_args(argv)
    queries = load_all()
    if problems := check_queries(queries):
        print("\n".join(problems), file=sys.stderr)
        return 1
    site = args.site.resolve()
    with sync_playwright() as p, chromium(p) as browser:
        for protocol in ("http", "file"):
            if args.protocol not in (protocol, "both"):
                continue
            with serve(site) if protocol == "http" else contextlib.nullcontext(site.as_uri() + "/") as base:
                started = time.monotonic()
                outcomes, ready = evaluate(browser, base, queries, warm=args.warm)
                label = f"{protocol} ({time.monotonic() - started:.0f} s{'' if ready else ', never ready'})"
                print(report(outcomes, label, args.misses))
                print("  " + latency(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
