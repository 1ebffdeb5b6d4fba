"""What the engine needs, beside the pages, to understand what readers mean (issue 21).

All of it travels in the language's index script (loaded by importScripts, also from file://), so
the understanding happens in the browser, offline:

  variants   traditional → simplified characters the index can use (compendium.search.variants)
  synonyms   term → full forms, from data/search-synonyms.yml, checked against the pages here
             (compendium.search.synonyms)
  answers    the target table's rows, answered first when a query names an indicator
             (compendium.search.answers)
  places     place names (data/places.yml and the target table's scopes): a query that is not found
             as typed and starts or ends with one is searched as place and subject, so that the rare
             subject, not the place on most pages, decides the ranking
"""
from __future__ import annotations

from pathlib import Path

from compendium.book.vocabulary import Vocabulary
from compendium.book.yamlfile import LINE, load_yaml
from compendium.search.answers import answer_data, scope_names
from compendium.search.search_index import SearchPage
from compendium.search.synonyms import Synonym, check_synonyms, synonym_data
from compendium.search.variants import variant_data


def page_text(page: SearchPage) -> str:
    """All the words of a page in the index: its title, 文号 and sections."""
    return "\n".join([page.title, page.doc_no] + [f"{s.title}\n{' '.join(s.text)}" for s in page.sections])


def load_places(path: Path) -> list[str]:
    """The place names of data/places.yml (every list in it)."""
    data = load_yaml(path, "data/places.yml") or {}
    return [name for key, names in data.items() if key != LINE and isinstance(names, list) for name in names]


def understanding_data(pages: list[SearchPage], lang: str, target_rows: list[dict], vocab: Vocabulary,
                       english_indicators: dict[str, str], synonyms: list[Synonym], places: list[str]) -> dict:
    """The index's fields for understanding queries; a synonym whose full form is not on its page
    raises PageError (data/search-synonyms.yml, its line, the fix)."""
    texts = {p.url: page_text(p) for p in pages}
    check_synonyms(synonyms, texts, lang)
    answers = answer_data(target_rows, vocab, english_indicators, lang,
                          {p.url: [s.as_row()[2] for s in p.sections] for p in pages})
    names = [n for ns in scope_names(vocab, lang).values() for n in ns]
    if lang == "zh":
        names += places
    syn = synonym_data(synonyms, lang)
    # The characters a query can meet: the pages', the synonyms', the indicators' (not the answers'
    # sentences, which are shown, never searched).
    held = set("".join(texts.values()))
    held |= set("".join(t for forms in syn.values() for t in forms))
    held |= set("".join(answers["indicators"]))
    return {
        "variants": variant_data(held),
        "synonyms": syn,
        "answers": answers,
        "places": sorted(set(names), key=lambda n: (-len(n), n)),
    }
