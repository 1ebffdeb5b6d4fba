"""Front matter of a Markdown page, with the line of every field for error messages."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from compendium.book.errors import PageError
from compendium.book.yamlfile import SAFE_LOADER


@dataclass(frozen=True)
class FrontMatter:
    """The fields of a page's front matter, the line of each, and where the body starts."""

    fields: dict
    lines: dict[str, int]
    body: str
    body_line: int  # line number of the body's first line


@lru_cache(maxsize=4096)
def split_front_matter(path: str, text: str) -> FrontMatter:
    """Parse ``---`` front matter; a page without it, or with bad YAML, raises PageError.

    Several hooks read the same pages, in each language's build: a page is parsed once (cached by
    path and text), so its fields are shared and must not be changed.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise PageError(path, 1, "", "the page has no front matter", "Start the page with a '---' block.")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise PageError(path, 1, "", "the front matter is not closed", "End it with a line '---'.")
    yaml_text = "".join(lines[1:end])
    loader = SAFE_LOADER(yaml_text)
    try:
        node = loader.get_single_node()  # the fields' lines, then their values from the same parse
        fields = (loader.construct_document(node) if node else None) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise PageError(path, line, "", f"the front matter is not valid YAML ({getattr(err, 'problem', err)})",
                        "Fix the YAML syntax: a value with a colon, a quotation mark or a leading [ or { goes in "
                        "double quotes", step="documents") from None
    except ValueError as err:  # a date YAML reads as one (unquoted 2018-02-30) that does not exist
        raise _impossible_value(path, node, err) from None
    finally:
        loader.dispose()
    if not isinstance(fields, dict):
        raise PageError(path, 2, "", "the front matter is not a mapping", "Write it as 'field: value' lines.")
    field_lines = {key.value: key.start_mark.line + 2 for key, _ in node.value} if node else {}
    return FrontMatter(fields, field_lines, "".join(lines[end + 1 :]), end + 2)


def _impossible_value(path: str, node, err: ValueError) -> PageError:
    """The field whose value YAML could not make (an unquoted date that does not exist), with its line."""
    for key, value in node.value:
        if isinstance(value, yaml.ScalarNode) and value.tag.endswith(":timestamp"):
            try:
                SAFE_LOADER("").construct_yaml_timestamp(value)
            except ValueError:
                return PageError(path, key.start_mark.line + 2, str(key.value),
                                 f"{value.value!r} is not a day of the calendar ({err})",
                                 "Check the date against the source and write one that exists, as precise as the "
                                 "source is (YYYY-MM-DD, YYYY-MM or YYYY); leave it empty (\"\") where the source "
                                 "is silent", step="documents")
    return PageError(path, 2, "", f"a value of the front matter cannot be read ({err})",
                     "Put the value in double quotes and check it", step="documents")


def read_front_matter(docs_dir: Path, rel: str) -> FrontMatter:
    """The front matter and body of the page at `rel` under docs_dir, read from disk (errors name docs/<rel>)."""
    return split_front_matter(f"docs/{rel}", (docs_dir / rel).read_text(encoding="utf-8"))
