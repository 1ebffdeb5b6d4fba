"""What the site adds for a reader on every page, none of it text of the source.

- ``controls``: the markup of the reader's controls (a remark's ¶ permalink and copy buttons, the
  text-size menu, a paragraph's link tool, the 已复制 notice), marked ``generated``;
- ``remark_citation``: a remark cited as Chinese reports cite it, built from its attribution;
- ``material_markup``: repairs of Material's own markup where no template block reaches it.

Reads: the page model (book) and ``data/labels.yml``. Writes: markup the hooks put on pages
(``hooks/reader.py``, ``hooks/material_markup.py``); the script that uses it is
``docs/assets/javascripts/reader.js``.

Builds on: book.
"""
