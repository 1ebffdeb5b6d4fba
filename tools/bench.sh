#!/usr/bin/env bash
# Benchmark the site against plain Material for MkDocs: build time (1×, 4×, 16× corpus) and peak
# memory, page weight and search in Chromium against nginx, PDF booklets, Lighthouse. Prints the
# table with each budget; writes bench/results.json, bench/README.md's table and the README's headline (a full run).
#   ./tools/bench.sh                 the full run (about half an hour on a busy 2-core machine)
#   ./tools/bench.sh --quick --out F one run of each, 1× corpus, no Lighthouse or PDF; results to F
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
exec "$VENV/bin/python" -m bench "$@"
