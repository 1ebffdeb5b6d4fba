"""Remarks of parts 1 and 4: the date in an attribution, and the anchor id it gives."""
from __future__ import annotations

import re
from collections import Counter

# The first date in an attribution as printed: "2017年12月18日", "2014年5月", "2018年两会" (year
# only), with the end of a range ("2018年4月24日至28日", "2020年3月29日至4月1日") and the time
# of day ("2018年4月25日下午") that belong to it.
DATE = re.compile(r"(?P<year>\d{4})年(?:(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?)?"
                  r"(?:至(?:(?P<end_month>\d{1,2})月)?(?P<end_day>\d{1,2})日)?(?P<time>上午|下午|晚上)?")


def attribution_date(text: str) -> str:
    """ISO date as precise as the attribution gives it (YYYY-MM-DD, YYYY-MM, YYYY), or ""."""
    m = DATE.search(text)
    if not m:
        return ""
    parts = [m["year"]] + [f"{int(x):02d}" for x in (m["month"], m["day"]) if x]
    return "-".join(parts)


def remark_date_id(text: str, seen: Counter[str]) -> str:
    """Anchor id of a remark: r-YYYYMMDD (or r-YYYYMM, r-YYYY, r-nd), -2, -3 … on repeats in a page."""
    stem = "r-" + (attribution_date(text).replace("-", "") or "nd")
    seen[stem] += 1
    return stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"
