"""Turn what a run measured into the rows of the table, each with its budget."""
from __future__ import annotations

from dataclasses import dataclass

from bench.budgets import (BUILD_VS_PLAIN, FIRST_VIEW_ASSETS_KB, FIRST_VIEW_KB, GROWTH_16X, HOME_VIEW_KB, LIGHTHOUSE,
                           NEXT_PAGE_KB, PDF_SECONDS, SEARCH_MEDIAN_MS, SEARCH_WORST_MS, STUDY_DOCUMENT_KB,
                           STUDY_FIRST_VIEW_KB, per_language)
from bench.build import Series
from bench.pdf import PdfRun
from bench.report import NOT_BUILT, SKIPPED, Figure
from bench.search import Latency, median_and_worst
from bench.weight import View

SCALES = (1, 4, 16)
LIGHTHOUSE_PAGES = {"home": "home page", "longest": "longest document page", "timeline": "论述时间线",
                    "documents": "文件索引", "topic": "largest 主题对照 page", "target_table": "指标目标表, largest page",
                    "english": "English document page (the longest)", "study": "我的学习", "quiz": "自测, largest quiz page"}


@dataclass
class Measures:
    """Everything one run measured; pairs are (this site, plain Material)."""

    quick: bool
    languages: int
    documents: dict[int, int]  # corpus factor → number of document pages
    builds: dict[int, tuple[Series, Series]]  # only the factors that were built
    pages: dict[str, str | None]  # bench.pages.measured_pages
    first: tuple[View, View]
    next: tuple[View, View]
    target_table: View | None
    home: View  # a first view of the home page
    index: tuple[tuple[int, int], tuple[int, int]]  # (raw, gzip) bytes
    latency: tuple[list[Latency], list[Latency]]
    lighthouse: dict[str, tuple[tuple[float, list[float]], tuple[float, list[float]] | None]]
    pdf_tool: bool  # tools/pdf.sh exists
    pdf: PdfRun | None
    study: dict[str, int] | None = None  # bench.pages.study_assets
    quiz: View | None = None  # a first view of the largest 自测 page


def all_figures(m: Measures) -> list[Figure]:
    """Every row, in the order of the table."""
    return [*build_figures(m), *weight_figures(m), *search_figures(m), *pdf_figures(m), *lighthouse_figures(m)]


def build_figures(m: Measures) -> list[Figure]:
    """Build time at each corpus size, its ratio to plain Material, growth, peak memory."""
    budget = per_language(BUILD_VS_PLAIN, m.languages)
    rows = []
    for n in SCALES:
        time_label = f"build time, {n}× corpus ({m.documents[n]} documents), median (min–max); CPU time"
        ratio_label = f"build {n}×: this site ÷ plain Material (medians)"
        if n not in m.builds:
            rows += [Figure(f"build.{n}x.seconds", time_label, "s", note=SKIPPED),
                     Figure(f"build.{n}x.ratio", ratio_label, "×", budget=budget, note=SKIPPED)]
            continue
        mine, plain = m.builds[n]
        rows += [Figure(f"build.{n}x.seconds", time_label, "s", mine.median, plain.median,
                        project_range=(mine.min, mine.max), plain_range=(plain.min, plain.max),
                        project_cpu=mine.cpu_median, plain_cpu=plain.cpu_median,
                        detail={"project": mine.as_dict(), "plain": plain.as_dict()}),
                 Figure(f"build.{n}x.ratio", ratio_label, "×", mine.median / plain.median, budget=budget,
                        project_cpu=mine.cpu_median / plain.cpu_median)]
    growth = Figure("build.growth_16x", "build time 16× ÷ 1× (medians)", "×", budget=GROWTH_16X, note=SKIPPED)
    if 1 in m.builds and 16 in m.builds:
        (mine1, plain1), (mine16, plain16) = m.builds[1], m.builds[16]
        growth = Figure(growth.key, growth.label, "×", mine16.median / mine1.median, plain16.median / plain1.median,
                        budget=GROWTH_16X, project_cpu=mine16.cpu_median / mine1.cpu_median,
                        plain_cpu=plain16.cpu_median / plain1.cpu_median)
    rows.append(growth)
    for n in (1, 16):
        label = f"peak memory (max RSS) of the build, {n}× corpus"
        if n in m.builds:
            mine, plain = m.builds[n]
            rows.append(Figure(f"build.{n}x.max_rss", label, "MiB", mine.peak_rss_mb, plain.peak_rss_mb))
        else:
            rows.append(Figure(f"build.{n}x.max_rss", label, "MiB", note=SKIPPED))
    return rows


def weight_figures(m: Measures) -> list[Figure]:
    """Bytes a phone transfers: first view, its search index, the next page, the 指标目标表 page."""
    (first, plain_first), (after, plain_after) = m.first, m.next
    share = first.index_bytes / first.bytes if first.bytes else 0
    table = Figure("weight.target_table", "first view of the 指标目标表 page, empty cache", "kB", note=NOT_BUILT)
    if m.target_table:
        table = Figure(table.key, f"first view of the 指标目标表 page ({m.target_table.url}), empty cache", "kB",
                       m.target_table.bytes / 1000, detail=m.target_table.as_dict())
    assets, plain_assets = first.bytes - first.page_bytes, plain_first.bytes - plain_first.page_bytes
    return [
        Figure("weight.first_view", f"first view of the longest document page ({first.url}), empty cache, "
               "transferred", "kB", first.bytes / 1000, plain_first.bytes / 1000, FIRST_VIEW_KB,
               detail={"project": first.as_dict(), "plain": plain_first.as_dict()}),
        Figure("weight.first_view_assets", "… of which everything besides the page's own HTML", "kB",
               assets / 1000, plain_assets / 1000, FIRST_VIEW_ASSETS_KB),
        Figure("weight.home", f"first view of the home page ({m.home.url}), empty cache", "kB", m.home.bytes / 1000,
               budget=HOME_VIEW_KB, detail=m.home.as_dict()),
        Figure("weight.first_view_index", f"… of which the search index ({share:.0%} of the first view)", "kB",
               first.index_bytes / 1000, plain_first.index_bytes / 1000, detail={"share": round(share, 3)}),
        Figure("weight.next_page", f"then a click to the next page ({after.url}), warm cache", "kB",
               after.bytes / 1000, plain_after.bytes / 1000, NEXT_PAGE_KB,
               detail={"project": after.as_dict(), "plain": plain_after.as_dict()}),
        table,
        *quiz_figures(m),
        *study_figures(m),
    ]


