"""How a passage of the compilation is cited when a reader quotes it (我的学习, 复制引文).

A quotation is the passage in Chinese quotation marks — each paragraph opens one, the last one
closes it, quotation marks inside turn single (GB/T 15834) — followed by its citation in
full-width brackets:

- a remark, or a paragraph inside one: the remark's citation, as 复制引文 gives it
  (compendium.reader.remark_citation): ``（习近平，2018年4月24日至28日，在湖北考察时的讲话）``;
- any other paragraph of a document: the document's title in 《》 and its 文号 where it has one,
  ``（《工业和信息化部关于推动5G加快发展的通知》，工信部通信〔2020〕49号）``, else the title alone;
- a row of a document's table: the same, then the table's caption,
  ``（《中国制造2025咸宁行动方案》，咸政发〔2016〕23号，咸宁市2020年和2025年制造业主要指标）``;
  the row is quoted as its cells joined by `` | ``;
- a target of the 指标目标表: its sentence as printed, cited as a paragraph of its document.

Title marks inside a title turn single (《关于印发〈…〉的通知》), as GB/T 15834 asks. The build
writes a document's citation on its page (``data-cite`` of ``#study-doc``) and beside each
document on the 我的学习 page; the scripts add the caption of a table row.
"""
from __future__ import annotations

from compendium.book.pages import Document

ROW_SEPARATOR = " | "


def title_in_marks(title: str) -> str:
    """《title》, with 《》 inside the title turned to 〈〉."""
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


def document_citation(doc: Document) -> str:
    """（《title》，文号）, or （《title》） where the document has no 文号."""
    parts = [title_in_marks(doc.meta.title.strip())]
    if doc.meta.doc_no.strip():
        parts.append(doc.meta.doc_no.strip())
    return "（" + "，".join(parts) + "）"


def row_citation(doc: Document, caption: str) -> str:
    """The citation of a row of one of the document's tables: the document's, then the caption."""
    base = document_citation(doc)
    caption = " ".join(caption.split())
    return base[:-1] + "，" + caption + "）" if caption else base


def quote(paragraphs: list[str], citation: str) -> str:
    """“First paragraph / “last paragraph.”（citation）: how the scripts quote a passage."""
    swap = str.maketrans("“”‘’", "‘’“”")
    lines = ["“" + p.translate(swap) for p in paragraphs if p.strip()]
    return "\n".join(lines) + "”" + citation
