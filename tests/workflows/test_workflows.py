"""The workflows of .github/workflows/ (GitHub, Gitea, Forgejo): actionlint and zizmor find nothing,
offline; the test jobs run the README's test command in the Debian that tools/setup.sh knows, as
.ci/run does; a run keeps the site, the booklets and the release zip; a tag is checked before it is
released; actions are pinned by commit; only the job that makes a release may write.

The linters are those requirements.txt pins, from the virtualenv running the tests; a missing one
fails the test (run tools/setup.sh), never skips it.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support.project import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent  # the virtualenv's commands: the linters of requirements.txt
IMAGE = "python:3.11-bookworm"  # Debian 12 with Python 3.11: what tools/setup.sh expects, as root
TEST_JOBS = [("site.yml", "test"), ("release.yml", "build")]
RELEASE_JOB = ("release.yml", "publish")  # the one job that may write (contents: the release)


def linter(name: str) -> Path:
    path = BIN / name
    if not path.is_file():
        pytest.fail(f"{name} is not installed in {BIN}: requirements.txt pins it; run tools/setup.sh")
    return path


def workflow_files() -> list[Path]:
    files = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
    assert files, f"no workflow in {WORKFLOWS}"
    return files


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def runs(job: dict) -> list[str]:
    """The commands of a job's run: steps, as written."""
    return [step["run"].strip() for step in job["steps"] if "run" in step]


def readme_test_command() -> str:
    """The README's test command: of the commands in its first fenced block, the one it says CI runs."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^```sh\n(.*?)^```", text, re.S | re.M)
    assert block, "the README does not open with a fenced block of commands (```sh)"
    commands = [re.fullmatch(r"(\S.*?)\s+#\s*(.*)", line) for line in block.group(1).splitlines() if line.strip()]
    assert all(commands), "each of the README's first commands has a comment saying what it does"
    ci = [command for command, comment in (m.groups() for m in commands) if "CI runs exactly this" in comment]
    assert len(ci) == 1, "one of the README's first commands says 'CI runs exactly this'"
    return ci[0]


# --- the linters -------------------------------------------------------------------------------


def test_actionlint_finds_nothing():
    # shellcheck checks the run: scripts; pyflakes is off (no step runs Python inline).
    command = [str(linter("actionlint")), "-no-color", f"-shellcheck={linter('shellcheck')}", "-pyflakes=",
               *(str(p) for p in workflow_files())]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"actionlint found problems:\n{result.stdout}{result.stderr}"


def test_zizmor_finds_nothing_offline():
    command = [str(linter("zizmor")), "--offline", "--no-progress", "--color=never", str(WORKFLOWS)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"zizmor found problems:\n{result.stdout}{result.stderr}"


# --- what the jobs run -------------------------------------------------------------------------


def test_the_readme_test_command_is_what_ci_runs():
    command = readme_test_command()
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.startswith("#")]
    assert ci[-1] == f"exec {command}", ".ci/run should end by running the README's test command"


@pytest.mark.parametrize("name, job", TEST_JOBS)
def test_the_test_jobs_run_the_readme_test_command_in_debian(name, job):
    spec = workflow(name)["jobs"][job]
    container = spec.get("container")
    image = container.get("image") if isinstance(container, dict) else container
    assert image == IMAGE, f"{name} {job}: runs in {image!r}, not in the Debian that tools/setup.sh knows ({IMAGE})"
    assert readme_test_command() in runs(spec), f"{name} {job}: no step runs exactly {readme_test_command()!r}"


def test_a_run_keeps_the_site_the_booklets_and_the_zip():
    steps = workflow("site.yml")["jobs"]["test"]["steps"]
    paths = {line.strip() for step in steps if str(step.get("uses", "")).startswith("actions/upload-artifact@")
             for line in step["with"]["path"].splitlines() if line.strip()}
    assert paths == {"site/", "build/booklets/*.pdf", "dist/*.zip", "dist/*.zip.sha256"}
    commands = runs(workflow("site.yml")["jobs"]["test"])
    assert {"./tools/pdf.sh", "./tools/release.sh --no-pdf", ".venv/bin/mkdocs build --strict"} <= set(commands)


def test_a_tag_is_checked_before_it_is_tested_built_and_released():
    spec = workflow("release.yml")
    on = spec.get("on", spec.get(True))  # YAML 1.1 reads a bare `on` as true
    assert on == {"push": {"tags": ["v*"]}}
    commands = runs(spec["jobs"]["build"])
    order = [next(i for i, c in enumerate(commands) if c.startswith(start))
             for start in ("bash tools/setup.sh", ".venv/bin/python tools/check_release_tag.py \"$GITHUB_REF_NAME\"",
                           readme_test_command(), "./tools/release.sh")]
    assert order == sorted(order), "the tag is checked after set-up and before the tests and the build"
    publish = spec["jobs"]["publish"]
    assert publish["needs"] == "build"
    assert any(c.startswith('gh release create "$GITHUB_REF_NAME"') for c in runs(publish))


# --- pins and permissions ----------------------------------------------------------------------


def test_every_action_is_pinned_by_commit_with_its_version_named():
    for path in workflow_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if m := re.match(r"\s*(?:-\s+)?uses:\s*(\S+)(.*)", line):
                ref, comment = m.groups()
                where = f"{path.name}:{number}"
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{where}: {ref} is not pinned by full commit"
                assert re.fullmatch(r"\s+# v\d+(\.\d+)*", comment), f"{where}: name the version in a comment (# v4.2.2)"


def test_permissions_are_read_only_but_for_the_job_that_makes_the_release():
    for path in workflow_files():
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert spec.get("permissions") == {"contents": "read"}, f"{path.name}: start from permissions: contents: read"
        for name, job in spec["jobs"].items():
            permissions = job.get("permissions") or {}
            assert isinstance(permissions, dict), f"{path.name} {name}: list the permissions one by one"
            writes = {scope for scope, level in permissions.items() if level == "write"}
            expected = {"contents"} if (path.name, name) == RELEASE_JOB else set()
            assert writes == expected, f"{path.name} {name}: writes {sorted(writes) or 'nothing'}, should write {sorted(expected) or 'nothing'}"
