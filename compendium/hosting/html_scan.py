"""The scripts and links of a built page, found without parsing the whole page.

The post-build steps that read every built page (the service worker's manifest, the CSP's script
hashes) need only its ``<script>`` elements and ``<link>`` tags. Every page repeats the whole
navigation, so the pages together grow with the square of the number of documents: a full
``HTMLParser`` pass over each of them would cost more than building them. A regular expression
finds these elements instead (comments and ``<style>`` content skipped, as a parser skips them),
and the caller parses what it found with its own ``HTMLParser``, as it would parse the page.
"""
from __future__ import annotations

import re

# An attribute list: quoted values may hold ">".
_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
# A comment, a script or style element (its content is text up to its end tag), a link tag.
_ELEMENT = re.compile(rf"<!--.*?-->|<(script|style)\b{_ATTRS}>.*?</\1\s*>|<link\b{_ATTRS}>", re.S | re.I)


def scripts_and_links(page: str) -> str:
    """The page's `<script>` elements and `<link>` tags, in page order, and nothing else."""
    return "".join(m.group(0) for m in _ELEMENT.finditer(page)
                   if not m.group(0).startswith("<!--") and (m.group(1) or "").lower() != "style")
