"""A release's tag: v<the version of pyproject.toml>, whose 修订记录 entry is the newest; else the
release stops with the reason (tools/check_release_tag.py, run by .github/workflows/release.yml)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from compendium.book.labels import load_labels
from compendium.edition.build_info import project_version
from compendium.edition.release_tag import ReleaseTagError, check_release_tag, release_notes, tag_version
from compendium.edition.revisions import Revision

from support.project import ROOT

CHECK = ROOT / "tools" / "check_release_tag.py"


def revision(version: str, date: str = "2026-11-27", changes=("首次发布",), changes_en=("First edition",)) -> Revision:
    return Revision(version, dt.date.fromisoformat(date), tuple(changes), tuple(changes_en), line=1)


RECORD = [revision("0.2.0", "2027-01-05", ["新增索引"], ["Indexes added"]), revision("0.1.0")]


def test_a_tag_names_its_version():
    assert tag_version("v0.2.0") == "0.2.0"
    assert tag_version("v1.0.0-rc.1") == "1.0.0-rc.1"


@pytest.mark.parametrize("tag", ["0.2.0", "v", "release-0.2.0", "V0.2.0"])
def test_a_tag_without_the_v_of_a_version_is_refused(tag):
    with pytest.raises(ReleaseTagError, match=r"is not a release tag: a release is tagged v<version>"):
        tag_version(tag)


def test_the_tag_of_the_newest_edition_is_released_with_its_entry():
    assert check_release_tag("v0.2.0", "0.2.0", RECORD) is RECORD[0]


def test_a_tag_that_is_not_the_version_of_pyproject_stops_the_release():
    with pytest.raises(ReleaseTagError) as err:
        check_release_tag("v0.3.0", "0.2.0", RECORD)
    assert str(err.value).startswith("tag v0.3.0 names version 0.3.0, but pyproject.toml says 0.2.0")
    assert "tag this one v0.2.0" in str(err.value)


def test_a_version_without_its_entry_stops_the_release():
    with pytest.raises(ReleaseTagError, match=r"version 0\.3\.0 has no entry in data/revisions\.yml \(修订记录\): add one"):
        check_release_tag("v0.3.0", "0.3.0", RECORD)
    with pytest.raises(ReleaseTagError, match=r"has no entry"):
        check_release_tag("v0.1.0", "0.1.0", [])


def test_an_older_edition_than_the_newest_entry_stops_the_release():
    with pytest.raises(ReleaseTagError, match=r"version 0\.1\.0 is not the newest entry .*0\.2\.0 is above it"):
        check_release_tag("v0.1.0", "0.1.0", RECORD)


def test_the_notes_are_the_entry_in_both_languages():
    notes = release_notes(RECORD[0], load_labels())
    assert notes == ("**修订内容**（2027-01-05）\n\n- 新增索引\n\n"
                     "**Changes** (2027-01-05)\n\n- Indexes added\n")
    assert "Changes" not in release_notes(revision("0.1.0", changes_en=()), load_labels())


def run_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK), *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_the_script_passes_the_tag_of_this_edition_and_writes_its_notes(tmp_path):
    # This edition's own record: the build refuses a version without its entry, so this holds on main.
    version = project_version()
    notes = tmp_path / "release" / "notes.md"
    result = run_check(f"v{version}", "--notes", str(notes))
    assert result.returncode == 0, result.stderr
    assert f"releases version {version}" in result.stdout
    assert notes.read_text(encoding="utf-8").startswith("**修订内容**（")


def test_the_script_stops_on_another_tag_with_the_reason():
    result = run_check("v999.0.0")
    assert result.returncode == 1
    assert result.stderr.startswith(f"release: v999.0.0 cannot be released: tag v999.0.0 names version 999.0.0, "
                                    f"but pyproject.toml says {project_version()}")
