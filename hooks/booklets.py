"""MkDocs hook: the PDF study booklets, published under downloads/ when they agree with the pages.

tools/pdf.sh sets the booklets into build/booklets/ (the environment variable BOOKLETS_DIR names
another folder); this hook does not set them, since that takes a minute. It publishes each
booklet that is there and was made from the files this build is made from (its recorded sources
digest equals compendium.booklets.booklet_html.sources_digest): a booklet made from older pages would disagree
with the site, so it is left out, like a missing one, and the 下载与数据 page says it is not
there (data/downloads.yml, ``missing``) instead of linking to it.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

import _shared
from compendium.booklets.booklet_html import BOOKLETS_DIR, booklet_names, sources_digest
from compendium.booklets.booklet_pdf import booklet_status

log = logging.getLogger("mkdocs.hooks.booklets")
SITE_FOLDER = "downloads"  # where the booklets go in the built site


@event_priority(_shared.AFTER_I18N)  # after a language edition has rebuilt the file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Publish the booklets that are built and current; say which are not, and why.
    root = Path(config.config_file_path).parent
    folder = Path(os.environ.get("BOOKLETS_DIR") or root / BOOKLETS_DIR)
    sources = sources_digest(root)
    left_out = []
    # The booklets, and the 自测 question sheets tools/pdf.sh sets after them (compendium/quiz/sheets.py).
    for name in booklet_names(_shared.state.vocab) + ["quiz"]:
        path = folder / f"{name}.pdf"
        status = booklet_status(path, sources)
        if status == "current":
            _shared.publish_file(files, config, f"{SITE_FOLDER}/{name}.pdf", str(path), path.stat().st_size)
        else:
            left_out.append(f"{name}.pdf ({status})")
    if left_out:
        # Info, not a warning: a quick preview without booklets is normal, and --strict must pass.
        log.info("booklets not published: %s; run ./tools/pdf.sh, then build again", ", ".join(left_out))
    return files
