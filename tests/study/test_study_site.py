"""我的学习 in the built site: the page in both editions and in the navigation, what the home, part
and document pages carry for it, and the scripts as the build writes them."""
from __future__ import annotations

import gzip
import re

from bs4 import BeautifulSoup

from support.project import document_pages

FIRST_VIEW_BUDGET = 2000  # bytes gzip that every page loads for these tools (study-boot.js, study.css)


def soup(site, rel):
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def test_the_study_page_is_in_both_editions_and_the_navigation(site):
    for edition, title in (("", "我的学习"), ("en/", "My study")):
        page = soup(site, f"{edition}study.html")
        assert page.select_one("article h1").contents[0].strip() == title
        assert len(page.select("[data-page]")) == len(document_pages(site))
        assert page.select_one(".study-nojs") and page.select_one("input[type=file]")
        scripts = [s["src"] for s in page.select("article script[src]")]
        assert scripts == [("../" if edition else "") + "assets/javascripts/study-page" + (".en" if edition else "") + ".js"]
        # Every page links it from its navigation (the entry readers without JavaScript use).
        for rel in (f"{edition}index.html", f"{edition}part2/5g-development.html"):
            assert any(a["href"].endswith("study.html") for a in soup(site, rel).select("nav.md-nav--primary a[href]"))


def test_only_the_study_page_loads_its_script_and_stylesheet(site):
    for rel in ("index.html", "part2/5g-development.html", "targets/index.html"):
        text = (site / rel).read_text(encoding="utf-8")
        assert "study-page.js" not in text and "study-page.css" not in text and "study.js" not in text
        assert "assets/javascripts/site.js" in text and "assets/stylesheets/site.css" in text
    assert "/* assets/stylesheets/study.css */" in (site / "assets/stylesheets/site.css").read_text(encoding="utf-8")
    assert "/* assets/javascripts/study-boot.js */" in (site / "assets/javascripts/site.js").read_text(encoding="utf-8")


def test_home_and_part_pages_show_progress(site):
    home = soup(site, "index.html").select_one("article .study-progress")
    assert [s["data-study-part"] for s in home.select("[data-study-part]")] == [f"part{n}/" for n in range(1, 6)]
    assert home.select_one("[data-study-last]")
    for n in range(1, 6):
        part = soup(site, f"part{n}/index.html").select_one("article .study-progress")
        listed = [rel for rel in document_pages(site) if rel.startswith(f"part{n}/")]
        assert part.select_one("[data-study-part]")["data-total"] == str(len(listed))


def test_document_pages_carry_their_citation_and_study_controls(site):
    for rel in document_pages(site):
        page = soup(site, rel)
        data = page.select_one("article .study-doc")
        assert data and data["data-cite"].startswith("（《") and data.has_attr("hidden"), rel
        assert page.select_one("article .study-done button[data-study-read]"), rel
        remarks = page.select("figure.remark")
        assert len(page.select("figure.remark .remark-tools [data-study-remark]")) == len(remarks), rel
    en = soup(site, "en/part2/5g-development.html").select_one(".study-doc")
    assert en["data-cite"] == "（《工业和信息化部关于推动5G加快发展的通知》，工信部通信〔2020〕49号）"


def test_the_scripts_carry_their_labels_and_no_comments(site):
    folder = site / "assets" / "javascripts"
    for name in ("study.js", "study.en.js", "study-page.js", "study-page.en.js"):
        text = (folder / name).read_text(encoding="utf-8")
        assert "var LABELS = null" not in text and "/*" not in text
    assert '"restored":"已导入：新增 {added} 条，更新 {updated} 条。"' in (folder / "study-page.js").read_text(encoding="utf-8")
    assert '"restored":"Imported: {added} added, {updated} updated."' in (folder / "study-page.en.js").read_text(
        encoding="utf-8")


def _in_bundle(site, bundle: str, source: str) -> bytes:
    """The part of site.css or site.js (hooks/bundles.py) that one of its sources became."""
    text = (site / bundle).read_text(encoding="utf-8")
    part = text.split(f"/* {source} */\n", 1)[1].split("\n/* assets/", 1)[0]
    return part.encode("utf-8")


def test_what_every_page_loads_for_these_tools_keeps_within_its_budget(site):
    first_view = len(gzip.compress(_in_bundle(site, "assets/javascripts/site.js", "assets/javascripts/study-boot.js"), 6)) + \
        len(gzip.compress(_in_bundle(site, "assets/stylesheets/site.css", "assets/stylesheets/study.css"), 6))
    assert first_view <= FIRST_VIEW_BUDGET, f"{first_view} bytes gzip"
    # With study.js and its stylesheet, what a document page can load for them: at most 8 kB gzip.
    on_demand = sum(len(gzip.compress((site / rel).read_bytes(), 6))
                    for rel in ("assets/javascripts/study.js", "assets/stylesheets/study-tools.css"))
    assert first_view + on_demand <= 8000, f"{first_view + on_demand} bytes gzip"


def test_no_style_attribute_or_inline_script_in_what_the_build_adds(site):
    for rel in ("study.html", "en/study.html", "index.html", "part1/on-high-quality-development.html"):
        text = (site / rel).read_text(encoding="utf-8")
        for block in re.findall(r'<[^>]*class="[^"]*study[^"]*"[^>]*>', text):
            assert "style=" not in block, block
