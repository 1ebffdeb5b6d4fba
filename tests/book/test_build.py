"""The build: strict and quiet on the real pages, stopped with a clear message on bad ones."""
from __future__ import annotations

import re

import pytest

from support.project import edit, line_of, run_mkdocs_build


def test_strict_build_has_no_warning(build):
    output = build.stdout + build.stderr
    assert build.returncode == 0, output
    assert not re.search(r"^(WARNING|ERROR)", output, re.M), output
    assert "end of life" not in output, "the end-of-life banner hides real warnings"


@pytest.mark.parametrize("old, new, needle, words", [
    ("level: other_region", "level: 外省", "level:", "level: unknown level '外省'"),
    ('date: ""', 'date: "2020-13-01"', "date:", "date: '2020-13-01' is not a valid date"),
    ("topics: [", "topics: [tourism, ", "topics:", "topics: unknown topic 'tourism'"),
])
def test_bad_front_matter_stops_the_build(project_copy, tmp_path, old, new, needle, words):
    page = project_copy / "docs" / "part3" / "xuzhou.md"
    edit(page, old, new)
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/part3/xuzhou.md:{line_of(page, needle)}: {words}" in output, output
    assert "Traceback" not in output


def test_duplicate_anchor_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "part3" / "xuzhou.md"
    text = page.read_text(encoding="utf-8")
    first = re.search(r"\{#(s\d+)\}", text).group(1)
    page.write_text(text + f"\n## 重复 {{#{first}}}\n", encoding="utf-8")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(rf"docs/part3/xuzhou\.md:\d+: anchor: duplicate id '{first}'", output), output
    assert "Traceback" not in output


def test_errata_entry_that_does_not_match_the_source_stops_the_build(project_copy, tmp_path):
    edit(project_copy / "data" / "errata.yml", 'original: "光谷南?科技城"', 'original: "光谷北?科技城"')
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    entry = line_of(project_copy / "data" / "errata.yml", 'original: "光谷北?科技城"') - 2  # the entry's "- line:"
    assert f"data/errata.yml:{entry}: original: '光谷北?科技城' is not on source line 7978" in output, output
