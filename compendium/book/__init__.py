"""The book itself: the pages under docs/ parsed into a model, validated, and held to the source.

Reads: ``docs/partN/*.md`` (one document a page, with front matter), ``source/compilation.txt``,
``data/vocabulary.yml``, ``data/labels.yml``, ``data/errata.yml``.
Writes: nothing on its own; it gives every other package the model (``pages.Document``, its
remarks and anchors) and the one error type (``errors.PageError``: file, line, what to fix).

- ``errors``, ``guide``, ``yamlfile``, ``frontmatter``: the error type and the section of the editors'
  guide (MAINTAINING.md) each error cites; data files and front matter read with the line of every field;
- ``schema``, ``vocabulary``, ``labels``: the front matter's schema, the controlled lists, the
  interface labels in Chinese and English;
- ``pages``, ``anchors``, ``remarks``, ``tables``: the page model, the anchor scheme, a remark's
  date and id, a rebuilt table's scroll region;
- ``layout_repair``, ``errata``, ``fidelity``: the PDF extraction's artefacts, the deliberate
  corrections, and the check that every character of the source is on a page;
- ``formatting``: small renderings of the model (a metadata line, a part's title, a date).

Imports no other package of the core.
"""
