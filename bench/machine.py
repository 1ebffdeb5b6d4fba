"""The machine and the software versions a benchmark ran on, for results.json and bench/README.md."""
from __future__ import annotations

import os
import platform
import re
import subprocess
from importlib import metadata
from pathlib import Path

from bench.chromium import CHROMIUM
from compendium.hosting.nginx import nginx_binary


def describe(root: Path) -> dict:
    """CPU model and count, memory, OS, and the versions of everything that takes part."""
    return {
        "cpu": _cpu_model(),
        "cpus": os.cpu_count(),
        "memory_gib": round(_mem_total_kib() / 1024**2, 1),
        "os": _os_name(),
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "material": metadata.version("mkdocs-material"),
        "chromium": _version([str(CHROMIUM), "--version"]),
        "lighthouse": _version([str(root / "node_modules" / ".bin" / "lighthouse"), "--version"]),
        "nginx": _version([nginx_binary(), "-v"]),
    }


def summary(m: dict) -> str:
    """One line for bench/README.md: where the figures come from."""
    return (f"{m['cpu']} ×{m['cpus']}, {m['memory_gib']} GiB, {m['os']}; Python {m['python']}, "
            f"MkDocs {m['mkdocs']}, Material {m['material']}, Chromium {m['chromium']}, "
            f"Lighthouse {m['lighthouse']}, nginx {m['nginx']}")


def _cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo (the platform's name elsewhere)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown"
    m = re.search(r"^model name\s*:\s*(.+)$", text, re.M)
    return m.group(1).strip() if m else platform.processor() or "unknown"


def _mem_total_kib() -> int:
    """Total memory in KiB, from /proc/meminfo."""
    m = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(encoding="utf-8"), re.M)
    return int(m.group(1)) if m else 0


def _os_name() -> str:
    """The distribution's name and version (Debian GNU/Linux 12 (bookworm)), else the kernel's."""
    try:
        return platform.freedesktop_os_release()["PRETTY_NAME"]
    except (OSError, KeyError):
        return platform.platform(terse=True)


def _version(cmd: list[str]) -> str:
    """The first version number a `--version` command prints (nginx prints to stderr), or 'missing'."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except OSError:
        return "missing"
    m = re.search(r"\d+(?:\.\d+)+", proc.stdout + "\n" + proc.stderr)
    return m.group(0) if m else "missing"
