"""MkDocs hook: the site's search index, one per language, for the site's own search worker.

Collects every page's rendered content (compendium.search.search_index cuts it into sections) and writes
the language's index, search/index.<lang>.js, after the build. Material's search plugin keeps
its search box and writes search/search_index.json, but indexes no page: that file is only a
stub its bundle fetches on every page view, so the pages' text is not fetched with it.
overrides/main.html points Material's bundle at the site's worker with search_worker_url().
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from compendium.english.document_page import without_original
from compendium.search.search_index import (ENGINE_PATH, WORKER_PATH, SearchPage, index_data, index_path, index_script,
                                            page_weight, search_page, worker_url)

_pages: list[SearchPage] = []


# --- events ----------------------------------------------------------------------------------


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # A build (an edition builds one per language) starts with no pages; the worker must be there.
    _pages.clear()
    for path in (WORKER_PATH, ENGINE_PATH):
        if files.get_file_from_path(path) is None:
            raise PluginError(f"Search: docs/{path} is missing; the site's search needs it.")
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # For overrides/main.html: the worker's URL, naming the index of the page's language.
    version = str(config.extra.get("build", {}).get("version", ""))
    env.globals["search_worker_url"] = lambda lang: worker_url(lang, version)
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Every page's content, as sections, into the site's index, but a page whose front matter says
    # `search: {exclude: true}` (the offline page); none into Material's.
    # (An English document page's Chinese original is left out of its index: it is not even parsed.)
    doc_no = str(page.meta.get("doc_no") or "")
    if not (page.meta.get("search") or {}).get("exclude"):
        _pages.append(search_page(page.url, page.title or "", without_original(html), doc_no,
                                  page_weight(page.file.src_uri)))
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return html


def on_post_build(config: MkDocsConfig) -> None:
    lang = str(config.theme["language"] or "zh")
    script = index_script(index_data(sorted(_pages, key=lambda p: p.url), lang))
    path = Path(config.site_dir) / index_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script, encoding="utf-8")
