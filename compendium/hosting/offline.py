"""Offline reading on phones: the manifest of the service worker, and what pages show of it.

The build writes the manifest of the finished site (every file a reader may need, with a hash of
its content and its size) into sw.js, so that the worker keeps exactly one edition and a new
edition replaces exactly the files that changed. ``shell`` lists the files most pages load
(stylesheets, scripts, icon): the worker saves them when it is installed, with the pages open and
what ``pages`` says those pages load besides, and the offline page of each language
(``offline``), which it shows for a page not saved when there is no network. ``editions`` names
each language's folder; a language's edition is its pages and every other file but those ``only``
gives to another language (its search index), so that 保存全站 fetches one language. Pages get a
hidden notice that the worker's page script (assets/javascripts/offline.js) shows when a new
edition takes over, and the 版本说明 page the buttons that save the site, one language at a time.
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
HASH_LENGTH = 8  # hex digits of SHA-256 kept per file (32 bits): plenty to tell two editions of a file apart
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


OFFLINE_PAGE = "offline.md"  # the page the worker shows for a page not saved, in each language


def manifest(site: Path, version: str, editions: dict[str, str] | None = None, only: dict[str, str] | None = None
             ) -> dict:
    """The worker's manifest: the edition, every offline file with [hash, size], the shell (what
    most pages load), and `pages`: what a page loads beyond the shell (the target table's scripts),
    saved with that page only, so that a first view of any other page does not fetch it.
    `editions` maps each language to its folder ("" for the default, first; "en/"), `only` a file
    to the one language that uses it; `offline` names each language's offline page."""
    editions = editions or {"zh": ""}
    only = {path: lang for path, lang in (only or {}).items() if (site / path).is_file()}
    offline = {lang: folder + OFFLINE_PAGE[: -len(".md")] + ".html" for lang, folder in editions.items()}
    for lang, page in offline.items():
        if not (site / page).is_file():
            raise PageError(page, 0, "offline", f"the offline page of {lang} is missing",
                            "Build with hooks/offline.py, which adds it.")
    files = {rel: [content_hash(data := (site / rel).read_bytes()), len(data)] for rel in offline_files(site)}
    loads = {rel: {p for p in page_subresources(rel, (site / rel).read_text(encoding="utf-8")) if p in files}
             for rel in files if rel.endswith(".html")}
    used = Counter(p for subresources in loads.values() for p in subresources)
    shell = {p for p, n in used.items() if 2 * n > len(loads)}
    pages = {rel: sorted(subresources - shell) for rel, subresources in loads.items() if subresources - shell}
    return {"version": version, "files": files, "shell": sorted(shell), "pages": pages,
            "default": next(iter(editions)), "editions": editions, "only": only, "offline": offline}


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


def render_save_box(labels: Labels, other: str | None = None) -> str:
    """The 版本说明 page's buttons that save the site for offline reading: its own language, then
    the `other` one on request; hidden where no service worker can run. The status says how much
    is still to be fetched before the reader starts."""
    data = " ".join(f'data-{key}="{html.escape(labels(f"offline.{key}"))}"'
                    for key in ("status", "saving", "saved", "partial"))
    buttons = f'<button type="button" class="md-button" data-edition="{labels.lang}">{html.escape(labels("offline.save"))}</button>'
    if other:
        buttons += (f' <button type="button" class="md-button" data-edition="{other}">'
                    f'{html.escape(labels("offline.save_other"))}</button>')
    return (f'<div class="offline-save generated" data-offline-save data-lang="{labels.lang}" {data} hidden>'
            f'{buttons} <span role="status"></span></div>')


def render_offline_page(labels: Labels) -> str:
    """The Markdown of offline.html: what the worker shows, with no network, for a page not saved.
    offline.js fills its list with the pages of its language saved on the device (each titled as
    its saved copy is); without a worker the page explains itself and links home."""
    return (f"---\ntitle: {labels('offline.title')}\ntemplate: offline.html\nsearch:\n  exclude: true\n---\n\n"
            f"# {labels('offline.title')}\n\n"
            f'<div class="offline-page generated" data-search-exclude data-none="{html.escape(labels("offline.none"))}">\n'
            f'<p>{html.escape(labels("offline.missing"))}</p>\n'
            f'<p>{html.escape(labels("offline.saved_pages"))}</p>\n'
            f'<ul class="offline-pages"><li><a href="index.html">{html.escape(labels("offline.home"))}</a></li></ul>\n'
            f'<p>{html.escape(labels("offline.next_time"))}</p>\n'
            f"{render_save_box(labels)}\n</div>\n")
