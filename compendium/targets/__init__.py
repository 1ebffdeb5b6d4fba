"""The 指标目标表: every quantitative target of the pages, checked against its sentence.

Parse → model → render:
- ``sentences``: a page's text as sentences and table rows, each with its line;
- ``candidates``: the rule that proposes a sentence as a target (every candidate is a target or a
  reviewed exclusion in ``data/target-exclusions.yml``);
- ``records``: ``data/targets.yml`` loaded and checked against the vocabulary and the pages;
- ``marks``: the target sentences marked on their pages (``t-…`` anchors), linked to their rows;
- ``english``: the table's English (``data/targets-en.yml``);
- ``page``, ``charts``: the targets.html page, its rows for ``targets.json``/``targets.csv``, and
  the inline SVG charts.

Writes: the page's Markdown and the published rows (``hooks/targets.py``); the page's script is
``docs/assets/javascripts/targets.js``.

Builds on: book.
"""
