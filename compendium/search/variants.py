"""Traditional characters folded to simplified, for the search engine's fold.

Readers type traditional characters (a phone set to traditional input, text pasted from a Hong
Kong or Taiwan source: 轉型升級). The engine folds query and index the same way, so a mapping of
single characters, traditional → simplified, applied on both sides, finds 转型升级; a character
that is valid in both forms (著 of 显著) folds the same on both sides and still matches.

The mapping is generated at build time from OpenCC (the ``opencc`` package, pinned in
requirements.txt: its ``t2s`` conversion, character by character), never written by hand, and only
for the characters the index can use: a traditional character whose simplified form (or which
itself) occurs in the index. It travels in the index script (``variants``: two strings of the same
length, ``t`` the traditional characters and ``s`` their simplified forms).
"""
from __future__ import annotations

from functools import lru_cache

# The unified ideographs and extension A: where the traditional characters readers type are.
_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))


@lru_cache(maxsize=1)
def t2s_characters() -> dict[str, str]:
    """Every character that OpenCC's t2s changes into one other character: traditional → simplified."""
    import opencc  # the official binding; imported here so that the rest of the package does not need it

    converter = opencc.OpenCC("t2s")
    chars = [chr(c) for lo, hi in _RANGES for c in range(lo, hi + 1)]
    # One conversion of all characters, a line each (no phrase spans two lines).
    converted = converter.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # not expected; convert one by one
        converted = [converter.convert(c) for c in chars]
    return {t: s for t, s in zip(chars, converted) if len(s) == 1 and s != t}


def variant_data(held: set[str]) -> dict[str, str]:
    """The mapping for an index that holds the characters `held`: {"t": traditional, "s": simplified},
    aligned character by character, in code point order."""
    pairs = sorted((t, s) for t, s in t2s_characters().items() if s in held or t in held)
    return {"t": "".join(t for t, _ in pairs), "s": "".join(s for _, s in pairs)}
