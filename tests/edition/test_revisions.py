"""The 修订记录 of the 版本说明 page: one entry per edition, checked, shown newest first."""
from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from compendium.book.errors import PageError
from compendium.book.labels import load_labels
from compendium.edition.build_info import build_info
from compendium.edition.revisions import Revision, check_current, load_revisions, render_revisions

from support.project import edit, run_mkdocs_build


def revisions_file(tmp_path, text: str):
    path = tmp_path / "revisions.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_record_reads_newest_first(tmp_path):
    path = revisions_file(tmp_path, "- version: 0.2.0\n  date: 2027-01-05\n  changes: [新增索引]\n"
                                    "- version: 0.1.0\n  date: 2026-11-27\n  changes: [首次发布]\n")
    assert [(r.version, r.date, r.changes) for r in load_revisions(path)] == [
        ("0.2.0", dt.date(2027, 1, 5), ("新增索引",)), ("0.1.0", dt.date(2026, 11, 27), ("首次发布",))]


@pytest.mark.parametrize("text, message", [
    ("- version: 0.1.0\n  date: 2026-13-01\n  changes: [甲]\n", r"revisions.yml:1: date: '2026-13-01' is not a date"),
    ("- version: 0.1.0\n  date: 2026-11-27\n  changes: []\n", r"revisions.yml:1: changes: empty"),
    ("- version: 0.1.0\n  date: 2026-11-27\n  changes: 甲\n", r"revisions.yml:1: changes: must be a list"),
    ("- version: 0.2.0\n  date: 2026-11-27\n  changes: [甲]\n- version: 0.1.0\n  date: 2026-12-01\n  changes: [乙]\n",
     r"revisions.yml:4: date: 0.1.0 is dated after 0.2.0 above it"),
    ("- version: 0.1.0\n  date: 2026-11-27\n  changes: [甲]\n- version: 0.1.0\n  date: 2026-11-01\n  changes: [乙]\n",
     r"revisions.yml:4: version: 0.1.0 has two entries"),
    ("- version: 0.1.0\n  date: 2026-11-27\n  changes: [甲\n", r"revisions.yml:4: not valid YAML .*Fix the YAML syntax"),
])
def test_a_bad_entry_names_its_line_and_the_fix(tmp_path, text, message):
    with pytest.raises(PageError, match=message):
        load_revisions(revisions_file(tmp_path, text))


def test_a_version_without_an_entry_is_refused():
    record = [Revision("0.1.0", dt.date(2026, 11, 27), ("甲",), (), 5)]
    check_current(record, "0.1.0+abc1234")
    with pytest.raises(PageError, match="the site is version 0.2.0 but the newest entry is 0.1.0. Add an entry"):
        check_current(record, "0.2.0+abc1234")


def test_english_changes_are_used_in_english():
    record = [Revision("0.1.0", dt.date(2026, 11, 27), ("甲", "乙"), ("A",), 5)]
    assert "| 0.1.0 | 2026-11-27 | 甲<br>乙 |" in render_revisions(record, load_labels())
    assert "| 0.1.0 | 2026-11-27 | A |" in render_revisions(record, load_labels().in_language("en"))
    # An edition without English stops the English page rather than show it in Chinese.
    with pytest.raises(PageError, match="changes_en: edition 0.1.0 has no English"):
        render_revisions([Revision("0.1.0", dt.date(2026, 11, 27), ("甲",), (), 5)], load_labels().in_language("en"))


def test_the_about_page_shows_the_record_of_this_version(site):
    table = BeautifulSoup((site / "about.html").read_text(encoding="utf-8"), "html.parser").select_one(
        "#u-revisions ~ .revisions.generated table")
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.select("tbody tr")]
    assert [r[0] for r in rows] == [r.version for r in load_revisions()]
    assert rows[0][0] == build_info()["version"].split("+")[0]
    assert [th.get_text() for th in table.select("thead th")] == ["版本", "日期", "修订内容"]
    english = BeautifulSoup((site / "en" / "about.html").read_text(encoding="utf-8"), "html.parser").select_one(
        "#u-revisions ~ .revisions.generated table")
    assert [th.get_text() for th in english.select("thead th")] == ["Edition", "Date", "Changes"]
    assert english.select_one("tbody td:last-child").get_text() == load_revisions()[0].changes_en[0]


def test_a_build_without_a_record_of_its_version_stops(project_copy, tmp_path):
    edit(project_copy / "data" / "revisions.yml", "- version: ", "- version: 0.0.0-")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "Bad revision record: data/revisions.yml:" in result.stderr and "Add an entry for" in result.stderr
    assert "Traceback" not in result.stderr

