"""The benchmark of the site against plain Material for MkDocs (run by tools/bench.sh).

corpus (copies of the project, multiplied) · plain (the baseline project and how it is served) ·
build (timed builds, peak memory) · chromium, pages, weight, search (in the browser, behind the
nginx of compendium.hosting.nginx) · lighthouse · pdf · machine · budgets · figures (rows) · report
(results.json, the table of bench/README.md, the README's headline) · run (the order).
"""
