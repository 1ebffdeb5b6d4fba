"""The QR code each document carries in the booklets when the site is built for a host (SITE_URL):
one per document, decoding (zbarimg, Debian's zbar-tools) to that document's page; none without
SITE_URL; and the booklets' digest follows SITE_URL, so that the site never publishes booklets
whose codes point at another host."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary
from compendium.booklets.booklet_html import sources_digest
from compendium.booklets.qr import page_url
from support.project import ROOT

HOST = "https://xuexi.example.cn/xuexi/"
PART = 3  # the smallest part: a booklet set in seconds


def test_the_digest_follows_site_url(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    without = sources_digest()
    monkeypatch.setenv("SITE_URL", HOST)
    here = sources_digest()
    monkeypatch.setenv("SITE_URL", "https://elsewhere.example.cn/")
    assert len({without, here, sources_digest()}) == 3


def test_the_page_url_of_a_document():
    assert page_url(HOST, "part2/5g-development.md") == HOST + "part2/5g-development.html"
    assert page_url("https://a.example.cn", "part2/x.md") == "https://a.example.cn/part2/x.html"


@pytest.mark.slow
@pytest.mark.parametrize("site_url", [HOST, ""])
def test_a_booklet_built_for_a_host_has_a_qr_code_per_document_decoding_to_its_page(tmp_path, site_url):
    if not shutil.which("zbarimg") or not shutil.which("pdfimages"):
        pytest.fail("zbarimg or pdfimages missing: run tools/setup.sh (Debian zbar-tools, poppler-utils)")
    env = {**os.environ, "SITE_URL": site_url}
    name = f"compilation-part{PART}"
    done = subprocess.run([str(ROOT / "tools" / "pdf.sh"), "--out", str(tmp_path), name], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    subprocess.run(["pdfimages", "-png", str(tmp_path / f"{name}.pdf"), str(tmp_path / "img")], check=True)
    decoded = []
    for image in sorted(tmp_path.glob("img-*.png")):
        out = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True)
        decoded += out.stdout.split()
    documents = [d for d in load_documents(ROOT / "docs", load_vocabulary()) if d.meta.part == PART]
    expected = [page_url(site_url, d.path) for d in documents] if site_url else []
    assert decoded == expected
