#!/usr/bin/env bash
# Build the site for handing out: the PDF booklets (tools/pdf.sh, when it exists), the site, and
# one zip of it named with its version and build date, with a SHA-256 checksum file beside it, in
# dist/ (or --out DIR). The zip unpacks to a folder that opens from file:// (index.html) and that
# holds deploy/nginx.conf for IT staff. SITE_URL=https://host/xuexi/ builds for a sub-path.
# Refused, before anything is built, when what the site is built from has uncommitted changes
# (--allow-dirty makes a trial zip named +dirty) or when the version of pyproject.toml has no
# 修订记录 entry at the top of data/revisions.yml (MAINTAINING.md, 第11节 and 第13节).
#   ./tools/release.sh [--no-pdf] [--allow-dirty] [--out DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

out="$ROOT/dist"
pdf=1
dirty=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-pdf) pdf=0 ;;
    --allow-dirty) dirty=(--allow-dirty) ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "release: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

"$VENV/bin/python" -m compendium.hosting.release --check ${dirty[@]+"${dirty[@]}"}

# One moment for the build and the zip's name and dates, even across midnight.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(date +%s)}"
if [ "$pdf" = 1 ] && [ -x "$ROOT/tools/pdf.sh" ]; then
  "$ROOT/tools/pdf.sh"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$VENV/bin/mkdocs" build --strict --quiet -d "$work/site"
"$VENV/bin/python" -m compendium.hosting.release "$work/site" "$out"
