"""MkDocs hook: 自测 — the question bank, its pages, data/quiz.json and the bank script.

Listed after hooks/targets.py and hooks/indexes.py. Adapts MkDocs events to the core: the target
records (compendium.targets.records, checked by the targets hook), the remarks of part 1 as the
论述时间线 reads them (compendium.indexes.timeline, remark_duplicates), the reviewed exclusions
(compendium.quiz.exclusions), the bank (compendium.quiz.bank) and its pages (compendium.quiz.pages),
in the language being built. Bad data stops the build with the file, the line and the fix.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

import _shared
from compendium.book.errors import PageError
from compendium.downloads.data_files import json_bytes
from compendium.quiz.load import load_bank
from compendium.study.scripts import compact
from compendium.quiz.pages import (BANK_SCRIPT, DAILY_PAGE, INDEX, bank_records, bank_script, plan_pages, render_daily,
                                   render_index, render_quiz_page)

JSON = "data/quiz.json"
SCRIPT = "assets/javascripts/quiz.js"


@event_priority(_shared.AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    state = _shared.state
    try:
        labels = _shared.labels(config)
        bank = load_bank(state.documents, state.vocab, labels, root)
        chinese = bank if labels.lang == "zh" else load_bank(state.documents, state.vocab, labels.in_language("zh"), root)
    except PageError as err:
        raise PluginError(f"Bad quiz data: {err}") from None
    _shared.publish(files, config, JSON, json_bytes(bank_records(chinese.questions)))
    folder = _shared.language_folder(config)
    up = "../" + ("../" if folder else "")
    _shared.add_asset(files, config, (f"{folder}/" if folder else "") + BANK_SCRIPT,
                      content=bank_script(bank.questions, labels))
    # quiz.js as readers get it: without its comments and indentation (the study scripts' compaction).
    source = Path(config.docs_dir) / SCRIPT
    _shared.add_asset(files, config, SCRIPT, content=compact(source.read_text(encoding="utf-8")).encode("utf-8"))
    pages = plan_pages(bank.questions, labels)
    total = len(bank.questions)
    _shared.add_page(files, config, INDEX, render_index(pages, total, labels,
                                                        {"quiz.json": up + JSON}))
    _shared.add_page(files, config, DAILY_PAGE, render_daily(labels, "bank.js", total))
    for page in pages:
        _shared.add_page(files, config, page.src, render_quiz_page(page, pages, labels))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # 自测 is one entry of the navigation, its landing page: the quizzes are reached from it.
    return _shared.collapse_section(nav, INDEX)
