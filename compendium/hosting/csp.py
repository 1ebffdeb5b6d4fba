"""The Content-Security-Policy of the site: scripts only from the site itself, plus the exact inline
scripts that Material writes into the built pages, allowed by their SHA-256 hashes.

Material's inline scripts differ by page (``__md_scope=new URL("../",location)`` depends on the
page's depth, the 404 page names the server path), so the hashes are computed from the built site,
never written by hand. No policy here allows ``'unsafe-inline'`` or ``'unsafe-eval'``.
"""
from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

from compendium.hosting.html_scan import scripts_and_links

# Script types a browser runs; other types (Material's application/json configuration) are data.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


# --- inline scripts --------------------------------------------------------------------------


class _InlineScripts(HTMLParser):
    """Collects the text of every inline script a browser would run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and "src" not in a and (a.get("type") or "").strip().lower() in _SCRIPT_TYPES:
            self._open = []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.scripts.append("".join(self._open))
            self._open = None


def inline_scripts(html: str) -> list[str]:
    """The text of each inline, executable `<script>` of a page, exactly as the browser hashes it."""
    parser = _InlineScripts()
    parser.feed(scripts_and_links(html))
    parser.close()
    return parser.scripts


def script_hash(text: str) -> str:
    """The CSP source that allows one inline script: ``'sha256-<base64>'``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_script_hashes(site: Path) -> list[str]:
    """The hash sources of every inline script of every page of a built site, sorted, each once."""
    hashes = {script_hash(s) for page in site.rglob("*.html") for s in inline_scripts(page.read_text(encoding="utf-8"))}
    return sorted(hashes)


# --- the policy ------------------------------------------------------------------------------


def policy(script_hashes: list[str]) -> str:
    """The Content-Security-Policy header value: the site itself, and the given inline scripts.

    Images may be data: URLs (Material's icons in its stylesheet); workers are the search worker
    and the service worker, both files of the site; nothing may frame the site from elsewhere.
    """
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", *script_hashes]),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
    return "; ".join(directives)
