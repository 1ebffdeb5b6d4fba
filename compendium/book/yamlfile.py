"""Data files in YAML: every mapping read with the line it starts on, a syntax error as a PageError.

A data file's errors name their line (compendium.book.errors): the loaders here record it in each
mapping as ``__line__``. ``SAFE`` reads YAML's types (numbers, dates); ``TEXT`` reads every value
as the string written, for fields the code checks itself (a version "0.10", a date).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import yaml

from compendium.book.errors import PageError

LINE = "__line__"


def _mapping_with_line(loader: yaml.BaseLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


# PyYAML's safe loader: libyaml's where PyYAML has it (the same documents, several times faster).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SAFE(SAFE_LOADER):
    """YAML's types (libyaml's loader where installed), each mapping with its ``__line__``."""


class TEXT(yaml.BaseLoader):
    """Every scalar as the string written, each mapping with its ``__line__``."""


for _loader in (SAFE, TEXT):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_yaml(path: Path, where: str, loader: type = SAFE):
    """The data of a YAML file; bad syntax raises PageError with `where` (e.g. data/targets.yml) and its line."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise PageError(where, mark.line + 1 if mark else 0, "", f"not valid YAML ({getattr(err, 'problem', err)})",
                        "Fix the YAML syntax.") from None


def compose_yaml(text: str) -> tuple[yaml.Node | None, Callable[[yaml.Node], Any]]:
    """A YAML document's nodes (each with its line) and the function that gives the data of one of
    them (what yaml.safe_load gives for it), from a single parse; bad syntax raises yaml.YAMLError."""
    loader = SAFE_LOADER(text)
    root = loader.get_single_node()
    return root, lambda node: loader.construct_object(node, deep=True)
