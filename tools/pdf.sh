#!/usr/bin/env bash
# Set the study booklets in PDF: the whole compilation and one per part, A5 (--a4 for A4), into
# build/booklets/ (--out DIR elsewhere). The next `mkdocs build` publishes them under downloads/.
# Stops with the package to install when the Chinese fonts are missing. See tools/pdf.py.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec "$VENV/bin/python" "$ROOT/tools/pdf.py" "$@"
