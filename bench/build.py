"""Timed builds: wall time and peak memory of `mkdocs build`, project and plain Material in turn."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class BuildRun:
    """One build: wall-clock seconds, CPU seconds (user + system) and peak resident memory.

    CPU time hardly changes with the load of a shared machine, where wall time can double.
    """

    seconds: float
    cpu_seconds: float
    max_rss_mb: float


@dataclass(frozen=True)
class Series:
    """Several builds of one project at one corpus size."""

    runs: list[BuildRun]

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def min(self) -> float:
        return min(r.seconds for r in self.runs)

    @property
    def max(self) -> float:
        return max(r.seconds for r in self.runs)

    @property
    def cpu_median(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)

    @property
    def peak_rss_mb(self) -> float:
        return max(r.max_rss_mb for r in self.runs)

    def as_dict(self) -> dict:
        """Every run and the summary, for results.json."""
        return {"median": round(self.median, 3), "min": round(self.min, 3), "max": round(self.max, 3),
                "cpu_median": round(self.cpu_median, 3),
                "seconds": [round(r.seconds, 3) for r in self.runs],
                "cpu_seconds": [round(r.cpu_seconds, 3) for r in self.runs],
                "max_rss_mb": [round(r.max_rss_mb, 1) for r in self.runs]}


def timed_build(project: Path, site: Path, strict: bool = True) -> BuildRun:
    """Build `project` into `site` in a fresh process; a failed build raises with its log."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd + (["--strict"] if strict else []), cwd=project, env=env,
                                stdout=log, stderr=subprocess.STDOUT)
        # wait4 rather than wait: it also returns the child's resource usage, peak memory included.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            log.seek(0)
            raise RuntimeError(f"mkdocs build failed in {project}:\n{log.read()[-3000:]}")
    return BuildRun(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # maxrss: KiB


def alternate(project: Path, plain: Path, sites: Path, runs: int) -> tuple[Series, Series]:
    """`runs` builds of each, project and plain in turn, so that both see the same machine load."""
    mine: list[BuildRun] = []
    theirs: list[BuildRun] = []
    for _ in range(runs):
        mine.append(timed_build(project, sites / "project"))
        theirs.append(timed_build(plain, sites / "plain"))
    return Series(mine), Series(theirs)


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its !ENV and !!python/name tags."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def languages(project: Path) -> int:
    """How many languages the project's build writes: those of the i18n plugin, else one."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            return max(1, len(plugin["i18n"].get("languages") or []))
    return 1
