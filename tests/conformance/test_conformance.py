"""Every page of the built site through the field's own checkers, as an audit would run them.

The Nu HTML Checker (vnu, the W3C validator) once over the whole site; axe-core in one Chromium on
every page at phone size in the light scheme, and on a sample of every kind of page in the dark
scheme; every internal link and fragment; every page's heading outline. Pages are found in the
built site, so generated pages and later editions are checked as they appear. A failure prints
counts by rule and then one line per problem: page, rule, message, element.
"""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from compendium.conformance.site_checks import (axe_findings, heading_findings, link_findings, parse, report,
                                                sample_by_kind, site_pages, vnu_checked, vnu_findings)
from support.browsing import PHONE
from support.project import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# axe.run over the whole document with the rules of those tags, none switched off; only what the
# findings need comes back from the page.
RUN_AXE = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(r => ({violations: r.violations.map(v => ({id: v.id, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary}))}))}))"""
# Material keeps the reader's colour scheme in localStorage (partials/javascripts/palette.html)
# and sets it on <body> before the page is drawn.
SCHEME = "document.body.getAttribute('data-md-color-scheme')"


@pytest.fixture(scope="module")
def pages(site) -> list[str]:
    """Every page of the built site; an empty or partial site fails here."""
    found = site_pages(site)
    sources = list((ROOT / "docs").rglob("*.md"))
    assert len(found) > len(sources), f"{len(found)} pages built from {len(sources)} Markdown files"
    assert {"index.html", "404.html"} <= set(found)
    return found


# --- Nu HTML Checker ---------------------------------------------------------------------------


@pytest.mark.slow  # Java over the whole site
def test_nu_html_checker_finds_no_error_on_any_page(site, pages):
    if not shutil.which("java"):
        pytest.fail("Java is missing: run tools/test.sh as root, or apt-get install default-jre-headless")
    assert VNU.is_file(), "vnu.jar is missing: run tools/setup.sh (npm ci)"
    run = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", "--verbose", str(site)],
                         capture_output=True, text=True, timeout=300)
    # --verbose lists the files checked on stdout; the JSON report goes to stderr.
    assert vnu_checked(run.stdout, site) == pages, "vnu did not check exactly the pages of the site"
    findings = vnu_findings(json.loads(run.stderr), site)
    assert not findings, report(findings, len(pages))
    assert run.returncode == 0, run.stderr[-2000:]


# --- axe-core ----------------------------------------------------------------------------------


@pytest.fixture
def phone(browser):
    """A fresh phone-sized tab (light scheme) with axe-core injected into every page it opens."""
    assert AXE.is_file(), "axe-core is missing: run tools/setup.sh (npm ci)"
    context = browser.new_context(**PHONE)
    context.add_init_script(path=str(AXE))
    yield context.new_page()
    context.close()


def run_axe(tab, server: str, pages: list[str], scheme: str) -> list:
    """axe-core's violations on each page, opened one after the other in one tab."""
    findings = []
    for rel in pages:
        tab.goto(server + rel, wait_until="load")
        assert tab.evaluate(SCHEME) == scheme, f"{rel} is not shown in the {scheme} scheme"
        findings += axe_findings(rel, tab.evaluate(RUN_AXE, AXE_TAGS))
    return findings


def test_axe_finds_no_violation_on_any_page_in_the_light_scheme(phone, server, pages):
    findings = run_axe(phone, server, pages, "default")
    assert not findings, report(findings, len(pages))


def test_axe_finds_no_violation_in_the_dark_scheme(phone, server, site, pages):
    # The reader switches with the header's toggle; Material keeps the choice for the next pages.
    phone.goto(server + "index.html", wait_until="load")
    phone.get_by_title("切换到深色模式").click()
    assert phone.evaluate(SCHEME) == "slate"
    sample = sample_by_kind(site, pages)
    findings = run_axe(phone, server, sample, "slate")
    assert not findings, report(findings, len(sample))


def test_a_wide_table_is_reached_with_tab_named_by_its_caption_and_scrolled_with_arrows(phone, server):
    phone.goto(server + "part5/made-in-china-2025-xianning.html", wait_until="load")
    region = phone.get_by_role("region", name="咸宁市2020年和2025年制造业主要指标")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth"), "on a phone the table is wider than its box"
    # From the last link before it (a heading's permalink or a target marker), one Tab reaches the table's box.
    region.evaluate("""region => {
        const before = [...document.querySelectorAll("article a[href]")]
            .filter(a => a.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING);
        before[before.length - 1].focus();
    }""")
    phone.keyboard.press("Tab")
    assert region.evaluate("el => el === document.activeElement")
    for _ in range(5):
        phone.keyboard.press("ArrowRight")
    # The browser scrolls smoothly: wait for the box to move rather than reading it at once.
    phone.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle(), timeout=10_000)


# --- links and headings --------------------------------------------------------------------------


def test_every_internal_link_and_fragment_resolves(site, pages):
    findings = link_findings(site, pages)
    assert not findings, report(findings, len(pages))


def test_every_page_has_one_h1_and_no_skipped_heading_level(site, pages):
    findings = []
    for rel in pages:
        findings += heading_findings(rel, parse((site / rel).read_text(encoding="utf-8")))
    assert not findings, report(findings, len(pages))
