"""Browser tests drive Debian's Chromium through Playwright (never a downloaded browser)."""
import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"CI is set but Chromium is missing at {CHROMIUM}: apt-get install -y chromium")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"],
    }


@pytest.fixture(autouse=True)
def contexts_closed_before_the_server_stops(browser, live_server):
    """Close the browser contexts a test opened itself while its live server still runs: Chromium keeps their
    connections alive, and the server thread that closes one after the test has ended finds SQLite's in-memory
    database no longer shared with it (an unhandled thread exception, reported at some later test)."""
    yield
    for context in browser.contexts:
        context.close()


@pytest.fixture
def sign_in(live_server):
    def sign_in(page, email, password):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Email address").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()

    return sign_in
