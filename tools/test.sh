#!/usr/bin/env bash
# Run every test: unit tests of the core, the built site, fidelity to the source, the browser.
#   ./tools/test.sh            every test (CI runs this)
#   ./tools/test.sh --quick    the core and the tests of one build: no Chromium, nginx, PDFs or
#                              builds of their own (the tests marked slow; see tests/conftest.py)
#   ./tools/test.sh ARGS       any other arguments go to pytest (-k conformance, tests/targets, …)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$(dirname "$VENV")"
args=()
for arg in "$@"; do
  if [ "$arg" = "--quick" ]; then args+=(-m "not slow"); else args+=("$arg"); fi
done
exec "$VENV/bin/python" -m pytest ${args[@]+"${args[@]}"}
