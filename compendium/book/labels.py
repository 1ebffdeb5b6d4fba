"""Interface labels of the pages the hooks generate, in Chinese and English, from data/labels.yml.

Every label a hook puts on a generated page or table (titles, column heads, filter names, notes)
comes from here, never from a string in the code, so that the English edition translates them in
one file. Keys are ``<feature>.<name>``; each has ``zh`` and ``en``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from compendium import ROOT
from compendium.book.errors import PageError

LABELS_FILE = ROOT / "data" / "labels.yml"
LANGUAGES = ("zh", "en")
# The language tag of each edition's text in HTML; the Chinese original is Simplified Chinese.
HTML_LANG = {"zh": "zh-CN", "en": "en"}


@dataclass(frozen=True)
class Labels:
    """The labels in one language; ``labels("downloads.size")`` → 大小."""

    entries: dict[str, dict[str, str]]
    lang: str = "zh"

    def __call__(self, key: str) -> str:
        """The label of `key` in this language; an unknown key raises PageError naming it."""
        try:
            return self.entries[key][self.lang]
        except KeyError:
            raise PageError("data/labels.yml", 0, key, f"no {self.lang} label for {key!r}",
                            f"Add '{key}: {{zh: …, en: …}}' to data/labels.yml.") from None

    def in_language(self, lang: str) -> Labels:
        """The same labels in another language (zh or en)."""
        return Labels(self.entries, lang)

    def original(self, text: str) -> str:
        """Words of the Chinese original on a page in this language: as they are on a Chinese page;
        on a page of another language inside ``<span lang="zh-CN" data-search-exclude>`` (Chinese,
        and searched once, in the Chinese edition; Markdown inside still works)."""
        if self.lang == "zh" or not text:
            return text
        return f'<span lang="{HTML_LANG["zh"]}" data-search-exclude>{text}</span>'


def load_labels(path: Path = LABELS_FILE) -> Labels:
    """Read data/labels.yml (cached per path); an entry without zh and en raises PageError."""
    return _load(str(path))


@cache
def _load(path: str) -> Labels:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    for key, value in data.items():
        if not isinstance(value, dict) or any(not str(value.get(lang) or "").strip() for lang in LANGUAGES):
            raise PageError("data/labels.yml", 0, str(key), "a label needs both zh and en",
                            f"Write '{key}: {{zh: …, en: …}}'.")
    return Labels({str(k): {lang: str(v[lang]) for lang in LANGUAGES} for k, v in data.items()})