def quiz_figures(m: Measures) -> list[Figure]:
    """A first view of the largest 自测 page: what it loads besides its HTML, within the first view's budget."""
    label = "first view of the largest 自测 page, besides its own HTML, empty cache"
    if not m.quiz:
        return [Figure("weight.quiz_assets", label, "kB", budget=FIRST_VIEW_ASSETS_KB, note=NOT_BUILT)]
    return [Figure("weight.quiz_assets", f"first view of the largest 自测 page ({m.quiz.url}), besides its own HTML, "
                   "empty cache", "kB", (m.quiz.bytes - m.quiz.page_bytes) / 1000, budget=FIRST_VIEW_ASSETS_KB,
                   detail=m.quiz.as_dict())]


def study_figures(m: Measures) -> list[Figure]:
    """What the 我的学习 tools add, gzip: to every page's first view, and in all to a document page."""
    first_label = "我的学习: added to every page's first view (study-boot.js, study.css), gzip"
    all_label = "我的学习: in all on a document page, once used (and study.js, study-tools.css), gzip"
    if not m.study or not m.study["first_view"]:
        return [Figure("weight.study_first_view", first_label, "kB", budget=STUDY_FIRST_VIEW_KB, note=NOT_BUILT),
                Figure("weight.study_document", all_label, "kB", budget=STUDY_DOCUMENT_KB, note=NOT_BUILT)]
    first, total = m.study["first_view"], m.study["first_view"] + m.study["on_demand"]
    return [Figure("weight.study_first_view", first_label, "kB", first / 1000, budget=STUDY_FIRST_VIEW_KB,
                   detail=m.study),
            Figure("weight.study_document", all_label, "kB", total / 1000, budget=STUDY_DOCUMENT_KB)]


def search_figures(m: Measures) -> list[Figure]:
    """Index size, raw and gzip, and keystroke-to-results latency."""
    (raw, gz), (plain_raw, plain_gz) = m.index
    mine, plain = m.latency
    (median, worst), (plain_median, plain_worst) = median_and_worst(mine), median_and_worst(plain)
    per_query = {"project": [vars(x) for x in mine], "plain": [vars(x) for x in plain]}
    n = len(mine)
    return [
        Figure("search.index_raw", "search index, raw", "kB", raw / 1000, plain_raw / 1000),
        Figure("search.index_gzip", "search index, gzip (level 6)", "kB", gz / 1000, plain_gz / 1000),
        Figure("search.latency_median", f"search: last keystroke to rendered results, median of {n} queries",
               "ms", median, plain_median, SEARCH_MEDIAN_MS, detail=per_query),
        Figure("search.latency_worst", f"search: last keystroke to rendered results, worst of {n} queries",
               "ms", worst, plain_worst, SEARCH_WORST_MS),
    ]


def pdf_figures(m: Measures) -> list[Figure]:
    """Time to build every PDF booklet, and the size of each."""
    label = "PDF booklets: time to build them all (tools/pdf.sh)"
    if not m.pdf_tool:
        return [Figure("pdf.seconds", label, "s", budget=PDF_SECONDS, note=NOT_BUILT)]
    if m.pdf is None:
        return [Figure("pdf.seconds", label, "s", budget=PDF_SECONDS, note=SKIPPED)]
    rows = [Figure("pdf.seconds", label, "s", m.pdf.seconds, budget=PDF_SECONDS, project_cpu=m.pdf.cpu_seconds,
                   detail={"sizes": m.pdf.sizes})]
    rows += [Figure(f"pdf.size.{path}", f"PDF {path}", "kB", size / 1000) for path, size in m.pdf.sizes.items()]
    return rows


def lighthouse_figures(m: Measures) -> list[Figure]:
    """Lighthouse mobile Performance, median of its runs, of each measured page."""
    rows = []
    for key, what in LIGHTHOUSE_PAGES.items():
        path = m.pages.get(key)
        label = f"Lighthouse mobile Performance, {what}" + (f" ({path})" if path else "")
        if not path:
            rows.append(Figure(f"lighthouse.{key}", label, "score", budget=LIGHTHOUSE, note=NOT_BUILT))
        elif key not in m.lighthouse:
            rows.append(Figure(f"lighthouse.{key}", label, "score", budget=LIGHTHOUSE, note=SKIPPED))
        else:
            (median, scores), plain = m.lighthouse[key]
            rows.append(Figure(f"lighthouse.{key}", label, "score", median, plain[0] if plain else None, LIGHTHOUSE,
                               project_range=(min(scores), max(scores)),
                               plain_range=(min(plain[1]), max(plain[1])) if plain else None,
                               detail={"project": scores, "plain": plain[1] if plain else None}))
    return rows
