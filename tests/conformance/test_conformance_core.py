"""The conformance checks on tiny pages: links, fragments, heading outlines, checker reports."""
from __future__ import annotations

from pathlib import Path

import pytest

from compendium.conformance.site_checks import (Finding, axe_findings, heading_findings, link_findings, parse, report,
                                                resolve_link, sample_by_kind, site_pages, vnu_checked, vnu_findings)


def page(body: str, title: str = "<h1>标题</h1>") -> str:
    return f"<!doctype html><html lang=zh><head><title>t</title></head><body>{title}{body}</body></html>"


def make_site(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


# --- links -------------------------------------------------------------------------------------


@pytest.mark.parametrize("page_path, url, expected", [
    ("part1/a.html", "b.html", ("part1/b.html", "")),
    ("part1/a.html", "../index.html#s1", ("index.html", "s1")),
    ("part1/a.html", "#r-2018", ("part1/a.html", "r-2018")),
    ("part1/a.html", "", ("part1/a.html", "")),
    ("404.html", "/assets/x.css", ("assets/x.css", "")),
    ("index.html", "part1/", ("part1/", "")),
    ("index.html", "data/%E6%B5%8B.csv", ("data/测.csv", "")),
    ("index.html", "../../etc/passwd", ("../../etc/passwd", "")),
    ("index.html", "https://example.org/a.html", None),
    ("index.html", "//cdn.example.org/x.js", None),
    ("index.html", "mailto:someone@example.org", None),
    ("index.html", "javascript:void(0)", None),
])
def test_links_resolve_relative_to_their_page(page_path, url, expected):
    assert resolve_link(page_path, url) == expected


def test_link_check_passes_a_sound_site(tmp_path):
    site = make_site(tmp_path, {
        "index.html": page('<a href="part1/a.html#s1">a</a><a href="#top">top</a><img src="img/x.png" alt="">'
                           '<a href="https://example.org/">out</a>', '<h1 id="top">首页</h1>'),
        "part1/a.html": page('<h2 id="s1">一</h2><a href="../index.html">home</a><a href="">self</a>'),
        "img/x.png": "png",
    })
    assert link_findings(site, site_pages(site)) == []


def test_link_check_names_page_rule_and_element_of_each_broken_link(tmp_path):
    site = make_site(tmp_path, {
        "index.html": page('<a href="part1/a.html#s9">lost anchor</a><a href="part1/gone.html">gone</a>'
                           '<script src="js/missing.js"></script><a href="part1/">folder</a>'
                           '<a href="#nowhere">same page</a><a href="../up.html">up</a>'),
        "part1/a.html": page('<h2 id="s1">一</h2>'),
    })
    findings = link_findings(site, site_pages(site))
    assert [(f.page, f.rule) for f in findings] == [("index.html", "broken-fragment"), ("index.html", "broken-link"),
                                                   ("index.html", "broken-link"), ("index.html", "broken-link"),
                                                   ("index.html", "broken-fragment"), ("index.html", "broken-link")]
    assert "#s9" in findings[0].message and "part1/a.html" in findings[0].message
    assert findings[0].where.startswith('<a href="part1/a.html#s9">')
    assert "not in the site" in findings[1].message
    assert "js/missing.js" in findings[2].where
    assert "folder" in findings[3].message
    assert "above the site root" in findings[5].message


def test_fragment_into_a_non_page_file_is_not_checked_for_ids(tmp_path):
    site = make_site(tmp_path, {"index.html": page('<a href="data/x.csv#row=2">csv</a>'), "data/x.csv": "a,b"})
    assert link_findings(site, site_pages(site)) == []


# --- headings ----------------------------------------------------------------------------------


def test_a_well_formed_outline_passes():
    html = parse(page("<h2>一</h2><h3>（一）</h3><h4>1.</h4><h2>二</h2><h3>（一）</h3>"))
    assert heading_findings("a.html", html) == []


@pytest.mark.parametrize("title, body, rules", [
    ("", "<p>没有标题</p>", ["one-h1"]),
    ("<h1>一</h1>", "<h1>二</h1>", ["one-h1"]),
    ("<h1>标题</h1>", "<h2>一</h2><h4>1.</h4>", ["heading-skip"]),
    ("", "<h2>一</h2>", ["one-h1", "heading-skip"]),
    ("<h1>标题</h1>", "<h3>（一）</h3><h5>x</h5>", ["heading-skip", "heading-skip"]),
])
def test_a_bad_outline_is_named(title, body, rules):
    findings = heading_findings("a.html", parse(page(body, title)))
    assert [f.rule for f in findings] == rules
    assert all(f.page == "a.html" for f in findings)


def test_a_skipped_level_names_the_heading():
    [finding] = heading_findings("a.html", parse(page("<h2>一、总体要求</h2><h4>1.目标</h4>")))
    assert finding.where == "<h4> 1.目标" and "h3 is skipped" in finding.message


# --- checker reports ---------------------------------------------------------------------------

VNU_REPORT = {"messages": [
    {"type": "error", "url": "file:/tmp/site/part1/a.html", "lastLine": 67, "message": "Attribute “markdown” not allowed",
     "extract": '<div class="doc-meta"\n markdown="0">'},
    {"type": "info", "url": "file:/tmp/site/index.html", "message": "Trailing slash on void elements"},
    {"type": "non-document-error", "url": "file:/tmp/site/b.html", "message": "File not found"},
]}


def test_vnu_errors_become_findings_and_infos_do_not():
    findings = vnu_findings(VNU_REPORT, Path("/tmp/site"))
    assert findings == [
        Finding("part1/a.html", "vnu", 'line 67: <div class="doc-meta" markdown="0">', "Attribute “markdown” not allowed"),
        Finding("b.html", "vnu", "line ?: ", "File not found"),
    ]


def test_vnu_verbose_output_lists_the_pages_checked():
    out = "/tmp/site/part1/a.html\n/tmp/site/index.html\n"
    assert vnu_checked(out, Path("/tmp/site")) == ["index.html", "part1/a.html"]


def test_axe_violations_become_one_finding_per_element():
    results = {"violations": [{"id": "color-contrast", "help": "Elements must meet minimum color contrast", "nodes": [
        {"target": [".md-header__topic > .md-ellipsis"], "html": '<span class="md-ellipsis">汇编</span>',
         "failureSummary": "Fix any of the following:\n  Element has insufficient color contrast of 3.44"},
        {"target": ["a[href$='x.html']"], "html": "<a>x</a>", "failureSummary": ""},
    ]}]}
    findings = axe_findings("index.html", results)
    assert findings[0] == Finding("index.html", "color-contrast",
                                  '.md-header__topic > .md-ellipsis <span class="md-ellipsis">汇编</span>',
                                  "Elements must meet minimum color contrast: Element has insufficient color "
                                  "contrast of 3.44")
    assert findings[1].message == "Elements must meet minimum color contrast"
    assert axe_findings("index.html", {"violations": []}) == []


def test_report_counts_by_rule_and_pages_then_lists_each_problem():
    findings = [Finding("a.html", "color-contrast", "span", "low"), Finding("b.html", "color-contrast", "a", "low"),
                Finding("a.html", "vnu", "line 3", "bad attribute")]
    text = report(findings, pages=5, limit=2)
    assert text.splitlines() == ["3 problems on 2 of 5 pages", "  color-contrast: 2 on 2 pages", "  vnu: 1 on 1 pages",
                                 "a.html: color-contrast: low — span", "b.html: color-contrast: low — a",
                                 "… and 1 more"]


# --- pages -------------------------------------------------------------------------------------


def test_pages_are_found_in_the_site_and_sampled_by_kind(tmp_path):
    files = {"index.html": "x", "404.html": "x", "about.html": "x", "part1/index.html": "x",
             "part1/a.html": "x" * 10, "part1/b.html": "x" * 30, "part1/c.html": "x" * 20,
             "en/index.html": "x", "en/part1/a.html": "x", "assets/x.css": "x"}
    site = make_site(tmp_path, files)
    pages = site_pages(site)
    assert pages == sorted(f for f in files if f.endswith(".html"))
    assert sample_by_kind(site, pages) == ["404.html", "about.html", "en/index.html", "en/part1/a.html",
                                           "index.html", "part1/b.html", "part1/c.html", "part1/index.html"]


def test_an_empty_site_has_no_pages(tmp_path):
    assert site_pages(tmp_path) == []
