"""Small line charts drawn at build time as inline SVG: a target's path over the years.

The chart is a picture of numbers that the page also gives in text (its caption), so it is hidden
from screen readers. Colours and fonts come from the stylesheet (classes ``t-chart__…``); the SVG
carries no style attribute, so a strict Content Security Policy allows it.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

WIDTH, HEIGHT = 240, 86
_LEFT, _RIGHT, _TOP, _BOTTOM = 24, 24, 16, 18


@dataclass(frozen=True)
class Point:
    """A value in a year, with the label the chart writes above it."""

    year: int
    value: float
    label: str


def format_number(value: float) -> str:
    """2500 → '2500', 0.22 → '0.22', 7.0 → '7'."""
    return f"{value:g}"


def line_chart(points: list[Point]) -> str:
    """An inline SVG of `points` (two or more years) joined by a line, y from zero."""
    points = sorted(points, key=lambda p: p.year)
    first, last = points[0].year, points[-1].year
    top = max(p.value for p in points) or 1.0
    plot_w, plot_h = WIDTH - _LEFT - _RIGHT, HEIGHT - _TOP - _BOTTOM

    def x(year: int) -> float:
        return _LEFT + plot_w * (year - first) / ((last - first) or 1)

    def y(value: float) -> float:
        return _TOP + plot_h * (1 - value / top)

    coords = [(round(x(p.year), 1), round(y(p.value), 1)) for p in points]
    base = _TOP + plot_h
    parts = [f'<svg class="t-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
             f'aria-hidden="true" focusable="false">',
             f'<line class="t-chart__axis" x1="{_LEFT - 8}" y1="{base}" x2="{WIDTH - _RIGHT + 8}" y2="{base}"/>',
             '<polyline class="t-chart__line" points="' + " ".join(f"{a},{b}" for a, b in coords) + '"/>']
    for p, (cx, cy) in zip(points, coords):
        parts.append(f'<circle class="t-chart__dot" cx="{cx}" cy="{cy}" r="3"/>')
        parts.append(f'<text class="t-chart__value" x="{cx}" y="{round(cy - 6, 1)}" text-anchor="middle">'
                     f"{html.escape(p.label)}</text>")
        parts.append(f'<text class="t-chart__year" x="{cx}" y="{HEIGHT - 4}" text-anchor="middle">{p.year}</text>')
    parts.append("</svg>")
    return "".join(parts)
