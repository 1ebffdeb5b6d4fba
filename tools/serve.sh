#!/usr/bin/env bash
# Build the site and serve it at http://127.0.0.1:8000 (live reload while editing docs/).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$(dirname "$VENV")"
exec "$VENV/bin/mkdocs" serve --strict -a 127.0.0.1:8000 "$@"
