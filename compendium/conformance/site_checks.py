"""Conformance of a built site: links and anchors, heading outlines, and the field's checkers.

Everything here reads built HTML and returns findings; nothing changes the site. The tests run it
over every page (tests/conformance/test_conformance.py): the link and heading checks are done here in Python,
the Nu HTML Checker (vnu) and axe-core run outside and their reports are turned into the same
findings here, so that every failure names the page, the rule and the element.
"""
from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

# --- findings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One problem: the page (site-relative), the rule broken, the element, what is wrong."""

    page: str
    rule: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.page}: {self.rule}: {self.message} — {self.where}"


def report(findings: list[Finding], pages: int, limit: int = 60) -> str:
    """Summary for a failing test: counts by rule with pages affected, then the findings one a line."""
    by_rule: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for f in findings:
        by_rule[f.rule].add(f.page)
        counts[f.rule] += 1
    affected = len({f.page for f in findings})
    lines = [f"{len(findings)} problems on {affected} of {pages} pages"]
    lines += [f"  {rule}: {counts[rule]} on {len(by_rule[rule])} pages"
              for rule in sorted(counts, key=lambda r: (-counts[r], r))]
    lines += [str(f) for f in findings[:limit]]
    if len(findings) > limit:
        lines.append(f"… and {len(findings) - limit} more")
    return "\n".join(lines)


def snippet(html: str, width: int = 160) -> str:
    """An element's HTML on one line, cut to `width` characters."""
    one_line = " ".join(html.split())
    return one_line if len(one_line) <= width else one_line[: width - 1] + "…"


# --- pages -----------------------------------------------------------------------------------


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as sorted site-relative paths (`part1/x.html`)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def sample_by_kind(site: Path, pages: list[str], per_folder: int = 2) -> list[str]:
    """A few pages of every kind: each top-level page, each folder's index and its largest pages.

    Pages of one folder are of one kind (a part's documents, the indexes); the largest hold the most
    kinds of elements (tables, boxes, remarks). Top-level pages (home, edition pages, 404) are
    each of their own kind.
    """
    folders: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        folders[posixpath.dirname(page)].append(page)
    sample = list(folders.pop("", []))
    for folder, members in sorted(folders.items()):
        index = [p for p in members if posixpath.basename(p) == "index.html"]
        others = sorted((p for p in members if p not in index), key=lambda p: -(site / p).stat().st_size)
        sample += index + others[:per_folder]
    return sorted(sample)


def parse(html: str) -> BeautifulSoup:
    """A page parsed the way the checks read it."""
    return BeautifulSoup(html, "html.parser")


# --- links and anchors -----------------------------------------------------------------------

# Attributes that point to another resource.
LINK_ATTRIBUTES = ("href", "src")


