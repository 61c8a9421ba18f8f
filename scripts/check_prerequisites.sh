#!/bin/sh
# Checks what `make run` and `make test` need from the machine, and says how to get what is missing.
PYTHON=${PYTHON:-python3}
missing=""
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "Whereas needs Python 3.11 or newer: sudo apt-get install -y python3 python3-venv" >&2
  exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Whereas needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
  exit 1
fi
"$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || missing="$missing python3-venv"
for lib in libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 libharfbuzz.so.0:libharfbuzz0b; do
  so=${lib%%:*}; pkg=${lib##*:}
  ldconfig -p 2>/dev/null | grep -q "$so" || missing="$missing $pkg"
done
if ! ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset.so.0; then
  # Not required: without it WeasyPrint subsets fonts with fontTools, about 6x slower per PDF.
  echo "Note: PDFs render about 6x slower without HarfBuzz's subsetter: sudo apt-get install -y libharfbuzz-subset0" >&2
fi
if [ -n "$missing" ]; then
  echo "WeasyPrint and venv need system packages that are missing. Install them with:" >&2
  echo "  sudo apt-get install -y$missing" >&2
  exit 1
fi
