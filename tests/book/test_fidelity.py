"""Nothing of the source is lost: every character is on a page, in order, or in the errata."""
import shutil

from compendium.book.errata import load_errata
from compendium.book.fidelity import check_site

from support.project import ROOT


def test_every_source_character_is_on_the_site(site, source_lines, capsys):
    result = check_site(site, ROOT / "docs", source_lines, load_errata())
    problems = result.findings()
    with capsys.disabled():
        print("\n" + result.summary())
    assert result.total > 100_000, "the check must see the whole source"
    assert not problems, "\n".join(problems[:50]) + f"\n… {len(problems)} problems"
    assert result.accounted == result.total


SENTENCE = "徐州位于江苏省西北部"


def damaged_report(site, source_lines, tmp_path, old: str, new: str):
    """Report on part3/xuzhou after replacing `old` by `new` in a copy of its built page."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "part3" / "xuzhou.html"
    html = page.read_text(encoding="utf-8")
    assert old in html
    page.write_text(html.replace(old, new, 1), encoding="utf-8")
    result = check_site(copy, ROOT / "docs", source_lines, load_errata())
    assert not result.ok
    return next(r for r in result.reports if r.path == "part3/xuzhou.md")


def test_the_check_fails_when_text_is_lost(site, source_lines, tmp_path):
    report = damaged_report(site, source_lines, tmp_path, SENTENCE, "")
    assert any(SENTENCE in text for _, text in report.missing)


def test_the_check_fails_when_a_word_changes(site, source_lines, tmp_path):
    report = damaged_report(site, source_lines, tmp_path, SENTENCE, SENTENCE.replace("西北", "东北"))
    assert report.missing and report.added == ["东"]


def test_the_check_fails_on_a_surviving_page_number(site, source_lines, tmp_path):
    report = damaged_report(site, source_lines, tmp_path, SENTENCE, "</p><p>- 158 -</p><p>" + SENTENCE)
    assert "artefact survived: '- 158 -'" in report.problems


def test_the_check_fails_on_a_line_broken_mid_sentence(site, source_lines, tmp_path):
    report = damaged_report(site, source_lines, tmp_path, "徐州位于江苏省", "徐州位于江</p><p>苏省")
    assert any("line broken mid-sentence" in p for p in report.problems)
