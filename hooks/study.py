"""MkDocs hook: 我的学习 (core: compendium.study).

- Both editions get the 我的学习 page (study.html, en/study.html), generated from the documents,
  at the end of the navigation (its entry is how a reader without JavaScript finds it; with
  JavaScript, study-boot.js also links it from the header of every page).
- The home page shows how many documents of each part the reader has read and the document read
  last, a part's page how many of its own: lines the script fills from the device's record.
- A document page gets 收藏 beside each remark's 复制引文, 标为已读 at its end, and its citation
  and title (a hidden element) for the scripts that cite its paragraphs.
- The study scripts get their labels (data/labels.yml, study.*) and the backup format written in.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import _shared
from compendium.book.errors import PageError
from compendium.study.page import (PAGE, document_data, progress_block, read_button, render_study_page,
                                   with_progress, with_remark_bookmarks)
from compendium.book.labels import LANGUAGES
from compendium.study.scripts import SCRIPT_LABELS, STYLESHEETS, compact_css, script_path, with_labels

PAGE_SCRIPT = "assets/javascripts/study-page.js"
PAGE_STYLESHEET = "assets/stylesheets/study-page.css"  # on the study page only


@event_priority(_shared.AFTER_I18N)  # after a language edition has rebuilt the file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    state, labels = _shared.state, _shared.labels(config)
    up = "../" if _shared.language_folder(config) else ""  # en/study.html → the site root's assets
    docs = list(state.documents.values())
    _shared.add_page(files, config, PAGE, render_study_page(docs, state.vocab, labels,
                                                            [up + script_path(PAGE_SCRIPT, labels.lang)],
                                                            up + PAGE_STYLESHEET))
    # The scripts with their labels written in, one copy per language (study.js, study.en.js), and
    # the stylesheets, without their comments (where this language's build copies them: the first).
    for path in [*SCRIPT_LABELS, *STYLESHEETS]:
        if (original := files.get_file_from_path(path)) is None:
            continue
        files.remove(original)
        text = (Path(config.docs_dir) / path).read_text(encoding="utf-8")
        if path.endswith(".css"):
            files.append(File.generated(config, path, content=compact_css(text)))
            continue
        for lang in LANGUAGES if SCRIPT_LABELS[path] else LANGUAGES[:1]:
            try:
                script = with_labels(text, path, labels.in_language(lang))
            except PageError as err:
                raise PluginError(f"Bad study script: {err}") from None
            files.append(File.generated(config, script_path(path, lang), content=script))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Reading progress on the home page (every part, the document read last) and a part's page.
    path, state = _shared.src_uri(page.file), _shared.state
    docs = list(state.documents.values())
    if path == "index.md":
        return with_progress(markdown, progress_block(docs, state.vocab, _shared.labels(config), ""))
    if path.startswith("part") and path.endswith("/index.md") and path[4:-len("/index.md")].isdigit():
        # (After the part's list of documents: the catalog hook has appended it.)
        block = progress_block(docs, state.vocab, _shared.labels(config), "../", int(path[4:-len("/index.md")]))
        return markdown + "\n\n" + block + "\n"
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # A document's citation, for the scripts that quote its paragraphs; 标为已读 at its end.
    doc = _shared.state.documents.get(_shared.src_uri(page.file))
    if not doc:
        return html
    labels = _shared.labels(config)
    return with_remark_bookmarks(html, labels) + read_button(labels) + document_data(doc)