def resolve_link(page: str, url: str) -> tuple[str, str] | None:
    """The site path and fragment that `url` on `page` points to; None if it leaves the site.

    `page` and the result are site-relative (`part1/x.html`); a URL starting with / is taken from
    the site root (the 404 page uses those); a link to the page itself gives the page's own path.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    base = "" if path.startswith("/") else posixpath.dirname(page)
    target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
    if path.endswith("/"):
        target += "/"
    return target, unquote(parts.fragment)


def page_links(html: BeautifulSoup) -> list[tuple[str, str]]:
    """Every (url, element) a page points to through href or src, in document order."""
    found = []
    for el in html.find_all(True):
        for attr in LINK_ATTRIBUTES:
            if (value := el.get(attr)) is not None:
                found.append((value, snippet(str(el))))
    return found


def element_ids(html: BeautifulSoup) -> set[str]:
    """Ids a fragment can point to on a page."""
    return {el["id"] for el in html.find_all(id=True)}


def link_findings(site: Path, pages: list[str]) -> list[Finding]:
    """Links and fragments of every page that point inside the site but to nothing there."""
    parsed = {p: parse((site / p).read_text(encoding="utf-8")) for p in pages}
    ids = {p: element_ids(h) for p, h in parsed.items()}
    findings = []
    for page, html in parsed.items():
        for url, element in page_links(html):
            if (resolved := resolve_link(page, url)) is None:
                continue
            target, fragment = resolved
            problem = _link_problem(site, target, fragment, ids)
            if problem:
                findings.append(Finding(page, problem[0], element, f"{url!r} {problem[1]}"))
    return findings


def _link_problem(site: Path, target: str, fragment: str, ids: dict[str, set[str]]) -> tuple[str, str] | None:
    """(rule, message) when `target#fragment` is missing from the site, else None."""
    if target.startswith("../") or target == "..":
        return "broken-link", "points above the site root"
    if target.endswith("/") or (site / target).is_dir():
        return "broken-link", "points to a folder, not a file (does not open from file://)"
    if not (site / target).is_file():
        return "broken-link", f"points to {target}, which is not in the site"
    if fragment and target.endswith(".html") and fragment not in ids.get(target, set()):
        if target not in ids:
            return "broken-link", f"points to {target}, which is not a page of the site"
        return "broken-fragment", f"points to #{fragment}, which is no id on {target}"
    return None


# --- headings --------------------------------------------------------------------------------

_HEADING = re.compile(r"^h([1-6])$")


def heading_outline(html: BeautifulSoup) -> list[tuple[int, str]]:
    """The page's headings in document order: (level, text)."""
    return [(int(el.name[1]), " ".join(el.get_text(" ").split())) for el in html.find_all(_HEADING)]


def heading_findings(page: str, html: BeautifulSoup) -> list[Finding]:
    """Exactly one h1 and no skipped level (h2 → h4), over the whole page."""
    outline = heading_outline(html)
    findings = []
    h1 = [text for level, text in outline if level == 1]
    if len(h1) != 1:
        findings.append(Finding(page, "one-h1", f"h1: {h1}", f"{len(h1)} h1 headings instead of exactly one"))
    previous = 0
    for level, text in outline:
        if level > previous + 1:
            expected = f"h{previous}" if previous else "the start of the page"
            findings.append(Finding(page, "heading-skip", f"<h{level}> {text}",
                                    f"h{level} follows {expected}: level h{previous + 1} is skipped"))
        previous = level
    return findings


# --- external checkers -----------------------------------------------------------------------

VNU_FAILING = {"error", "non-document-error"}


def vnu_findings(report_json: dict, site: Path) -> list[Finding]:
    """Errors of a Nu HTML Checker JSON report (`--format json`) over `site`."""
    findings = []
    for m in report_json.get("messages", []):
        if m.get("type") not in VNU_FAILING:
            continue
        page = _site_path(m.get("url", ""), site)
        where = f"line {m.get('lastLine', '?')}: {snippet(m.get('extract', ''))}"
        findings.append(Finding(page, "vnu", where, m.get("message", "")))
    return findings


def vnu_checked(verbose_output: str, site: Path) -> list[str]:
    """Pages the checker says it checked (`--verbose` prints one path a line)."""
    return sorted(_site_path(line.strip(), site) for line in verbose_output.splitlines() if line.strip())


def axe_findings(page: str, results: dict) -> list[Finding]:
    """Violations of an axe-core `axe.run` result, one finding per element."""
    findings = []
    for v in results.get("violations", []):
        for node in v.get("nodes", []):
            target = " ".join(str(t) for t in node.get("target", []))
            detail = _axe_detail(node.get("failureSummary", ""))
            findings.append(Finding(page, v["id"], f"{target} {snippet(node.get('html', ''))}",
                                    f"{v.get('help', '')}: {detail}" if detail else v.get("help", "")))
    return findings


def _site_path(url: str, site: Path) -> str:
    """A checker's file URL or path as a site-relative path."""
    path = re.sub(r"^file:(//)?", "", url)
    root = site.as_posix().rstrip("/") + "/"
    return path[len(root):] if path.startswith(root) else path


def _axe_detail(summary: str) -> str:
    """What axe found wrong with an element: its failure summary without the "Fix …:" headers."""
    lines = [line.strip() for line in summary.splitlines() if line.strip()]
    return " ".join(line for line in lines if not line.startswith("Fix "))
