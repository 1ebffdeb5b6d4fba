"""One timed build of the site and one of plain Material at one corpus size: a look at how the
build scales without the full benchmark (which times five of each at 1×, 4× and 16×).

    .venv/bin/python -m bench.scale 16      (after tools/setup.sh; a few minutes at 16×)

Prints each build's wall and CPU time, the CPU ratio and the build budget per language.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench.budgets import BUILD_VS_PLAIN, per_language
from bench.build import BuildRun, languages, timed_build
from bench.corpus import copy_project, multiply
from bench.plain import write_plain_project

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Build both at the factor asked for (16 by default) and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("factor", type=int, nargs="?", default=16, help="corpus size, × the documents (default 16)")
    factor = parser.parse_args(argv).factor
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp_name:
        tmp = Path(tmp_name)
        project = copy_project(ROOT, tmp / "project")
        documents = multiply(project, factor)
        plain = write_plain_project(project, tmp / "plain")
        mine = timed_build(project, tmp / "site-project")
        theirs = timed_build(plain, tmp / "site-plain")
        budget = per_language(BUILD_VS_PLAIN, languages(project))
    ratio = mine.cpu_seconds / theirs.cpu_seconds
    print(f"{factor}× corpus ({documents} documents), one build of each")
    print(f"  this site:      {_figures(mine)}")
    print(f"  plain Material: {_figures(theirs)}")
    print(f"  this site ÷ plain: CPU {ratio:.2f}×, wall {mine.seconds / theirs.seconds:.2f}× "
          f"(budget {budget.text}; CPU {'within' if budget.passes(ratio) else 'over'})")
    return 0


def _figures(run: BuildRun) -> str:
    """Wall time, CPU time and peak memory of one build."""
    return f"{run.seconds:.2f} s wall, CPU {run.cpu_seconds:.2f} s, {run.max_rss_mb:.0f} MB peak"


if __name__ == "__main__":
    raise SystemExit(main())
