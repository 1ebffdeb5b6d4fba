"""PDF booklets: the time to build them all with tools/pdf.sh, and each one's size, once it exists."""
from __future__ import annotations

import os
import resource
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

PDF_TOOL = Path("tools") / "pdf.sh"
_SKIP = {".git", ".venv", "node_modules"}


@dataclass(frozen=True)
class PdfRun:
    """One run of tools/pdf.sh: wall and CPU seconds, and the size of each PDF it wrote (path → bytes).

    CPU time adds up every process of the run (booklets are set in parallel: it can exceed wall time).
    """

    seconds: float
    cpu_seconds: float
    sizes: dict[str, int]


def exists(project: Path) -> bool:
    """True once the project has tools/pdf.sh."""
    return (project / PDF_TOOL).is_file()


def build_pdfs(project: Path) -> PdfRun:
    """Run tools/pdf.sh in `project` (a copy); a failure raises with its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    since, start, before = time.time(), time.perf_counter(), _children_cpu()
    proc = subprocess.run(["bash", str(PDF_TOOL)], cwd=project, env=env, capture_output=True, text=True,
                          timeout=1800)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - before
    if proc.returncode != 0:
        raise RuntimeError(f"tools/pdf.sh failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
    return PdfRun(seconds, cpu, _new_pdfs(project, since))


def _children_cpu() -> float:
    """User + system seconds of every finished child process (and theirs) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _new_pdfs(project: Path, since: float) -> dict[str, int]:
    """Every PDF under `project` written since `since` (epoch seconds): relative path → bytes."""
    found = {}
    for folder, dirs, files in os.walk(project):  # does not follow the linked .venv/node_modules
        dirs[:] = [d for d in dirs if d not in _SKIP]
        for name in files:
            path = Path(folder) / name
            if name.lower().endswith(".pdf") and path.stat().st_mtime >= since - 1:  # coarse file clocks
                found[path.relative_to(project).as_posix()] = path.stat().st_size
    return dict(sorted(found.items()))
