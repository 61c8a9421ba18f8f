#!/bin/sh
# docs/editor.png: the demo draft in the editor, as the lead filer sees it. Run after changing the
# editor's look. Uses a throwaway SQLite database, a dev server on port 8765 and Debian's Chromium.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
export DATABASE_URL="sqlite:///$tmp/demo.sqlite3" MEDIA_ROOT="$tmp/media"
.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py load_demo >/dev/null
.venv/bin/python manage.py runserver 127.0.0.1:8765 --noreload >"$tmp/server.log" 2>&1 &
server=$!
trap 'kill $server; rm -rf "$tmp"' EXIT
sleep 3
.venv/bin/python - <<'PY'
from playwright.sync_api import sync_playwright

DEMO_PASSWORD = "whereas-demo-2026"  # resolutions/demo.py

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto("http://127.0.0.1:8765/accounts/login/")
    page.get_by_label("Email address").fill("lead@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Report on Customer Due Diligence for Surveillance Products").first.click()
    page.locator(".cite-chip").first.hover()
    page.screenshot(path="docs/editor.png", clip={"x": 0, "y": 0, "width": 1280, "height": 900})
    browser.close()
PY
ls -l docs/editor.png
