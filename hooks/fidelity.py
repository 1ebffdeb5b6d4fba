"""MkDocs hook: the page side of fidelity in every build — no change to the words without an erratum.

Adapts MkDocs events to compendium.book.fidelity: in on_files, every source line must be claimed by
exactly one page (a document beyond the print claims none); each built page of the Chinese edition
that names source lines is then compared with them, errata applied, as it is written (on_post_page,
after the other hooks). The first difference stops the build with the page's line, the source line
and the errata entry that would account for it. The English edition shows the same Markdown, so
it is not checked again. tests/book/test_fidelity.py runs the whole check on a finished site.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import _shared
from compendium.book.errata import Correction, load_errata
from compendium.book.errors import PageError
from compendium.book.fidelity import check_page, claims_error, source_claims, words_error

_source: list[str] = []
_errata: list[Correction] = []
_claims: dict[str, tuple[int, int]] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Which page holds which source lines: each line on exactly one page.
    _claims.clear()
    if _shared.language(config) != "zh":
        return files
    root = Path(config.config_file_path).parent
    try:
        _source[:] = (root / "source" / "compilation.txt").read_text(encoding="utf-8").splitlines()
        _errata[:] = load_errata(root / "data" / "errata.yml")
        claims, _added = source_claims(Path(config.docs_dir))
        if err := claims_error(claims, _source, Path(config.docs_dir)):
            raise err
    except PageError as err:
        raise PluginError(f"Bad page: {err}") from None
    _claims.update(claims)
    return files


@event_priority(-100)  # after every hook that adds to the page: the page as readers get it
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    path = _shared.src_uri(page.file)
    if (lines := _claims.get(path)) is None or _shared.language(config) != "zh":
        return output
    errata = [c for c in _errata if lines[0] <= c.line <= lines[1]]
    report = check_page(path, output, _source, lines, errata)
    if err := words_error(report, page.file.content_string):
        raise PluginError(f"Bad page: {err}")
    return output
