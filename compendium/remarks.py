"""Remarks of parts 1 and 4: the date in an attribution, and the anchor id it gives."""
from __future__ import annotations

import re
from collections import Counter

# The first date in an attribution: "2017年12月18日", "2014年5月", "2018年两会" (year only).
_DATE = re.compile(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")


def attribution_date(text: str) -> str:
    """ISO date as precise as the attribution gives it (YYYY-MM-DD, YYYY-MM, YYYY), or ""."""
    m = _DATE.search(text)
    if not m:
        return ""
    year, month, day = m.groups()
    parts = [year] + [f"{int(x):02d}" for x in (month, day) if x]
    return "-".join(parts)


def remark_date_id(text: str, seen: Counter[str]) -> str:
    """Anchor id of a remark: r-YYYYMMDD (or r-YYYYMM, r-YYYY, r-nd), -2, -3 … on repeats in a page."""
    stem = "r-" + (attribution_date(text).replace("-", "") or "nd")
    seen[stem] += 1
    return stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"
