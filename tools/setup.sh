#!/usr/bin/env bash
# Set up everything the site and its tests need, on a fresh machine or an existing one:
# Debian packages (chromium, fonts-noto-cjk, nginx) when missing, and a virtualenv (.venv) with
# the pinned requirements. Safe to run again: it does only what is missing.
# Sourced by tools/serve.sh and tools/test.sh; exports VENV.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
export VENV NO_MKDOCS_2_WARNING=1

need_debs=()
[ -x /usr/bin/chromium ] || need_debs+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_debs+=(fonts-noto-cjk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_debs+=(nginx)
if [ ${#need_debs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing Debian packages: ${need_debs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_debs[@]}" >/dev/null
  else
    echo "setup: missing Debian packages: ${need_debs[*]}" >&2
    echo "setup: install them as root: apt-get install ${need_debs[*]}" >&2
    echo "setup: (the site builds without them; browser and hosting tests need them)" >&2
  fi
fi

PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1))" >&2
  exit 1
fi
stamp="$VENV/.requirements.sha"
want="$(cat "$ROOT/requirements.txt" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: creating $VENV with the pinned requirements"
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$ROOT/requirements.txt"
  echo "$want" > "$stamp"
fi
