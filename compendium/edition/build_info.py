"""Version and build date of the site."""
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


def build_info() -> dict[str, str]:
    """{'version': '0.1.0+abc1234', 'date': 'YYYY-MM-DD'} for this build."""
    version = project_version()
    commit = _git_commit()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return {"version": f"{version}+{commit}" if commit else version, "date": now.date().isoformat()}


def _git_commit() -> str:
    """Short commit of the checkout, or "" outside git."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             timeout=5, check=False)
    except OSError:
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""
