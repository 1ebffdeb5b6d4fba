"""Nothing of the source is lost: every character is on a page, in order, or in the errata."""
from compendium.errata import load_errata
from compendium.fidelity import check_site

from conftest import ROOT


def test_every_source_character_is_on_the_site(site, source_lines, capsys):
    result = check_site(site, ROOT / "docs", source_lines, load_errata())
    problems = []
    for r in result.reports:
        problems += [f"{r.path}: missing at source line {line}: {text[:50]!r}" for line, text in r.missing]
        problems += [f"{r.path}: added {text[:50]!r}" for text in r.added]
        problems += [f"{r.path}: {p}" for p in r.problems]
    problems += [f"source line {n} is on no page" for n in result.uncovered]
    with capsys.disabled():
        print("\n" + result.summary())
    assert result.total > 100_000, "the check must see the whole source"
    assert not problems, "\n".join(problems[:50]) + f"\n… {len(problems)} problems"
    assert result.accounted == result.total


def test_the_check_fails_when_text_is_lost(site, source_lines, tmp_path):
    # Drop one sentence from a built page: the check must notice and name the source line.
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "part3" / "xuzhou.html"
    html = page.read_text(encoding="utf-8")
    sentence = "徐州位于江苏省西北部"
    assert sentence in html
    page.write_text(html.replace(sentence, "", 1), encoding="utf-8")
    result = check_site(copy, ROOT / "docs", source_lines, load_errata())
    report = next(r for r in result.reports if r.path == "part3/xuzhou.md")
    assert report.missing and not result.ok
    assert any(text.startswith(sentence) or sentence in text for _, text in report.missing)
