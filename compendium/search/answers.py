"""Answers with the figure: the target table's rows as search results.

When a query names an indicator of the target table (with or without a place and a year: 咸宁宽带
普及率2025), the engine answers first with the matching row: its indicator, value, scope and year
as the result's title, its sentence as the snippet, linking to the row (targets/<sector>.html#<id>);
the sentence's document follows among the next results. The table's pages are left out of the
section index (their table is ``data-search-exclude``), so the rows come from what the table
already exports (data/targets.json, compendium.targets.page.export_rows), in the language being
built: the English edition names the indicator (data/targets-en.yml) and the scope in English,
and links to its own pages under en/.

In the index script (``answers``), compact, since every edition's index carries it: ``scopes``,
each scope id with its label and the names readers type for it; ``indicators`` and ``sentences``,
each written once; ``rows``, one [sector, target id, indicator, scope id, year, value, sentence's
page, sentence's anchor ("" for t-<target id>), snippet] a target (indicator and snippet by their place in their list).
The snippet is the sentence cut to about SNIPPET characters around the target's value, as a
result shows it; where the index already holds those words in a section of the sentence's page,
it is [section, start, length] in that section's text rather than the words again. The English
index holds no Chinese text, and the sentences in Chinese would more than double what answers add
to it (the size budget: index growth ≤ 15% gzip), so there the snippet is null and the engine
names the sentence's document instead (its English title); the row the result links to shows the
sentence as printed. A sentence's anchor is "" where it is t-<the target's id>, or the number of
the row whose id it is.
"""
from __future__ import annotations

from compendium.book.vocabulary import Vocabulary

# Names readers type for a scope besides its label (全国 → 国家; English: national, China).
_EXTRA_NAMES = {
    "zh": {"national": ["国家", "我国"], "pudong": ["浦东新区", "浦东"]},
    "en": {"national": ["national", "China"], "pudong": ["Pudong"]},
}


def scope_names(vocab: Vocabulary, lang: str) -> dict[str, list[str]]:
    """Each scope's names in a language, longest first: its label, the label without 省 or 市 (or
    its first word in English), and the usual other names."""
    names = {}
    for sid, term in vocab.scopes.items():
        label = term.label(lang)
        found = [label]
        if lang == "zh" and label[-1:] in "省市" and len(label) > 2:
            found.append(label[:-1])
        if lang == "en" and " " in label:
            found.append(label.split()[0].rstrip(","))
        found += _EXTRA_NAMES[lang].get(sid, [])
        names[sid] = sorted(dict.fromkeys(found), key=len, reverse=True)
    return names


# Characters of a target's sentence kept for its snippet: the engine shows about 110; the English
# edition, whose index holds no Chinese text, keeps fewer.
SNIPPET = 100


def row_title(indicator: str, value: str, scope: str, year: int | None, lang: str) -> str:
    """The result's title: indicator, value, scope and year (the engine writes it the same way)."""
    if lang == "en":
        return f"{indicator}: {value} ({scope}{f', {year}' if year else ''})"
    return f"{indicator}：{value}（{scope}{f'，{year}年' if year else ''}）"


def snippet(sentence: str, value: str, indicator: str, width: int = SNIPPET) -> str:
    """The part of a sentence a result shows: about `width` characters from a little before the
    value (or the indicator), with … where it is cut."""
    if len(sentence) <= width:
        return sentence
    at = sentence.find(value)
    if at < 0:
        at = max(0, sentence.find(indicator))
    start = max(0, min(at - width // 3, len(sentence) - width))
    end = min(len(sentence), start + width)
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")


def answer_data(rows: list[dict], vocab: Vocabulary, english_indicators: dict[str, str], lang: str,
                sections: dict[str, list[str]] | None = None) -> dict:
    """The answers of a language's index from the exported rows of the target table; `sections`:
    the text of each section of each page in the index (by URL), where a snippet is looked up."""
    indicators: dict[str, int] = {}
    snippets: dict[str, int] = {}
    found: list = []
    ids = {f"t-{r['id']}": i for i, r in enumerate(rows)}
    out = []
    for r in rows:
        indicator = english_indicators.get(r["key"], r["indicator"]) if lang == "en" else r["indicator"]
        page, _, anchor = r["url"].partition("#")
        text = None
        if lang != "en":
            words = snippet(r["sentence"], r["value"], r["indicator"])
            if words not in snippets:
                snippets[words] = len(found)
                found.append(_in_index(words, (sections or {}).get(page, [])) or words)
            text = snippets[words]
        sector, _, target = r["row_url"].removeprefix("targets/").partition(".html#")
        where = "" if anchor == f"t-{target}" else ids.get(anchor, anchor)
        out.append([sector, target, indicators.setdefault(indicator, len(indicators)), r["scope_id"], r["year"],
                    r["value"], page, where, text])
    scopes = {sid: [label := vocab.scopes[sid].label(lang)] + [n for n in names if n != label]
              for sid, names in scope_names(vocab, lang).items()}
    return {"scopes": scopes, "indicators": list(indicators), "sentences": found, "rows": out}


def _in_index(text: str, sections: list[str]) -> list | None:
    """[section, start, length] of a snippet's words (without its …) in a page's section texts, or None."""
    words = text.strip("…")
    for i, section in enumerate(sections):
        at = section.find(words)
        if at >= 0:
            return [i, at, len(words)]
    return None
