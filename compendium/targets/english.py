"""The target table in English: the indicator of each key and each note, from data/targets-en.yml.

The English edition's 指标目标表 names each group of targets (one `key` of data/targets.yml) by
one English indicator, and gives each note in English; values, baselines and sentences stay as
printed, and a legend gives the English of the units and words they print. Every key, note and
unit the targets use must have its English, and every entry must be used, so that the file cannot
fall behind data/targets.yml.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from compendium import ROOT
from compendium.book.errors import PageError
from compendium.targets.records import Target

TARGETS_EN_FILE = ROOT / "data" / "targets-en.yml"
_WHERE = "data/targets-en.yml"


@dataclass(frozen=True)
class TargetsEnglish:
    """English indicators by key and English notes by the note as written."""

    indicators: dict[str, str]
    notes: dict[str, str]
    units: dict[str, str]  # a unit, multiplier or word that values print → its English

    def indicator(self, t: Target) -> str:
        """The English indicator of a target (its key's)."""
        return self.indicators[t.key]

    def note(self, t: Target) -> str:
        """The English of a target's note ("" without one)."""
        return self.notes[t.note] if t.note else ""


def load_targets_english(targets: list[Target], path: Path = TARGETS_EN_FILE) -> TargetsEnglish:
    """Read the file and check it against the targets: every key and note has its English, every entry is used."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    indicators, notes, units = (data.get(name) or {} for name in ("indicators", "notes", "units"))
    if not all(isinstance(x, dict) for x in (indicators, notes, units)):
        raise PageError(_WHERE, 0, "", "indicators, notes and units must be mappings",
                        "Write 'key: English' under each.")
    keys, written = {t.key for t in targets}, {t.note for t in targets if t.note}
    printed = " ".join(f"{t.value} {t.baseline}" for t in targets)
    used_units = {t.unit for t in targets if t.unit} | {u for u in units if u in printed}
    for section, have, used, fix in (("indicators", indicators, keys, "'<key>: <English indicator>'"),
                                     ("notes", notes, written, "'<the note as written>: <its English>'"),
                                     ("units", units, used_units, "'<unit>: <its English>'")):
        if missing := sorted(used - set(have)):
            raise PageError(_WHERE, 0, section, f"no English for {missing[0]!r} ({len(missing)} missing)",
                            f"Add {fix} under {section}.")
        if unused := sorted(set(have) - used):
            raise PageError(_WHERE, 0, section, f"{unused[0]!r} is used by no target", "Remove it or correct it.")
        if empty := [k for k, v in have.items() if not str(v or "").strip()]:
            raise PageError(_WHERE, 0, section, f"{empty[0]!r} has an empty English", "Write its English.")
    return TargetsEnglish(*({str(k): str(v) for k, v in x.items()} for x in (indicators, notes, units)))
