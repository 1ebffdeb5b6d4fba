#!/usr/bin/env bash
# Set up everything the site and its tests need, on a fresh machine or an existing one:
# Debian packages when missing, a virtualenv (.venv) with the pinned requirements, and the Node
# tools of package.json (node_modules/, from the lock file). Safe to run again: it does only what
# is missing or changed.
# Sourced by tools/serve.sh, tools/test.sh and the other tools; exports VENV and ROOT.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
export ROOT VENV NO_MKDOCS_2_WARNING=1

# --- Debian packages ---------------------------------------------------------------------------
# chromium: browser tests, Lighthouse, axe; fonts-noto-cjk: Chinese in the browser and the PDFs;
# nginx: intranet hosting tests; default-jre-headless: the Nu HTML Checker; poppler-utils: PDF
# checks (pdffonts, pdftotext, pdfimages); zbar-tools: decoding the booklets' QR codes; nodejs/npm: the tools of package.json; libpango-1.0-0,
# libpangoft2-1.0-0, libharfbuzz-subset0 and fontconfig: WeasyPrint (tools/pdf.sh), which loads
# Pango and HarfBuzz at run time and finds its fonts through fontconfig.
need_debs=()
[ -x /usr/bin/chromium ] || need_debs+=(chromium)
# (Not `fc-list | grep -q`: under pipefail, grep's early exit makes fc-list fail with SIGPIPE.)
[ -n "$(fc-list 'Noto Serif CJK SC' family 2>/dev/null)" ] || need_debs+=(fonts-noto-cjk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_debs+=(nginx)
command -v java >/dev/null 2>&1 || need_debs+=(default-jre-headless)
command -v pdffonts >/dev/null 2>&1 || need_debs+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || need_debs+=(zbar-tools)
command -v npm >/dev/null 2>&1 || need_debs+=(nodejs npm)
# A shared library the dynamic linker knows (grep without -q, as above).
have_lib() { [ -n "$({ ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null | grep -F "$1")" ]; }
have_lib libpango-1.0.so.0 || need_debs+=(libpango-1.0-0)
have_lib libpangoft2-1.0.so.0 || need_debs+=(libpangoft2-1.0-0)
have_lib libharfbuzz-subset.so.0 || need_debs+=(libharfbuzz-subset0)
command -v fc-list >/dev/null 2>&1 || need_debs+=(fontconfig)
if [ ${#need_debs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing Debian packages: ${need_debs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_debs[@]}" >/dev/null
  else
    echo "setup: missing Debian packages: ${need_debs[*]}" >&2
    echo "setup: install them as root: apt-get install ${need_debs[*]}" >&2
    echo "setup: (the site builds without them; browser, conformance, hosting and PDF tests need them)" >&2
  fi
fi

# --- Python ------------------------------------------------------------------------------------
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

# --- Node tools (package.json, exact versions from package-lock.json) ---------------------------
# --ignore-scripts: vnu-jar's install script would try to download a Java runtime; Debian's is used.
node_stamp="$ROOT/node_modules/.package-lock.sha"
node_want="$(cat "$ROOT/package.json" "$ROOT/package-lock.json" | sha256sum | cut -d' ' -f1)"
if command -v npm >/dev/null 2>&1; then
  if [ "$(cat "$node_stamp" 2>/dev/null)" != "$node_want" ]; then
    echo "setup: installing the Node tools of package-lock.json into node_modules/"
    (cd "$ROOT" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
    echo "$node_want" > "$node_stamp"
  fi
else
  echo "setup: npm is missing: install nodejs and npm (the conformance tests and the benchmark need them)" >&2
fi
