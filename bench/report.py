"""Results of a run: figures with their budgets, results.json, the table of bench/README.md and the
README's headline line."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from bench.budgets import Budget
from bench.machine import summary

README_BEGIN = "<!-- bench:begin (written by tools/bench.sh) -->"  # the table, in bench/README.md
README_END = "<!-- bench:end -->"
HEADLINE_BEGIN = "<!-- bench:headline (written by tools/bench.sh) -->"  # one line, in README.md
HEADLINE_END = "<!-- bench:headline-end -->"
# The figures the README's headline names, when the run has them, by a short name.
HEADLINE_KEYS = {"build.1x.ratio": "build ÷ plain Material", "weight.first_view": "first view of the longest page",
                 "weight.next_page": "next page", "search.latency_median": "search, median"}
NOT_BUILT = "not built yet"
SKIPPED = "skipped (--quick)"
_FORMATS = {"s": "{:.2f} s", "×": "{:.2f}×", "kB": "{:.1f} kB", "MiB": "{:.0f} MiB", "ms": "{:.0f} ms",
            "score": "{:g}"}


@dataclass
class Figure:
    """One row of the table: the project's value, plain Material's where it applies, the budget."""

    key: str  # stable id, e.g. build.1x.ratio
    label: str
    unit: str  # a key of _FORMATS
    project: float | None = None
    plain: float | None = None
    budget: Budget | None = None
    note: str = ""  # why there is no value: NOT_BUILT or SKIPPED
    project_range: tuple[float, float] | None = None  # min and max over the runs
    plain_range: tuple[float, float] | None = None
    project_cpu: float | None = None  # the same figure from CPU time, for build times
    plain_cpu: float | None = None
    detail: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        """The figure for results.json, with whether it keeps its budget."""
        passes = None if self.project is None or self.budget is None else self.budget.passes(self.project)
        status = self.note or ("no budget" if passes is None else "pass" if passes else "MISS")
        return {"key": self.key, "label": self.label, "unit": self.unit,
                "project": _round(self.project), "plain": _round(self.plain),
                "project_range": _round_all(self.project_range), "plain_range": _round_all(self.plain_range),
                "project_cpu": _round(self.project_cpu), "plain_cpu": _round(self.plain_cpu),
                "budget": self.budget.text if self.budget else None,
                "limit": self.budget.limit if self.budget else None,
                "at_least": self.budget.at_least if self.budget else None,
                "pass": passes, "status": status, "detail": self.detail}


def write_results(results: dict, out: Path) -> None:
    """Write results.json (UTF-8, readable in a diff)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def render_markdown(results: dict) -> str:
    """The table of a run with its date, mode and machine, in Markdown (printed and in the README)."""
    s = results["settings"]
    runs = f"{s['build_runs']} build{'s' if s['build_runs'] > 1 else ''} of each at {', '.join(f'{n}×' for n in s['scales'])}; "
    runs += f"Lighthouse median of {s['lighthouse_runs']}" if s["lighthouse_runs"] else "no Lighthouse"
    lines = [f"Run of {results['date']} (`{results['command']}`: {runs}; nginx: {s['nginx']}) "
             f"on {summary(results['machine'])}.",
             "",
             "| figure | this site | plain Material | budget | result |",
             "| --- | ---: | ---: | --- | --- |"]
    for f in results["figures"]:
        verdict = {"pass": "ok", "MISS": "**MISS**", "no budget": ""}.get(f["status"], "")
        project = _cell(f["project"], f["unit"], f["project_range"], f["project_cpu"]) \
            if f["project"] is not None else f["status"]
        plain = _cell(f["plain"], f["unit"], f["plain_range"], f["plain_cpu"])
        lines.append(f"| {f['label']} | {project} | {plain} "
                     f"| {f['budget'] or ''} | {verdict} |")
    return "\n".join(lines) + "\n"


def headline(results: dict) -> str:
    """One line of the run's main figures and its misses, for the README (the table is in bench/README.md)."""
    figures = {f["key"]: f for f in results["figures"]}
    budgeted = [f for f in figures.values() if f["budget"] and f["status"] in ("pass", "MISS")]
    kept = sum(f["status"] == "pass" for f in budgeted)
    shown = [f"{name} {_cell(figures[k]['project'], figures[k]['unit'], None)}"
             for k, name in HEADLINE_KEYS.items() if k in figures and figures[k]["project"] is not None]
    scores = {k.split(".", 1)[1]: f for k, f in figures.items() if k.startswith("lighthouse.") and f["project"] is not None}
    if scores:
        shown.append(f"Lighthouse mobile Performance {' / '.join(_cell(f['project'], f['unit'], None) for f in scores.values())}"
                     f" ({' / '.join(scores)})")
    missed = ", ".join(f"{k} {_cell(figures[k]['project'], figures[k]['unit'], None)} (budget {figures[k]['budget']})"
                       for k in results["misses"])
    return (f"Run of record {results['date'][:10]}: {kept} of {len(budgeted)} budgets kept; {'; '.join(shown)}."
            + (f" Missed: {missed}." if missed else ""))


def replace_marked(path: Path, begin: str, end: str, block: str) -> None:
    """Replace what stands between the markers `begin` and `end` of a Markdown file with `block`."""
    text = path.read_text(encoding="utf-8")
    if begin not in text or end not in text:
        raise RuntimeError(f"{path} has no benchmark markers: add {begin} and {end}")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{begin}\n{block}{end}{tail}", encoding="utf-8")


def marked(path: Path, begin: str, end: str) -> str:
    """What stands between the markers of a Markdown file, stripped."""
    return path.read_text(encoding="utf-8").split(begin, 1)[1].split(end, 1)[0].strip()


def _cell(value: float | None, unit: str, rng: list | None, cpu: float | None = None) -> str:
    """A value with its unit, its min–max over the runs when there were several, its CPU-time twin."""
    if value is None:
        return ""
    fmt = _FORMATS[unit]
    text = fmt.format(value)
    if rng and rng[0] != rng[1]:
        text += f" ({fmt.format(rng[0]).split(' ')[0]}–{fmt.format(rng[1])})"
    if cpu is not None:
        text += f"; CPU {fmt.format(cpu)}"
    return text


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _round_all(values) -> list | None:
    return None if values is None else [round(v, 3) for v in values]
