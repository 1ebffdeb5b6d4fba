"""A release says what it holds: from a tree with uncommitted changes it is refused, or with
--allow-dirty named +dirty; a version without its 修订记录 entry is refused, before anything is built."""
from __future__ import annotations

import subprocess
import sys

from compendium.edition.build_info import project_version

from support.project import edit


def git(project, *args):
    return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, check=True)


def committed(project):
    """The project copy as a git checkout with everything committed."""
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "edition")
    return project


def check(project, *args):
    # Run from inside the copy, so that its own compendium (and its git checkout) is the one asked.
    return subprocess.run([sys.executable, "-m", "compendium.hosting.release", "--check", *args], cwd=project,
                          capture_output=True, text=True, timeout=60)


def version(project):
    return subprocess.run([sys.executable, "-c", "from compendium.edition.build_info import build_info; "
                           "print(build_info()['version'])"], cwd=project, capture_output=True, text=True).stdout.strip()


def test_a_clean_tree_may_be_released(project_copy):
    project = committed(project_copy)
    result = check(project)
    assert result.returncode == 0, result.stderr
    assert "+dirty" not in version(project)


def test_uncommitted_changes_are_refused_or_marked_dirty(project_copy):
    project = committed(project_copy)
    edit(project / "docs" / "part3" / "xuzhou.md", "徐州位于", "徐州地处")
    result = check(project)
    assert result.returncode == 1
    assert ("release: refused: uncommitted changes to what the site is built from (docs/part3/xuzhou.md): a release "
            "is built from a commit") in result.stderr, result.stderr
    assert "见《编辑维护手册》第13节「制作和核对发布包」" in result.stderr
    assert check(project, "--allow-dirty").returncode == 0
    assert version(project).endswith("+dirty")  # the zip's name, the footer and the 版本说明 page
    # A notes file beside the project is not what the site is built from.
    git(project, "checkout", "--", "docs")
    (project / "notes.md").write_text("笔记", encoding="utf-8")
    assert check(project).returncode == 0 and "+dirty" not in version(project)


def test_a_version_without_its_revision_entry_is_refused(project_copy):
    current = project_version(project_copy)
    edit(project_copy / "pyproject.toml", f'version = "{current}"', 'version = "99.0.0"')
    project = committed(project_copy)
    result = check(project)
    assert result.returncode == 1
    assert ("release: refused: version 99.0.0 has no entry in data/revisions.yml (修订记录): add one at the top"
            in result.stderr), result.stderr
    assert "见《编辑维护手册》第11节「记录新版本（版本号和修订记录）」" in result.stderr
