"""The cross-reference indexes: generated pages under indexes/ and their published data.

- ``attributions``: what a remark's attribution says (date, occasion, place; ``data/places.yml``);
- ``remark_duplicates``: remarks printed more than once, judged by hand
  (``data/remark-duplicates.yml``); the build lists every close pair not judged yet;
- ``timeline``: the 论述时间线 of part 1 and part 4's timeline, and ``data/quotes.json``;
- ``document_index``: the 文件索引 and ``data/documents.json``;
- ``citation_index``: the documents the text cites, where, and ``data/citations.json``;
- ``topics``, ``passages``: the 主题对照 pages (``data/topic-passages.yml``) and the passages of a
  rendered page by anchor.

Reads: the page model, the rendered pages (for paragraph ids), the data files named above.
Writes: Markdown of the generated pages and the JSON rows (``hooks/indexes.py`` adds them).

Builds on: book, and english (the document index names issuing bodies by the glossary).
"""
