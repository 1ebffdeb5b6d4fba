"""MkDocs hook: offline reading on phones (compendium.hosting.offline).

- Every page gets the hidden notice 已更新到新版本 (shown by assets/javascripts/offline.js).
- The 版本说明 page gets the buttons that save the site, at ``<!-- offline-save -->``: its own
  language, and the other one on request.
- Each language gets its offline page (offline.html, en/offline.html), which the worker shows for a
  page not saved when there is no network.
- After the build, sw.js (from docs/sw.js) gets the manifest of the finished site: it runs after
  every other post-build step (Material's offline plugin writes search/search_index.js at -100).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import _shared

from compendium.book.errors import PageError
from compendium.hosting.offline import (OFFLINE_PAGE, WORKER, manifest, render_notice, render_offline_page,
                                        render_save_box, worker_script)
from compendium.search.search_index import index_path

MARKER = "<!-- offline-save -->"


@event_priority(_shared.AFTER_I18N)  # after a language edition has rebuilt the file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The offline page of the language being built.
    _shared.add_page(files, config, OFFLINE_PAGE, render_offline_page(_labels(config)))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # The offline page is for the worker to show, not a page of the navigation.
    nav.items[:] = [item for item in nav.items
                    if not (isinstance(item, Page) and _shared.src_uri(item.file) == OFFLINE_PAGE)]
    nav.pages[:] = [page for page in nav.pages if _shared.src_uri(page.file) != OFFLINE_PAGE]
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    others = [lang for lang in _editions(config) if lang != _shared.language(config)]
    return markdown.replace(MARKER, render_save_box(_labels(config), others[0] if others else None))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Just before </body>, after the page's own content and before nothing else of Material's.
    at = output.rfind("</body>")
    return output if at < 0 else output[:at] + render_notice(_labels(config)) + "\n" + output[at:]


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not _shared.site_finished(config):
        return  # a language built inside another's post-build step: the outer one writes it
    site = Path(config.site_dir)
    try:
        editions = _editions(config)
        text = worker_script((Path(config.docs_dir) / WORKER).read_text(encoding="utf-8"),
                             manifest(site, f"{config.extra['build']['version']} ({config.extra['build']['date']})",
                                      editions, {index_path(lang): lang for lang in editions}))
    except PageError as err:
        raise PluginError(f"Bad service worker: {err}") from None
    (site / WORKER).write_text(text, encoding="utf-8")


def _editions(config: MkDocsConfig) -> dict[str, str]:
    """Each language built and its folder in the site, the default language first (folder "")."""
    i18n = config.plugins.get("i18n")
    if not i18n:
        return {"zh": ""}
    langs = [i18n.default_language] + [lang for lang in i18n.build_languages if lang != i18n.default_language]
    folders = {lang: _shared.language_folder(config, lang) for lang in langs}
    return {lang: f"{folder}/" if folder else "" for lang, folder in folders.items()}


def _labels(config: MkDocsConfig):
    """The notice's and the button's labels, in the language being built."""
    return _shared.labels(config)
