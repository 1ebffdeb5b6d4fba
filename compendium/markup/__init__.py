"""The Markdown extension of the book's pages (``compendium.markup.extension`` in mkdocs.yml).

Renders the remark block (``/// remark``) as a figure with its attribution and the reader's tools,
gives every paragraph a stable id (``s1-2-p3``), marks dash lists and makes rebuilt tables
keyboard-scrollable. The site, the booklets (``booklets.page_html``) and the tests all render
pages through it.

Builds on: book (remarks, tables, labels) and reader (the remark's tools come from
``reader.controls``, so that every control the site adds is written in one place).
"""
