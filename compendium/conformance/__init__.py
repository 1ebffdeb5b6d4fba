"""Checks of a built site: links and anchors, heading outlines, and the field's checkers' reports.

- ``site_checks``: internal links and fragments, heading outlines, the Nu HTML Checker's and
  axe-core's reports as findings (page, rule, element).

Reads built HTML only and changes nothing; the tests run it over every page. Imports nothing of
the core.
"""
