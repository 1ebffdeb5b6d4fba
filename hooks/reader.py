"""MkDocs hook: the reader's tools on the pages (core: compendium.reader.remark_citation, compendium.reader.controls).

- Remarks: the citation of every remark, built at build time from its attribution and its page,
  goes into the remark's markup (the remark block's ``cite`` option, written out as ``data-cite``
  on its 复制引文 button), so that the browser only copies it.
- Every page: the template of the text-size menu, the paragraph link tool and the 已复制 notice,
  which docs/assets/javascripts/reader.js puts in place (overrides/main.html loads it in the head,
  so that the saved text size applies before the page is drawn).
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import _shared
from compendium.book.errors import PageError
from compendium.reader.controls import page_controls
from compendium.reader.remark_citation import page_citations, with_citations

# --- events ----------------------------------------------------------------------------------


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Each remark of a document page gets its citation; a remark left without one stops the build.
    doc = _shared.state.documents.get(_shared.src_uri(page.file))
    if not doc or not doc.remarks:
        return markdown
    try:
        citations = page_citations(doc)
    except PageError as err:
        raise PluginError(f"Bad remark: {err}") from None
    cited = with_citations(markdown, citations)
    if cited.count("\n    cite: ") != len(doc.remarks):
        raise PluginError(f"docs/{doc.path}: {len(doc.remarks)} remarks but not every one could be given its "
                          "citation: write each as '/// remark | ——…' with '    id: r-…' on the next line.")
    return cited


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The controls the script places (text size, paragraph links, notice), labelled from data/; not
    # on the offline page, which loads no reader's script (overrides/offline.html).
    if page.meta.get("template") == "offline.html":
        return html
    return html + page_controls(_shared.labels(config))
