"""The PDF study booklets: one per part and one for the whole compilation.

- ``page_html``: the pages rendered to HTML without MkDocs, with the Markdown extensions of
  mkdocs.yml, so that paper cannot drift from the site;
- ``booklet_html``: which booklets there are and what each holds (the model), their HTML (cover,
  contents, sections) and the digest of the sources a booklet is made from;
- ``booklet_pdf``: setting a booklet with WeasyPrint, the font check, and what a PDF records.

Reads: the pages, ``booklet/booklet.css``, mkdocs.yml. Writes: ``build/booklets/*.pdf``
(``tools/pdf.sh``); the build publishes them under ``downloads/`` only when their digest matches.

Builds on: book and edition.
"""
