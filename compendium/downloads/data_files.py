"""How the site writes the data files it publishes: JSON and CSV, byte for byte the same each build."""
from __future__ import annotations

import csv
import io
import json


def json_bytes(data) -> bytes:
    """Published JSON: UTF-8, Chinese kept readable, keys in the order given, one trailing newline."""
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    """Published CSV: UTF-8 with BOM, so that Excel on a cadre's desktop opens it without mojibake."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
