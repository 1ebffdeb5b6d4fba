"""自测: a question bank drawn from the book, its quiz pages, the daily set and the printed sheets.

Parse → model → render:
- ``exclusions``: ``data/quiz-exclusions.yml``, the reviewed list of what is not asked (a doubtful
  value, an ambiguous stem, a formulation too short or too long to blank), each with its reason;
- ``bank``: the questions, made by fixed templates from the target table's records
  (compendium.targets.records) and from the remarks of part 1 as the 论述时间线 reads them
  (compendium.indexes.timeline: date and occasion; remarks judged the same never give each other
  wrong options); every target and every quoted formulation is a question or an exclusion;
- ``daily``: the 每日一练 set of a date (the same ten for everyone, mirrored by quiz.js);
- ``pages``: the quiz pages (自测 section, ≤ 40 questions a page, answers behind disclosures),
  ``data/quiz.json`` and the bank script the daily set and the 错题本 read;
- ``sheets``: the printed question sheets with their answer key (tools/pdf.py).

Writes: pages' Markdown and published data (``hooks/quiz.py``); the pages' script is
``docs/assets/javascripts/quiz.js``, which keeps the 错题本 in 我的学习's record.

Builds on: book, targets, indexes.
"""
