#!/usr/bin/env bash
# Run every test: unit tests of the core, the built site, fidelity to the source, the browser.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$(dirname "$VENV")"
exec "$VENV/bin/python" -m pytest "$@"
