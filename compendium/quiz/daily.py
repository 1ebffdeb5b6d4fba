"""每日一练: ten questions chosen by the date, the same for everyone on that day, offline too.

The set of a date (``2026-12-07``, the reader's local calendar day) is drawn from the bank's
questions in bank order: a 32-bit FNV-1a hash of the date seeds mulberry32, whose numbers drive
a partial Fisher–Yates shuffle of the question indexes. quiz.js does exactly this (Math.imul,
unsigned shifts), so the page and this module agree; tests/quiz compare them in Chromium.
"""
from __future__ import annotations

DAILY = 10
_MASK = 0xFFFFFFFF


def fnv1a(text: str) -> int:
    """FNV-1a over the UTF-16 code units of `text` (as JavaScript's charCodeAt reads it)."""
    h = 0x811C9DC5
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | data[i + 1] << 8
        h = (h * 0x01000193) & _MASK
    return h


def mulberry32(seed: int):
    """The mulberry32 generator: numbers in [0, 1), as quiz.js computes them."""
    state = seed & _MASK

    def imul(a: int, b: int) -> int:
        return (a * b) & _MASK

    def next_number() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & _MASK
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & _MASK
        t &= _MASK
        return ((t ^ (t >> 14)) & _MASK) / 4294967296

    return next_number


def daily_indexes(date: str, count: int, n: int = DAILY) -> list[int]:
    """The indexes (into the bank, in bank order) of the questions of `date`'s set."""
    rand = mulberry32(fnv1a(date))
    pool = list(range(count))
    for i in range(min(n, count)):
        j = i + int(rand() * (count - i))
        pool[i], pool[j] = pool[j], pool[i]
    return pool[: min(n, count)]
