"""Rules of Material's stylesheets that no page of the site can match, left out of the built site.

Material's main and palette stylesheets style every feature the theme has (the blog, content tabs,
code blocks, diagrams, every kind of admonition, nineteen colour palettes); a phone downloads all of
it with its first page. A rule is kept when one of its selectors could match: every class the
selector names, and every value its attribute selectors ask for (``[data-md-color-primary=indigo]``),
occurs as a word in a page of the built site or in one of its scripts (which add classes as the
reader uses the page); the selectors of a list that could not are left out of it. What a selector names inside ``:not()``, ``:is()``, ``:where()`` or ``:has()``
is not required (``a:not(.headerlink)`` matches most links). Rules inside ``@media`` and
``@supports`` are judged the same way; every other at-rule (fonts, keyframes) is kept.

Reads: the built site's pages and scripts. Writes: Material's stylesheets in place (their names,
which carry a hash of Material's original, stay; a browser holding the original has a superset).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import tinycss2
from tinycss2.ast import FunctionBlock, IdentToken, LiteralToken, Node, SquareBracketsBlock, StringToken

# Material's stylesheets, by their names in the built site.
STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
_WORD = re.compile(r"[A-Za-z0-9_-]+")
_GROUPS = ("media", "supports")


# --- what the site uses -------------------------------------------------------------------------


def words_of(texts: Iterable[str]) -> set[str]:
    """Every word (letters, digits, - and _) of the texts: the class names and attribute values they may set."""
    out: set[str] = set()
    for text in texts:
        out.update(_WORD.findall(text))
    return out


def site_words(site: Path) -> set[str]:
    """The words of every page and every script of a built site."""
    files = [p for pattern in ("**/*.html", "**/*.js") for p in site.glob(pattern) if p.is_file()]
    return words_of(p.read_text(encoding="utf-8", errors="replace") for p in files)


# --- what a selector needs ----------------------------------------------------------------------


def _selectors(prelude: list[Node]) -> list[list[Node]]:
    """A rule's selector list, split at its top-level commas."""
    out: list[list[Node]] = [[]]
    for token in prelude:
        if isinstance(token, LiteralToken) and token.value == ",":
            out.append([])
        else:
            out[-1].append(token)
    return out


def _attribute_words(block: SquareBracketsBlock) -> set[str]:
    """The words an attribute selector's value asks for (none for a bare ``[hidden]``)."""
    values = [t.value for t in block.content if isinstance(t, (IdentToken, StringToken))][1:]
    return words_of(values)


def required_words(selector: list[Node]) -> set[str]:
    """The class names and attribute values a page must hold for one selector to match."""
    out: set[str] = set()
    for before, token in zip([None, *selector], selector):
        if isinstance(token, IdentToken) and isinstance(before, LiteralToken) and before.value == ".":
            out.add(token.value)
        elif isinstance(token, SquareBracketsBlock):
            out |= _attribute_words(token)
        # A FunctionBlock (:not(), :is(), :where(), :has(), :nth-child()) asks for nothing.
    return out


def matching(prelude: list[Node], words: set[str]) -> str:
    """The selectors of a rule that ask only for words the site holds, as a selector list ("" for none)."""
    return ",".join(tinycss2.serialize(s).strip() for s in _selectors(prelude) if required_words(s) <= words)


# --- the stylesheet -----------------------------------------------------------------------------


def _kept(rules: list[Node], words: set[str]) -> list[str]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            if selectors := matching(rule.prelude, words):
                out.append(f"{selectors}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPS and rule.content is not None:
            inner = _kept(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), words)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            out.append(rule.serialize())
    return out


def trimmed(css: str, words: set[str]) -> str:
    """The stylesheet without the rules no page can match (and without comments)."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_kept(rules, words))


def trim_site(site: Path) -> dict[str, tuple[int, int]]:
    """Trim Material's stylesheets of a built site in place; their sizes before and after, by path."""
    words = site_words(site)
    sizes = {}
    for pattern in STYLESHEETS:
        for path in site.glob(pattern):
            css = path.read_text(encoding="utf-8")
            out = trimmed(css, words)
            path.write_text(out, encoding="utf-8")
            sizes[path.relative_to(site).as_posix()] = (len(css.encode()), len(out.encode()))
    return sizes
