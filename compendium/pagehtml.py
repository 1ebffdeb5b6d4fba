"""Pages under docs/ rendered to HTML as the site renders them, without MkDocs.

The Markdown extensions and their options are read from mkdocs.yml (plus those MkDocs always
adds), so that what is rendered here (the PDF booklets) cannot drift from the site's pages.
"""
from __future__ import annotations

import importlib
from pathlib import Path

import markdown
import yaml

from compendium.frontmatter import split_front_matter

# Python-Markdown extensions that MkDocs always adds to those mkdocs.yml lists.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


# --- mkdocs.yml ------------------------------------------------------------------------------


def read_mkdocs_yml(path: Path, resolve: bool = True) -> dict:
    """mkdocs.yml as data. ``!!python/name:module.attr`` values (options of some extensions) are
    imported as MkDocs does, or with `resolve` False kept as their tag's text."""
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


# --- rendering -------------------------------------------------------------------------------


class PageRenderer:
    """Renders pages under docs/ to HTML with the Markdown extensions that mkdocs.yml lists."""

    def __init__(self, mkdocs_yml: Path, docs_dir: Path, permalinks: bool = True) -> None:
        config = read_mkdocs_yml(mkdocs_yml)
        names, options = list(MKDOCS_BUILTIN_EXTENSIONS), {}
        for item in config.get("markdown_extensions") or []:
            name, opts = next(iter(item.items())) if isinstance(item, dict) else (item, None)
            if name not in names:
                names.append(name)
            options[name] = dict(opts or {})
        if not permalinks:  # the toc extension keeps its ids but adds no ¶ links (paper has none)
            options.setdefault("toc", {})["permalink"] = False
        self.docs_dir = docs_dir
        self.markdown = markdown.Markdown(extensions=names, extension_configs=options)

    def body(self, path: str) -> str:
        """The Markdown of the page at `path` under docs/, without its front matter."""
        return split_front_matter(f"docs/{path}", (self.docs_dir / path).read_text(encoding="utf-8")).body

    def html(self, text: str) -> str:
        """Markdown → HTML, with a fresh state for every page (ids, footnotes)."""
        return self.markdown.reset().convert(text)
