"""Plain-Python core of the compilation site: parse pages into a model, validate, render.

Nothing here imports MkDocs; the hooks in ``hooks/`` adapt MkDocs events to these functions.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_TEXT = ROOT / "source" / "compilation.txt"
VOCABULARY_FILE = ROOT / "data" / "vocabulary.yml"
ERRATA_FILE = ROOT / "data" / "errata.yml"
DOCS_DIR = ROOT / "docs"
