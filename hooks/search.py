"""MkDocs hook: the site's search index, one per language, for the site's own search worker.

Collects every page's rendered content (compendium.search.search_index cuts it into sections) and writes
the language's index, search/index.<lang>.js, after the build. Material's search plugin keeps
its search box and writes search/search_index.json, but indexes no page: that file is only a
stub its bundle fetches on every page view, so the pages' text is not fetched with it.
overrides/main.html points Material's bundle at the site's worker with search_worker_url().
The index also carries what the engine needs to understand queries (compendium.search.understanding):
traditional characters, data/search-synonyms.yml (checked against the pages), the target table's
rows as answers (from the data/targets.json that hooks/targets.py publishes), place names.
"""
from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import _shared
from compendium.book.errors import PageError
from compendium.book.yamlfile import load_yaml
from compendium.english.document_page import without_original
from compendium.search.search_index import (ENGINE_PATH, WORKER_PATH, SearchPage, index_data, index_path, index_script,
                                            page_weight, search_page, worker_url)
from compendium.search.synonyms import load_synonyms
from compendium.search.understanding import load_places, understanding_data

TARGET_ROWS = "data/targets.json"  # the target table's published rows (hooks/targets.py)

_pages: list[SearchPage] = []
_target_rows: list[dict] = []


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
    # The target table's rows, as published (the answers of the index).
    rows = files.get_file_from_path(TARGET_ROWS)
    _target_rows[:] = json.loads(rows.content_bytes) if rows is not None else []
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
    pages = sorted(_pages, key=lambda p: p.url)
    data = index_data(pages, lang)
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        english = load_yaml(data_dir / "targets-en.yml", "data/targets-en.yml")["indicators"]
        data.update(understanding_data(pages, lang, _target_rows, _shared.state.vocab, english,
                                       load_synonyms(data_dir / "search-synonyms.yml"),
                                       load_places(data_dir / "places.yml")))
    except PageError as err:
        raise PluginError(f"Search: {err}") from None
    script = index_script(data)
    path = Path(config.site_dir) / index_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script, encoding="utf-8")
