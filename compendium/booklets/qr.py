"""The QR code that a document carries in the booklets when the site is built for a host.

A reader goes from the printed page to the document's page on the site (search, citations, notes
on the phone): the code holds the page's full URL under SITE_URL. Without SITE_URL there is no
code (a booklet handed out with a folder copy has no address to point at). segno (pinned in
requirements.txt) makes it as a PNG, embedded in the booklet's HTML as a data URI.
"""
from __future__ import annotations

import html

import segno


def page_url(site_url: str, path: str) -> str:
    """The site URL of a document page: https://host/xuexi/ + part2/5g-development.html."""
    return site_url.rstrip("/") + "/" + path.removesuffix(".md") + ".html"


def qr_image(url: str, label: str) -> str:
    """An <img> of the QR code of `url` (error correction M, a quiet zone of two modules)."""
    uri = segno.make_qr(url, error="m").png_data_uri(scale=4, border=2)
    return f'<img class="doc-qr" src="{uri}" alt="{html.escape(label)}">'
