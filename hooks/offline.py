"""MkDocs hook: offline reading on phones (compendium.hosting.offline).

- Every page gets the hidden notice 已更新到新版本 (shown by assets/javascripts/offline.js).
- The 版本说明 page gets the button that saves the whole site, at ``<!-- offline-save -->``.
- After the build, sw.js (from docs/sw.js) gets the manifest of the finished site: it runs after
  every other post-build step (Material's offline plugin writes search/search_index.js at -100).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import _shared

from compendium.book.errors import PageError
from compendium.hosting.offline import WORKER, manifest, render_notice, render_save_box, worker_script

MARKER = "<!-- offline-save -->"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, render_save_box(_labels(config)))


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
        text = worker_script((Path(config.docs_dir) / WORKER).read_text(encoding="utf-8"),
                             manifest(site, f"{config.extra['build']['version']} ({config.extra['build']['date']})"))
    except PageError as err:
        raise PluginError(f"Bad service worker: {err}") from None
    (site / WORKER).write_text(text, encoding="utf-8")


def _labels(config: MkDocsConfig):
    """The notice's and the button's labels, in the language being built."""
    return _shared.labels(config)
