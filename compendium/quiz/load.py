"""The bank from the project's files: the targets, the remarks of part 1, the exclusions (one place
for the hook, tools/pdf.py and the tests)."""
from __future__ import annotations

from pathlib import Path

from compendium import ROOT
from compendium.book.labels import Labels
from compendium.book.pages import Document
from compendium.book.vocabulary import Vocabulary
from compendium.indexes.attributions import load_places
from compendium.indexes.remark_duplicates import load_judgements, same_groups
from compendium.indexes.timeline import build_entries, occurrences
from compendium.quiz.bank import Bank, build_bank, formulation_items
from compendium.quiz.exclusions import load_exclusions
from compendium.targets.english import load_targets_english
from compendium.targets.records import load_targets


def load_bank(documents: dict[str, Document], vocab: Vocabulary, labels: Labels, root: Path = ROOT) -> Bank:
    """The question bank in the language of `labels`; bad data raises PageError (file, line, fix)."""
    data = root / "data"
    docs = list(documents.values())
    targets = load_targets(vocab, data / "targets.yml")
    english = load_targets_english(targets, data / "targets-en.yml")
    occs = occurrences(docs, 1, load_places(data / "places.yml"))
    known = {o.key for o in occs} | {o.key for o in occurrences(docs, 4, dated=False)}
    judgements = load_judgements(known, data / "remark-duplicates.yml")
    entries = build_entries(occs, same_groups([o.key for o in occs], judgements))
    exclusions = load_exclusions({t.id for t in targets}, set(formulation_items(occs)), data / "quiz-exclusions.yml")
    return build_bank(targets, documents, vocab, entries, occs, labels, exclusions, english)
