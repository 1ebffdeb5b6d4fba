"""The performance budgets of the site (issue 5), in one place; the report prints each beside its figure."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    """A limit on a figure: at most `limit`, or at least it when `at_least`."""

    limit: float
    text: str  # as the table prints it
    at_least: bool = False

    def passes(self, value: float) -> bool:
        """True if `value` keeps within the budget."""
        return value >= self.limit if self.at_least else value <= self.limit


# Full build at most 2× the plain Material build of the same pages, per language (see per_language).
BUILD_VS_PLAIN = Budget(2.0, "≤ 2× plain")
# Build time grows linearly: the 16× corpus within 18× the 1× time.
GROWTH_16X = Budget(18.0, "≤ 18×")
# Bytes transferred (gzip, headers and the service worker's requests included), in kB of 1000
# bytes: a first view of the longest document page, what it loads besides its own HTML, a first
# view of the home page, then the next page (issue 17).
FIRST_VIEW_KB = Budget(125.0, "≤ 125 kB")
FIRST_VIEW_ASSETS_KB = Budget(85.0, "≤ 85 kB")
HOME_VIEW_KB = Budget(110.0, "≤ 110 kB")
NEXT_PAGE_KB = Budget(30.0, "≤ 30 kB")
# What the 我的学习 tools add (issue 18), gzip: to what every page loads, and in all to a document page.
STUDY_FIRST_VIEW_KB = Budget(2.0, "≤ 2 kB")
STUDY_DOCUMENT_KB = Budget(8.0, "≤ 8 kB")
# Search results after the last keystroke.
SEARCH_MEDIAN_MS = Budget(100.0, "≤ 100 ms")
SEARCH_WORST_MS = Budget(250.0, "≤ 250 ms")
# All PDF booklets.
PDF_SECONDS = Budget(60.0, "≤ 60 s")
# Lighthouse mobile Performance on every measured page.
LIGHTHOUSE = Budget(95.0, "≥ 95", at_least=True)


def per_language(budget: Budget, languages: int) -> Budget:
    """The build budget for a project that builds `languages` languages against one plain build."""
    if languages == 1:
        return budget
    return Budget(budget.limit * languages, f"{budget.text} × {languages} languages")
