"""The benchmark of the site against plain Material for MkDocs (run by tools/bench.sh).

corpus (copies of the project, multiplied) · plain (the baseline project) · build (timed builds,
peak memory) · nginx (serving) · chromium, pages, weight, search (in the browser) · lighthouse ·
pdf · machine · budgets · figures (rows) · report (results.json, table, README) · run (the order).
"""
