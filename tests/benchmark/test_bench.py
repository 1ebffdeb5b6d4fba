"""The benchmark runs and reports every figure with its budget (tools/bench.sh; no time asserted)."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from support.project import ROOT, run_mkdocs_build

sys.path.insert(0, str(ROOT))  # the benchmark package, bench/, beside tests/
from bench.corpus import copy_project, document_pages, multiply
from bench.report import HEADLINE_BEGIN, HEADLINE_END, README_BEGIN, README_END, headline, marked, render_markdown
from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary

COMMITTED = ROOT / "bench" / "results.json"
BENCH_README = ROOT / "bench" / "README.md"  # the run of record's table
# Every figure of issues 5 and 17, with the budget it must be printed against (None: a figure without one).
FIGURES = {
    "build.1x.seconds": None, "build.1x.ratio": "≤ 2× plain",
    "build.4x.seconds": None, "build.4x.ratio": "≤ 2× plain",
    "build.16x.seconds": None, "build.16x.ratio": "≤ 2× plain",
    "build.growth_16x": "≤ 18×", "build.1x.max_rss": None, "build.16x.max_rss": None,
    "weight.first_view": "≤ 125 kB", "weight.first_view_assets": "≤ 85 kB", "weight.home": "≤ 110 kB",
    "weight.first_view_index": None, "weight.next_page": "≤ 30 kB", "weight.target_table": None,
    "search.index_raw": None, "search.index_gzip": None,
    "search.latency_median": "≤ 100 ms", "search.latency_worst": "≤ 250 ms",
    "pdf.seconds": "≤ 60 s",
    **{f"lighthouse.{kind}": "≥ 95" for kind in ("home", "longest", "timeline", "documents", "topic", "target_table",
                                                 "english")},
}
# What a quick run measures, for this site and for plain Material.
QUICK_MEASURED = ["build.1x.seconds", "build.1x.max_rss", "weight.first_view", "weight.first_view_assets",
                  "weight.first_view_index", "weight.next_page", "search.index_raw", "search.index_gzip", "search.latency_median",
                  "search.latency_worst"]
MACHINE = ["cpu", "cpus", "memory_gib", "os", "python", "mkdocs", "material", "chromium", "lighthouse", "nginx"]
ABSENT = {"not built yet", "skipped (--quick)"}


def check_complete(results: dict) -> dict[str, dict]:
    """Assert the shape every results file shares; the figures by key."""
    dt.datetime.fromisoformat(results["date"])
    for key in MACHINE:
        assert results["machine"].get(key) not in (None, "", "missing"), f"machine: {key} is missing"
    figures = {f["key"]: f for f in results["figures"]}
    assert set(FIGURES) <= set(figures), f"figures missing: {sorted(set(FIGURES) - set(figures))}"
    languages = results["settings"]["languages"]
    for key, budget in FIGURES.items():
        f = figures[key]
        if key.endswith(".ratio") and languages > 1:  # the build budget is per language built
            budget = f"{budget} × {languages} languages"
        assert f["budget"] == budget, f"{key}: budget {f['budget']!r}, the issue says {budget!r}"
        if f["project"] is None:
            assert f["status"] in ABSENT and f["pass"] is None, f"{key} has no value and no reason"
        elif budget:
            within = f["project"] >= f["limit"] if f["at_least"] else f["project"] <= f["limit"]
            assert f["pass"] is within and f["status"] == ("pass" if within else "MISS"), key
    assert results["misses"] == [k for k, f in figures.items() if f["status"] == "MISS"]
    return figures


@pytest.fixture(scope="module")
def quick(tmp_path_factory) -> dict:
    """A quick run of tools/bench.sh, with the committed results and both READMEs before and after."""
    before = _read(COMMITTED), _read(ROOT / "README.md"), _read(BENCH_README)
    out = tmp_path_factory.mktemp("bench") / "quick.json"
    proc = subprocess.run([str(ROOT / "tools" / "bench.sh"), "--quick", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"bench --quick failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    after = _read(COMMITTED), _read(ROOT / "README.md"), _read(BENCH_README)
    return {"results": json.loads(out.read_text(encoding="utf-8")), "stdout": proc.stdout,
            "untouched": before == after}


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def test_quick_run_writes_every_figure_with_its_budget(quick):
    results = quick["results"]
    assert results["mode"] == "quick"
    figures = check_complete(results)
    for key in QUICK_MEASURED:
        f = figures[key]
        assert f["project"] and f["project"] > 0 and f["plain"] and f["plain"] > 0, f"{key} not measured: {f}"
    assert figures["build.1x.ratio"]["project"] > 0 and figures["weight.home"]["project"] > 0
    for key in ["build.4x.seconds", "build.16x.seconds", "build.growth_16x", "lighthouse.home"]:
        assert figures[key]["status"] == "skipped (--quick)"
    # The search index is part of the first view; its gzip is smaller than the raw file.
    assert 0 < figures["weight.first_view_index"]["project"] < figures["weight.first_view"]["project"]
    assert figures["search.index_gzip"]["project"] < figures["search.index_raw"]["project"]
    # Every query of the fixed list was typed into the search box and timed, on both sites.
    latencies = figures["search.latency_median"]["detail"]
    queries = [q for q in (ROOT / "bench" / "queries.txt").read_text(encoding="utf-8").splitlines()
               if q.strip() and not q.startswith("#")]
    assert len(queries) == 20
    for site in ("project", "plain"):
        assert [x["query"] for x in latencies[site]] == queries and all(x["ms"] > 0 for x in latencies[site])
    # The table printed: a row per figure, each budget beside it, misses marked.
    assert render_markdown(results) in quick["stdout"]


def test_quick_run_leaves_the_run_of_record_alone(quick):
    assert quick["untouched"], "--quick changed bench/results.json, bench/README.md or the README"
    proc = subprocess.run([sys.executable, "-m", "bench", "--quick", "--out", str(COMMITTED)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "does not overwrite" in proc.stderr


def test_committed_results_are_a_complete_full_run_shown_in_the_readmes():
    results = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert results["mode"] == "full" and results["settings"]["scales"] == [1, 4, 16]
    assert results["settings"]["build_runs"] >= 5 and results["settings"]["lighthouse_runs"] >= 3
    figures = check_complete(results)
    assert not [k for k, f in figures.items() if f["status"] == "skipped (--quick)"]
    # What exists is measured: the booklets (each with its size) and the 指标目标表 page.
    if (ROOT / "tools" / "pdf.sh").exists():
        sizes = figures["pdf.seconds"]["detail"]["sizes"]
        assert figures["pdf.seconds"]["project"] > 0 and sizes and all(v > 0 for v in sizes.values())
        assert {f"pdf.size.{path}" for path in sizes} <= set(figures)
    if results["pages"]["target_table"]:
        assert figures["weight.target_table"]["project"] > 0 and figures["lighthouse.target_table"]["project"] > 0
    shown = marked(BENCH_README, README_BEGIN, README_END)
    assert shown == render_markdown(results).strip(), "bench/README.md's table is not that of bench/results.json"
    line = marked(ROOT / "README.md", HEADLINE_BEGIN, HEADLINE_END)
    assert line == headline(results).strip(), "the README's headline is not that of bench/results.json"
    assert "\n" not in line and all(f"{k} " in line for k in results["misses"]), "the headline hides a miss"


@pytest.mark.slow  # a build of its own
def test_multiplied_corpus_is_a_valid_compilation(tmp_path):
    # The 4× and 16× corpora: copies with new slugs, orders, titles and 文号 that the build accepts.
    project = copy_project(ROOT, tmp_path / "project")
    originals = len(document_pages(project / "docs"))
    # As a run does: 1×, then a larger corpus, then a larger one again.
    assert multiply(project, 1) == originals and multiply(project, 2) == 2 * originals
    assert multiply(project, 3) == 3 * originals
    docs = load_documents(project / "docs", load_vocabulary(project / "data" / "vocabulary.yml"))
    assert len(docs) == 3 * originals
    copies = [d for d in docs if d.path.endswith("-copy3.md")]
    assert len(copies) == originals
    assert len({d.meta.title for d in docs}) == len(docs)
    numbered = [d.meta.doc_no for d in docs if d.meta.doc_no]
    assert len(set(numbered)) == len(numbered) > originals // 2
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "site" / copies[0].url).is_file()
