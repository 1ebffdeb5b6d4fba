"""Lighthouse (mobile profile) on the site behind nginx with the configuration the build ships:
Accessibility 100 and Best Practices 100 on the home page, the longest document page, a generated
index page and the target-table page (when they exist). Performance is the benchmark's to measure."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from support.browsing import ARGS, CHROMIUM
from support.project import ROOT, generated_pages, page_kinds, target_table_pages

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("accessibility", "best-practices")


def measured_pages(site: Path) -> dict[str, str]:
    """The pages the issue names, found in the built site: kind → path."""
    pages = {"home": "index.html", "longest document": page_kinds(site)["longest document"]}
    indexes = [rel for rel in generated_pages(site) if rel.startswith("indexes/") and rel != "indexes/index.html"]
    if indexes:  # the largest generated index: the most to get wrong
        pages["generated index"] = max(indexes, key=lambda rel: (site / rel).stat().st_size)
    if table := target_table_pages(site):  # its largest page
        pages["target table"] = table[1]
    return pages


def lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run in its default (mobile) profile with Debian Chromium; the JSON report."""
    if not LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is missing: run tools/setup.sh (npm ci installs node_modules/)")
    flags = " ".join(["--headless=new", *ARGS])
    result = subprocess.run([str(LIGHTHOUSE), url, f"--only-categories={','.join(CATEGORIES)}", "--output=json",
                             f"--output-path={out}", f"--chrome-flags={flags}", "--quiet"],
                            env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0 and out.is_file(), f"lighthouse failed on {url}:\n{result.stderr[-3000:]}"
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports(site, nginx_root, tmp_path_factory) -> dict[str, dict]:
    """One Lighthouse report per measured page, by kind."""
    folder = tmp_path_factory.mktemp("lighthouse")
    return {kind: lighthouse(nginx_root + rel, folder / f"{i}.json")
            for i, (kind, rel) in enumerate(measured_pages(site).items())}


def failures(report: dict, category: str) -> list[str]:
    """The audits of a category that lose points, with what they found."""
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            found = [str((i.get("node") or {}).get("snippet") or i.get("description") or i.get("url") or i)[:160]
                     for i in items[:5]]
            out.append(f"{audit['id']}: {audit['title']} {found}")
    return out


def test_the_four_pages_are_measured(site):
    pages = measured_pages(site)
    assert {"home", "longest document"} <= set(pages) and all((site / rel).is_file() for rel in pages.values())
    assert (generated_pages(site) and "generated index" in pages) or not generated_pages(site)


@pytest.mark.parametrize("category", CATEGORIES)
def test_accessibility_and_best_practices_are_100(reports, category):
    scores = {kind: r["categories"][category]["score"] for kind, r in reports.items()}
    lost = {kind: failures(r, category) for kind, r in reports.items() if r["categories"][category]["score"] < 1}
    assert all(score == 1 for score in scores.values()), f"{category}: {scores}\n" + json.dumps(lost, ensure_ascii=False, indent=1)
