"""Version and build date of the site; a build from a tree with uncommitted changes says so (+dirty)."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import tomllib
from pathlib import Path

from compendium import ROOT


def project_version(root: Path = ROOT) -> str:
    """The edition's version as pyproject.toml states it (0.1.0)."""
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


# What the site is built from: an uncommitted change here makes a build "+dirty" (a new page not
# yet added to git included; other untracked files, such as notes, are not).
BUILT_FROM = ("docs", "data", "source", "compendium", "hooks", "overrides", "booklet", "mkdocs.yml", "pyproject.toml",
              "requirements.txt", "package.json", "package-lock.json")
DIRTY = "dirty"


def build_info() -> dict[str, str]:
    """{'version': '0.1.0+abc1234', 'date': 'YYYY-MM-DD'} for this build; '0.1.0+abc1234+dirty' when
    what the site is built from has uncommitted changes, so that the footer, the 版本说明 page and the
    release zip's name do not pass such a build off as the commit."""
    version = project_version()
    commit = _git_commit()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    if commit:
        version = f"{version}+{commit}" + (f"+{DIRTY}" if uncommitted_changes() else "")
    return {"version": version, "date": now.date().isoformat()}


def uncommitted_changes(root: Path = ROOT) -> list[str]:
    """Files the site is built from that differ from the commit (changed, staged, deleted, or new
    and not ignored), as git names them; [] outside git."""
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all", "--", *BUILT_FROM], cwd=root,
                             capture_output=True, text=True, timeout=10, check=False)
    except OSError:
        return []
    return [line[3:] for line in out.stdout.splitlines() if line.strip()] if out.returncode == 0 else []


def _git_commit() -> str:
    """Short commit of the checkout, or "" outside git."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             timeout=5, check=False)
    except OSError:
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""
