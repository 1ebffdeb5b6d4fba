"""Search: the site's own index, one per language, read by its own worker in the browser.

- ``search_index``: a rendered page cut into the sections a result links to; the index script
  (``search/index.<lang>.js``) and the worker's URL.
- ``understanding``: what the index carries beside the pages so that the engine understands what
  readers mean: ``variants`` (traditional → simplified characters, from OpenCC), ``synonyms``
  (data/search-synonyms.yml, checked against the pages), ``answers`` (the target table's rows).

Reads: every page's rendered content (``hooks/search.py`` collects it), data/search-synonyms.yml,
data/places.yml, and the target table's published rows (data/targets.json). Writes: the index scripts;
the matching is done by ``docs/assets/javascripts/search-engine.js``, which the worker Material starts
(``search-worker.js``) loads with the first query.

Builds on: book (which pages are documents).
"""
