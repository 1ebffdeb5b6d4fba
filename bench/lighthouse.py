"""Lighthouse mobile Performance (Lighthouse's default profile), with Debian Chromium."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path

from bench.chromium import CHROMIUM

CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


def lighthouse_bin(root: Path) -> Path:
    """The Lighthouse of package-lock.json, installed by tools/setup.sh."""
    path = root / "node_modules" / ".bin" / "lighthouse"
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run tools/setup.sh (it installs the Node tools)")
    return path


def performance_score(root: Path, url: str) -> float:
    """One Lighthouse run of `url`: the Performance score, 0–100."""
    cmd = [str(lighthouse_bin(root)), url, "--only-categories=performance", "--output=json",
           "--output-path=stdout", "--quiet", f"--chrome-flags={CHROME_FLAGS}"]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
    report = json.loads(proc.stdout)
    score = report["categories"]["performance"]["score"]
    if score is None:  # Lighthouse could not score the page (runtimeError says why)
        raise RuntimeError(f"lighthouse gave no score for {url}: {report.get('runtimeError')}")
    return round(score * 100, 1)


def median_scores(root: Path, urls: list[str], runs: int = 3) -> list[tuple[float, list[float]]]:
    """Each URL's median Performance score over `runs` rounds, and every score; in each round the
    URLs take turns, so that the site and plain Material see the same load."""
    scores: list[list[float]] = [[] for _ in urls]
    for _ in range(runs):
        for mine, url in zip(scores, urls):
            mine.append(performance_score(root, url))
    return [(statistics.median(s), s) for s in scores]
