#!/bin/sh
# Page images of the demo proposal for docs/ (docs/proposal-page-1.png, ...). Run once after
# changing the proposal's look. Uses a throwaway SQLite database; needs pdftoppm (poppler-utils).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export DATABASE_URL="sqlite:///$tmp/demo.sqlite3" MEDIA_ROOT="$tmp/media"
.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py load_demo >/dev/null
draft=$(.venv/bin/python manage.py shell -v 0 -c "from resolutions.demo import DEMO_DRAFT_TITLE
from resolutions.models import Draft
print(Draft.objects.get(title=DEMO_DRAFT_TITLE).pk)")
.venv/bin/python manage.py export_pdf --draft "$draft" -o "$tmp/proposal.pdf"
rm -f docs/proposal-page-*.png
pdftoppm -png -r 110 "$tmp/proposal.pdf" docs/proposal-page
ls docs/proposal-page-*.png
