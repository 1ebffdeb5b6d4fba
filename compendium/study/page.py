"""What the build writes for 我的学习: the study page, the progress lines of the home and part
pages, and the data a document page gives the scripts.

Everything here is added by the site, not text of the source: it carries the class ``generated``
(the fidelity check leaves it out) and ``data-search-exclude``; what needs the script is
``reader-js-only`` (hidden where JavaScript does not run). Labels come from data/labels.yml
(``study.*``), in the language of the `Labels` given.
"""
from __future__ import annotations

import html
import re

from compendium.book.formatting import CN_PART, part_title
from compendium.book.labels import Labels
from compendium.book.pages import Document
from compendium.book.vocabulary import Vocabulary
from compendium.study.citation import document_citation

PAGE = "study.md"  # study.html, and en/study.html in the English edition
_SKIP = 'data-search-exclude'


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


# --- a document page -------------------------------------------------------------------------


def document_data(doc: Document) -> str:
    """A hidden element with what the scripts cite a document's paragraphs by: its citation (the
    same in both editions: the text quoted is the Chinese original) and its title as printed."""
    return (f'<div class="study-doc generated" hidden {_SKIP} data-cite="{_attr(document_citation(doc))}" '
            f'data-title="{_attr(doc.meta.title)}"></div>')


def read_button(labels: Labels) -> str:
    """标为已读 at the end of a document: one tap counts it as read (study-boot.js shows its state)."""
    return (f'<div class="study-done generated reader-js-only" {_SKIP}><button type="button" class="reader-control" '
            f'data-study-read aria-pressed="false">{_attr(labels("study.mark_read"))}</button></div>')


_REMARK_TOOLS = re.compile(r'(<span class="remark-tools generated"[^>]*>.*?)(</span>)', re.S)


def with_remark_bookmarks(html_text: str, labels: Labels) -> str:
    """A page's HTML with 收藏 (a toggle, for study-boot.js) after the other tools of each remark."""
    button = (f'<button type="button" class="reader-control reader-js-only" data-study-remark aria-pressed="false">'
              f'{_attr(labels("study.bookmark"))}</button>')
    return _REMARK_TOOLS.sub(lambda m: m.group(1) + button + m.group(2), html_text)


# --- the home page and a part's page ---------------------------------------------------------


def progress_block(docs: list[Document], vocab: Vocabulary, labels: Labels, root: str, part: int | None = None) -> str:
    """How many documents of each part (or of `part` only) the reader has read, and on the home
    page the document read last, in one paragraph that study.js fills from the device's record.
    `root` leads from the page to its edition's root ("" or "../")."""
    counts = []
    for n in [p for p in sorted(vocab.parts) if part is None or p == part]:
        total = sum(1 for d in docs if d.meta.part == n)
        name = labels("study.part_short").format(cn_number=CN_PART[n], number=n)
        count = labels("study.read_count").format(read=0, total=total)
        counts.append(_attr(labels("study.part_count")).format(
            part=_attr(name), count=f'<span data-study-part="part{n}/" data-total="{total}">{_attr(count)}</span>'))
    last = ""
    if part is None:
        last = f'<br>{_attr(labels("study.last"))}<span data-study-last>{_attr(labels("study.none_read"))}</span>'
    title = _attr(labels("study.progress_title")).format(
        title=f'<a href="{root}study.html">{_attr(labels("study.title"))}</a>', progress=_attr(labels("study.progress")))
    return (f'<p class="study-progress generated reader-js-only" {_SKIP} data-format="{_attr(labels("study.read_count"))}">'
            f'{title}{_attr(labels("study.list_separator")).join(counts)}{last}</p>')


def with_progress(markdown: str, block: str) -> str:
    """A home or part page's Markdown with `block` after its introduction (the first paragraph
    under the title), or under the title where there is none."""
    lines = markdown.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title is None:
        return markdown + "\n\n" + block + "\n"
    at = title + 1
    while at < len(lines) and not lines[at].strip():
        at += 1
    while at < len(lines) and lines[at].strip() and not lines[at].startswith("#"):
        at += 1  # the introduction's paragraph, with its attribute list
    return "\n".join(lines[:at] + ["", block, ""] + lines[at:])


# --- the study page --------------------------------------------------------------------------


def render_study_page(docs: list[Document], vocab: Vocabulary, labels: Labels, scripts: list[str],
                      stylesheet: str) -> str:
    """The 我的学习 page: what stays on the device and why, the contents of the book with what the
    reader has read, the bookmarks, the marks and notes, and the ways to take them away. The
    lists are the script's to fill (study-page.js); without JavaScript the page says what needs it
    and still lists the book. `scripts` and `stylesheet` (the page's own) are URLs relative to it."""
    L = lambda key: _attr(labels(key))  # noqa: E731
    parts = []
    for n in sorted(vocab.parts):
        mine = [d for d in docs if d.meta.part == n]
        items = "".join(
            f'<li data-page="{_attr(d.url)}" data-cite="{_attr(document_citation(d))}">'
            f'<a href="{_attr(d.url)}">{_attr(d.meta.title_in(labels.lang))}</a></li>' for d in mine)
        count = labels("study.read_count").format(read=0, total=len(mine))
        parts.append(f'<li><a href="part{n}/index.html">{_attr(part_title(vocab, n, labels))}</a> '
                     f'<span class="reader-js-only" data-study-part="part{n}/" data-total="{len(mine)}">'
                     f'{_attr(count)}</span><ol>{items}</ol></li>')
    script_tags = "\n".join(f'<script src="{_attr(s)}" defer></script>' for s in scripts)
    empty = f'<p class="study-empty">{L("study.empty")}</p>'
    return f"""---
title: {labels("study.title")}
---

# {labels("study.title")}

<link rel="stylesheet" href="{_attr(stylesheet)}">

{labels("study.intro")}
{{: .editorial }}

<div class="study-nojs generated" {_SKIP}><p>{L("study.nojs")}</p></div>

<div class="study-page generated" {_SKIP} data-format="{L("study.read_count")}">
<p class="study-status reader-js-only" role="status" aria-live="polite"></p>
<h2 id="u-progress">{L("study.progress")}</h2>
<p class="study-last reader-js-only">{L("study.last")}<span data-study-last>{L("study.none_read")}</span></p>
<ol class="study-contents">{"".join(parts)}</ol>
<div class="reader-js-only">
<h2 id="u-bookmarks">{L("study.bookmarks")}</h2>
<div class="study-list" data-study-list="bookmark">{empty}</div>
<h2 id="u-marks">{L("study.marks")}</h2>
<div class="study-list" data-study-list="mark">{empty}</div>
<h2 id="u-export">{L("study.export")}</h2>
<p>{L("study.export_note")}</p>
<p class="study-actions">
<button type="button" class="reader-control" data-study-action="copy">{L("study.copy_text")}</button>
<button type="button" class="reader-control" data-study-action="text">{L("study.download_text")}</button>
<button type="button" class="reader-control" data-study-action="print">{L("study.print")}</button>
<button type="button" class="reader-control" data-study-action="backup">{L("study.backup")}</button>
</p>
<p class="study-import"><label for="study-import-file">{L("study.restore")}</label>
<input type="file" id="study-import-file" accept=".json,application/json"></p>
</div>
</div>

{script_tags}
"""
