"""The benchmark run: builds against plain Material, then page weight, search, PDF and Lighthouse.

    python -m bench [--quick] [--out PATH]      (tools/bench.sh sets up, then runs this)

Everything happens in a temporary folder: a copy of the project (multiplied for 4× and 16×) and a
plain Material project over the same Markdown, built in turn so that both see the same load.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from bench import pdf
from bench.build import alternate, languages, timed_build
from bench.chromium import chromium
from bench.corpus import copy_project, document_pages, multiply
from bench.figures import SCALES, Measures, all_figures
from bench.lighthouse import median_scores
from bench.machine import describe
from bench.pages import HOME, measured_pages, study_assets
from bench.plain import PLAIN_NGINX, write_plain_project
from bench.report import (HEADLINE_BEGIN, HEADLINE_END, README_BEGIN, README_END, headline, render_markdown,
                          replace_marked, write_results)
from bench.search import index_sizes, latencies, load_queries
from bench.weight import first_and_next
from compendium.hosting.nginx import SITE_PATH, serve, served_path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "bench" / "results.json"  # committed: the full run of record
QUICK_OUT = ROOT / "build" / "bench-quick.json"  # build/ is ignored by git
BUILD_RUNS = 5
LIGHTHOUSE_RUNS = 3


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, write its results, print the table; for a full run, bench/README.md's table
    and the README's headline."""
    args = _arguments(argv)
    out = (args.out or (QUICK_OUT if args.quick else DEFAULT_OUT)).resolve()
    if args.quick and out == DEFAULT_OUT:
        print(f"bench: --quick does not overwrite {DEFAULT_OUT.relative_to(ROOT)}, the full run of record; "
              "give another --out", file=sys.stderr)
        return 2
    try:
        results = run(ROOT, args.quick)
    except RuntimeError as err:
        print(f"bench: {err}", file=sys.stderr)
        return 1
    write_results(results, out)
    table = render_markdown(results)
    print(table)
    if out == DEFAULT_OUT:
        replace_marked(ROOT / "bench" / "README.md", README_BEGIN, README_END, table)
        replace_marked(ROOT / "README.md", HEADLINE_BEGIN, HEADLINE_END, headline(results) + "\n")
    misses = ", ".join(results["misses"]) or "none"
    print(f"bench: wrote {out}; budgets missed: {misses}")
    return 0


def run(root: Path, quick: bool) -> dict:
    """Measure everything once (one run of each and the 1× corpus only when `quick`)."""
    runs, scales = (1, (1,)) if quick else (BUILD_RUNS, SCALES)
    date = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        project = copy_project(root, tmp / "project")
        documents = len(document_pages(project / "docs"))
        builds, pdf_run = {}, None
        if not quick and pdf.exists(project):
            # First, as a release does: the builds then publish the booklets on the downloads page.
            _log("PDF booklets (tools/pdf.sh)")
            pdf_run = pdf.build_pdfs(project)
        for n in scales:
            multiply(project, n)
            plain = write_plain_project(project, tmp / "plain")
            sites = tmp / f"sites-{n}x"
            if n == 1 and not quick:
                _log("a first build of each, not timed (caches, compiled modules)")
                timed_build(project, sites / "project")
                timed_build(plain, sites / "plain")
            _log(f"{runs} build(s) of each, in turn, at {n}× ({documents * n} documents)")
            builds[n] = alternate(project, plain, sites, runs)
        measures = Measures(quick=quick, languages=languages(project),
                            documents={n: documents * n for n in SCALES}, builds=builds,
                            pdf_tool=pdf.exists(project), pdf=pdf_run,
                            **measure_sites(root, tmp / "sites-1x", tmp / "logs", quick))
    figures = [f.as_dict() for f in all_figures(measures)]
    return {
        "date": date,
        "mode": "quick" if quick else "full",
        "command": "./tools/bench.sh" + (" --quick" if quick else ""),
        "settings": {"build_runs": runs, "scales": list(scales), "lighthouse_runs": 0 if quick else LIGHTHOUSE_RUNS,
                     "languages": measures.languages,
                     "nginx": f"the build's {SITE_PATH}; plain Material: gzip only"},
        "machine": describe(root),
        "pages": measures.pages,
        "figures": figures,
        "misses": [f["key"] for f in figures if f["status"] == "MISS"],
    }


def measure_sites(root: Path, sites: Path, logs: Path, quick: bool) -> dict:
    """Page weight, search and Lighthouse of the 1× builds, each behind nginx: the site with the
    configuration its build ships, plain Material with gzip only."""
    mine, plain = sites / "project", sites / "plain"
    pages = measured_pages(mine)
    queries = load_queries()
    logs.mkdir()
    log, plain_log = logs / "project.log", logs / "plain.log"
    out: dict = {"pages": pages, "index": (index_sizes(mine), index_sizes(plain)), "lighthouse": {},
                 "study": study_assets(mine)}
    shipped = (mine / SITE_PATH).read_text(encoding="utf-8")
    with serve(mine, shipped, log) as origin, serve(plain, PLAIN_NGINX, plain_log) as plain_origin:
        base, plain_base = origin + served_path(shipped), plain_origin + "/"
        with chromium() as browser:
            _log(f"page weight of {pages['longest']} and the next page")
            first, after = first_and_next(browser, base, log, pages["longest"])
            plain_first, plain_after = first_and_next(browser, plain_base, plain_log, pages["longest"], to=after.url)
            out["first"], out["next"] = (first, plain_first), (after, plain_after)
            out["home"] = first_and_next(browser, base, log, HOME, follow=False)[0]
            out["target_table"] = None
            if pages["target_table"]:
                out["target_table"] = first_and_next(browser, base, log, pages["target_table"], follow=False)[0]
            if pages.get("quiz"):
                out["quiz"] = first_and_next(browser, base, log, pages["quiz"], follow=False)[0]
            _log(f"search latency over {len(queries)} queries")
            out["latency"] = (latencies(browser, base + HOME, queries), latencies(browser, plain_base + HOME, queries))
        if not quick:
            for key, path in pages.items():
                if path:
                    _log(f"Lighthouse ×{LIGHTHOUSE_RUNS}: {path}")
                    urls = [base + path] + ([plain_base + path] if (plain / path).exists() else [])
                    scores = median_scores(root, urls, LIGHTHOUSE_RUNS)
                    out["lighthouse"][key] = (scores[0], scores[1] if len(scores) > 1 else None)
    return out


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tools/bench.sh", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="one run of each, 1× corpus only, no Lighthouse and no PDF (what the test suite runs)")
    parser.add_argument("--out", type=Path, help=f"results file (default: {DEFAULT_OUT.relative_to(ROOT)}, "
                        f"or {QUICK_OUT.relative_to(ROOT)} with --quick)")
    return parser.parse_args(argv)


def _log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)
