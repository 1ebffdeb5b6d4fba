"""Pages under docs/ rendered to HTML as the site renders them, without MkDocs.

The Markdown extensions and their options are read from mkdocs.yml (plus those MkDocs always
adds), so that what is rendered here (the PDF booklets) cannot drift from the site's pages. For
paper, what the site adds for the screen is left out: heading permalinks, and every element of
class ``generated`` that the extensions write into a page (a remark's ¶ and copy buttons).
"""
from __future__ import annotations

import importlib
from pathlib import Path

import markdown
import xml.etree.ElementTree as etree
import yaml
from markdown.treeprocessors import Treeprocessor
from yaml_env_tag import construct_env_tag

from compendium.book.frontmatter import read_front_matter

# Python-Markdown extensions that MkDocs always adds to those mkdocs.yml lists.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


# --- mkdocs.yml ------------------------------------------------------------------------------


def read_mkdocs_yml(path: Path, resolve: bool = True) -> dict:
    """mkdocs.yml as data. ``!!python/name:module.attr`` values (options of some extensions) are
    imported and ``!ENV`` values read as MkDocs does, or with `resolve` False kept as their tag's text."""
    loader = _MkDocsLoader if resolve else _MkDocsTextLoader
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}


class _MkDocsLoader(yaml.SafeLoader):
    """A safe loader that also imports what ``!!python/name:module.attr`` names."""


class _MkDocsTextLoader(yaml.SafeLoader):
    """A safe loader that reads ``!!python/name:module.attr`` as that text."""


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    """The object that ``!!python/name:module.attr`` names."""
    module, _, attr = suffix.rpartition(".")
    return getattr(importlib.import_module(module), attr)


_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_MkDocsTextLoader.add_multi_constructor("tag:yaml.org,2002:python/name:",
                                        lambda _loader, suffix, _node: f"!!python/name:{suffix}")
# ``!ENV NAME`` (site_url): the variable's value as MkDocs reads it, or the tag's text.
_MkDocsLoader.add_constructor("!ENV", construct_env_tag)
_MkDocsTextLoader.add_constructor("!ENV", lambda loader, node: f"!ENV {node.value}")


# --- rendering -------------------------------------------------------------------------------


class PageRenderer:
    """Renders pages under docs/ to HTML with the Markdown extensions that mkdocs.yml lists."""

    def __init__(self, mkdocs_yml: Path, docs_dir: Path, paper: bool = False) -> None:
        config = read_mkdocs_yml(mkdocs_yml)
        names, options = list(MKDOCS_BUILTIN_EXTENSIONS), {}
        for item in config.get("markdown_extensions") or []:
            name, opts = next(iter(item.items())) if isinstance(item, dict) else (item, None)
            if name not in names:
                names.append(name)
            options[name] = dict(opts or {})
        if paper:  # the toc extension keeps its ids but adds no ¶ links
            options.setdefault("toc", {})["permalink"] = False
        self.docs_dir = docs_dir
        self.markdown = markdown.Markdown(extensions=names, extension_configs=options)
        if paper:  # after every other tree processor
            self.markdown.treeprocessors.register(_ScreenOnlyRemover(self.markdown), "screen_only", -100)

    def body(self, path: str) -> str:
        """The Markdown of the page at `path` under docs/, without its front matter."""
        return read_front_matter(self.docs_dir, path).body

    def html(self, text: str) -> str:
        """Markdown → HTML, with a fresh state for every page (ids, footnotes)."""
        return self.markdown.reset().convert(text)


class _ScreenOnlyRemover(Treeprocessor):
    """Removes the elements of class ``generated`` (controls for the screen), keeping the text after them."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for child in [c for c in parent if "generated" in (c.get("class") or "").split()]:
                _remove(parent, child)


def _remove(parent: etree.Element, child: etree.Element) -> None:
    """Remove `child` from `parent`; the text that followed it (its tail) stays where it was."""
    if child.tail:
        index = list(parent).index(child)
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)
