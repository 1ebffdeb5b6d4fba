"""Plain-Python core of the compilation site, one package per capability.

Nothing here imports MkDocs: the hooks in ``hooks/`` adapt MkDocs events to these functions, and
the tools in ``tools/`` call them directly. Each package's docstring says what the capability
does, what it reads and what it writes, and which other packages it builds on. The layers, lowest
first (a package imports only packages above it in this list):

- ``book``: the book itself: pages, their front matter and anchors, the vocabulary and labels,
  the layout repairs, the errata and the fidelity check;
- ``reader``: what the site adds for a reader on every page (controls, citations of remarks,
  repairs of Material's markup);
- ``markup``: the Markdown extension that renders the book's blocks (builds on book and reader);
- ``english``, ``edition``, ``downloads``, ``search``, ``targets``: the English edition, the
  version and 修订记录, the published files, search, the 指标目标表;
- ``indexes``: the cross-reference indexes (builds on english: the document index names issuers
  in English);
- ``hosting``: CSP, nginx, the service worker's manifest, the release zip, vendored scripts;
- ``booklets``: the PDF study booklets;
- ``conformance``: checks of a built site (reads HTML only; imports nothing of the core).

The paths below are the project's; every package reads its files through them or through ROOT.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_TEXT = ROOT / "source" / "compilation.txt"
VOCABULARY_FILE = ROOT / "data" / "vocabulary.yml"
ERRATA_FILE = ROOT / "data" / "errata.yml"
DOCS_DIR = ROOT / "docs"
