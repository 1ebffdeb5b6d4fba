"""Offline reading on phones: the manifest of the service worker, and what pages show of it.

The build writes the manifest of the finished site (every file a reader may need, with a hash of
its content and its size) into sw.js, so that the worker keeps exactly one edition and a new
edition replaces exactly the files that changed. ``shell`` lists the files most pages load
(stylesheets, scripts, icon): the worker saves them when it is installed, with the pages open and
what ``pages`` says those pages load besides. Pages get a hidden notice
that the worker's page script (assets/javascripts/offline.js) shows when a new edition takes over,
and the 版本说明 page a button that saves the whole site.
"""
from __future__ import annotations

import hashlib
import html
import json
import posixpath
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from compendium.book.errors import PageError
from compendium.book.labels import Labels
from compendium.hosting.html_scan import scripts_and_links

WORKER = "sw.js"  # at the site root: a service worker's scope is its folder
MANIFEST_LINE = "var MANIFEST = null; // written by the build (hooks/offline.py)"
HASH_LENGTH = 16  # hex digits of SHA-256 kept per file: plenty to tell editions apart
# Not for reading: the worker itself, the server configuration, source maps, the sitemaps, and
# the PDF booklets (downloads, fetched from the network when asked for).
_SKIP_DIRS = ("deploy/",)
_SKIP_FILES = (WORKER, "sitemap.xml", "sitemap.xml.gz")
_SKIP_SUFFIXES = (".map", ".pdf")


# --- the manifest ----------------------------------------------------------------------------


def content_hash(data: bytes) -> str:
    """The hash the worker checks a fetched file against (hex SHA-256, shortened)."""
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def offline_files(site: Path) -> list[str]:
    """Every file of a built site that a reader may need offline, as site paths, sorted."""
    out = []
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not rel.startswith(_SKIP_DIRS) and rel not in _SKIP_FILES \
                and not rel.endswith(_SKIP_SUFFIXES):
            out.append(rel)
    return sorted(out)


class _Subresources(HTMLParser):
    """The stylesheets, icons and scripts a page loads, as written in the page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("href") and {"stylesheet", "icon"} & set((a.get("rel") or "").split()):
            self.urls.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])


def page_subresources(page_path: str, text: str) -> set[str]:
    """Site paths of the local stylesheets, icons and scripts of one page (at `page_path`)."""
    parser = _Subresources()
    parser.feed(scripts_and_links(text))
    out = set()
    for url in parser.urls:
        if ":" in url or url.startswith(("//", "/")):
            continue  # another site, or a root-absolute path (the 404 page): resolved by its page
        out.add(posixpath.normpath(posixpath.join(posixpath.dirname(page_path), url.split("?")[0].split("#")[0])))
    return out


def manifest(site: Path, version: str) -> dict:
    """The worker's manifest: the edition, every offline file with [hash, size], the shell (what
    most pages load), and `pages`: what a page loads beyond the shell (the target table's scripts),
    saved with that page only, so that a first view of any other page does not fetch it."""
    files = {rel: [content_hash(data := (site / rel).read_bytes()), len(data)] for rel in offline_files(site)}
    loads = {rel: {p for p in page_subresources(rel, (site / rel).read_text(encoding="utf-8")) if p in files}
             for rel in files if rel.endswith(".html")}
    used = Counter(p for subresources in loads.values() for p in subresources)
    shell = {p for p, n in used.items() if 2 * n > len(loads)}
    pages = {rel: sorted(subresources - shell) for rel, subresources in loads.items() if subresources - shell}
    return {"version": version, "files": files, "shell": sorted(shell), "pages": pages}


def worker_script(template: str, data: dict) -> str:
    """sw.js: the worker's code with the manifest of this build in place of its placeholder line."""
    if template.count(MANIFEST_LINE) != 1:
        raise PageError(f"docs/{WORKER}", 0, "MANIFEST", "the placeholder line is missing or repeated",
                        f"Keep exactly one line '{MANIFEST_LINE}'.")
    encoded = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    return template.replace(MANIFEST_LINE, f"var MANIFEST = {encoded};")


# --- what pages show -------------------------------------------------------------------------


def render_notice(labels: Labels) -> str:
    """The hidden 已更新到新版本 notice of every page; offline.js shows it when a new edition takes over."""
    return (f'<div id="offline-notice" class="offline-notice generated" role="status" hidden>'
            f'<span>{html.escape(labels("offline.updated"))}</span> '
            f'<button type="button" class="md-button md-button--primary">{html.escape(labels("offline.reload"))}</button>'
            f"</div>")


def render_save_box(labels: Labels) -> str:
    """The 版本说明 page's button that saves the whole site; hidden where no service worker can run."""
    data = " ".join(f'data-{key}="{html.escape(labels(f"offline.{key}"))}"'
                    for key in ("status", "saving", "saved", "partial"))
    return (f'<div class="offline-save generated" data-offline-save {data} hidden>'
            f'<button type="button" class="md-button">{html.escape(labels("offline.save"))}</button> '
            f'<span role="status"></span></div>')
