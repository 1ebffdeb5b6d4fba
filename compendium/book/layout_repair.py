"""Layout artefacts of the PDF extraction, and how to remove them without touching the words.

Shared by the import tool (which repairs the layout) and the fidelity check (which must ignore
exactly the same artefacts and nothing more).
"""
from __future__ import annotations

import re

# --- artefact lines --------------------------------------------------------------------------

# Page numbers printed on a line of their own: "- 5 -", "- 158 -".
PAGE_NUMBER = re.compile(r"^\s*-\s*\d+\s*-\s*$")
# The stray file name at the start of part 3.
STRAY_FILE_NAME = "市级政策资料.doc"


def is_artefact_line(line: str) -> bool:
    """True for a source line that is layout, not content (page number, stray file name)."""
    return bool(PAGE_NUMBER.match(line)) or line.strip() == STRAY_FILE_NAME


# --- layout spaces ---------------------------------------------------------------------------

# Characters of Chinese text, including full-width punctuation.
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’—…·"
# Characters that the layout padded with spaces: digits, Latin letters and their companions.
_ASCII = r"0-9A-Za-z%.+\-/"
_SPACE_AFTER_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[{_ASCII}])")
_SPACE_BEFORE_CJK = re.compile(rf"(?<=[{_ASCII}])[ \t]+(?=[{_CJK}])")
# Full-width punctuation never takes a space on either side in Chinese text.
_PUNCT = "，。、；：！？“”（）《》〔〕"
_SPACE_BY_PUNCT = re.compile(rf"(?<=[{_PUNCT}])[ \t]+|[ \t]+(?=[{_PUNCT}])")


def remove_layout_spaces(text: str) -> str:
    """Drop the spaces the layout put between Chinese text and digits or Latin letters.

    ``2017 年 12 月`` becomes ``2017年12月`` and ``5G 基站`` becomes ``5G基站``; spaces between two
    Latin words and between two Chinese words (``中共中央 国务院``) are real and stay.
    """
    text = _SPACE_AFTER_CJK.sub("", text)
    text = _SPACE_BEFORE_CJK.sub("", text)
    return _SPACE_BY_PUNCT.sub("", text)


def clean_line(line: str) -> str:
    """A source line without its page-start space, trailing space and layout spaces."""
    return remove_layout_spaces(line.strip())


# --- display width ---------------------------------------------------------------------------


def display_width(text: str) -> float:
    """Width of a printed line in Chinese character cells (ASCII counts half)."""
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text if not ch.isspace())


def content_chars(text: str) -> str:
    """The characters the fidelity check compares: everything but whitespace."""
    return "".join(ch for ch in text if not ch.isspace())
