"""The English edition (under en/): English titles and summaries above the Chinese originals.

- ``document_page``: a document's English title and summary checked against its Chinese original,
  its English header, the original marked as Chinese;
- ``glossary``: one English rendering of each recurring term (``data/glossary.yml``).

The text of the documents is never translated. Reads: the documents' front matter (``title_en``,
``summary_en``), ``data/glossary.yml``. Writes: the header of each English document page
(``hooks/english.py``).

Builds on: book.
"""
