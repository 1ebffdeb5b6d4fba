"""Every section of the editors' guide that a message names is a numbered heading of MAINTAINING.md,
and every step the code names is one of them."""
from __future__ import annotations

import re

from compendium.book.errors import PageError
from compendium.book.guide import FILE_STEPS, GUIDE, STEPS, see, step_for

from support.project import ROOT

HEADING = re.compile(r"^## (\d+) (.+?)\s*$", re.M)
# Where code names a step: PageError(..., step="x"), see("x"), err.in_step("x").
NAMED = re.compile(r"""(?:step=|see\(|in_step\()["']([a-z-]+)["']""")


def guide_sections() -> dict[int, str]:
    return {int(n): title for n, title in HEADING.findall((ROOT / GUIDE).read_text(encoding="utf-8"))}


def test_every_step_is_a_numbered_section_of_the_guide():
    sections = guide_sections()
    for name, (number, title) in STEPS.items():
        assert sections.get(number) == title, f"{name}: MAINTAINING.md has no heading '## {number} {title}'"
    assert sorted(sections) == list(range(1, len(sections) + 1)), "the guide's sections are numbered 1, 2, 3 …"


def test_every_step_the_code_names_exists():
    files = [*ROOT.glob("compendium/**/*.py"), *ROOT.glob("hooks/*.py"), *ROOT.glob("tools/*.py")]
    named = {(m, f.relative_to(ROOT).as_posix()) for f in files for m in NAMED.findall(f.read_text(encoding="utf-8"))}
    assert named, "the code names steps"
    assert not [pair for pair in named if pair[0] not in STEPS]
    assert set(FILE_STEPS.values()) <= set(STEPS)


def test_every_message_about_a_page_or_data_file_names_a_step():
    for path in [*ROOT.glob("docs/**/*.md"), *ROOT.glob("data/*.yml"), ROOT / "source" / "compilation.txt"]:
        rel = path.relative_to(ROOT).as_posix()
        assert step_for(rel), rel
    err = PageError("data/targets.yml", 12, "target x", "a problem", "The fix")
    assert str(err) == f"data/targets.yml:12: target x: a problem. The fix ({see('targets')})"
    assert PageError("x.py", 0, "", "p", step="release").step == "release"
