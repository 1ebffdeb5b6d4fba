"""quiz.pdf as tools/pdf.sh sets it: every question and every answer in its text, and the answer
key's page numbers pointing at the pages of compilation.pdf where the sources stand, counted as
that booklet prints them."""
from __future__ import annotations

import re

import pytest

from compendium.book.labels import load_labels
from compendium.book.layout_repair import content_chars
from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary
from compendium.booklets.booklet_pdf import named_pages
from compendium.quiz.load import load_bank
from compendium.quiz.sheets import FIRST_PART, locate, scoped_ids
from support.project import ROOT

pypdf = pytest.importorskip("pypdf")

LABELS = load_labels()
VOCAB = load_vocabulary()
BANK = load_bank({d.path: d for d in load_documents(ROOT / "docs", VOCAB)}, VOCAB, LABELS)


def pdf_text(path) -> list[str]:
    return [content_chars(page.extract_text() or "") for page in pypdf.PdfReader(path).pages]


def test_the_sheets_hold_every_question_and_every_answer(booklets):
    assert "[quiz.pdf] done" in booklets.stdout
    text = "".join(pdf_text(booklets.out / "quiz.pdf"))
    for q in BANK.questions:
        assert content_chars(q.stem) in text, q.id
        for option in q.options:
            assert content_chars(option) in text, (q.id, option)


def test_the_answer_key_points_at_the_pages_of_the_compilation_booklet(booklets):
    pages = pdf_text(booklets.out / "compilation.pdf")
    html = (booklets.out / "compilation.html").read_text(encoding="utf-8")
    ids, located = scoped_ids(html), locate(BANK.questions, html)
    first = named_pages(booklets.out / "compilation.pdf")[FIRST_PART]
    key = "".join(pdf_text(booklets.out / "quiz.pdf"))
    key = key[key.rindex(content_chars(LABELS("quiz.sheet_key_note"))):]
    printed = dict(re.findall(r"(\d+)[A-H].*?学习手册第(\d+)页", key))
    assert len(printed) == len(BANK.questions)
    for n, q in enumerate(BANK.questions, 1):
        page = int(printed[str(n)])
        opening = ids[located[q.id]][:8]
        assert opening in pages[first + page - 2], (q.id, page, opening)
