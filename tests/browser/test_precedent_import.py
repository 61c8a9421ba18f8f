"""A curator imports a resolution through the real pages and finds it by searching."""
import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = """Aquifer Protection Report

WHEREAS, the Company draws groundwater in regions of extreme water stress;1

RESOLVED: Shareholders request that the Board report on aquifer depletion risks.

1. Demo Water Institute, Stress Atlas, 2025. https://example.org/atlas
"""


def test_upload_review_save_and_find(page, live_server, curator, sign_in, tmp_path):
    factories.company(name="Thirsty Beverages Inc.", ticker="")
    path = tmp_path / "aquifer.txt"
    path.write_text(TEXT)
    sign_in(page, curator.email, PASSWORD)
    page.goto(f"{live_server.url}/precedents/")
    page.get_by_role("link", name="Import a resolution").click()
    page.get_by_label("File").set_input_files(str(path))
    page.get_by_role("button", name="Read and review").click()

    expect(page.get_by_role("heading", name="Review the import")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Aquifer Protection Report")
    page.get_by_label("Company", exact=True).select_option(label="Thirsty Beverages Inc.")
    page.get_by_label("Meeting year").fill("2025")
    page.get_by_role("button", name="Save precedent").click()
    expect(page.get_by_text("was saved in the precedent library")).to_be_visible()

    page.goto(f"{live_server.url}/precedents/")
    page.get_by_role("searchbox", name="Search").fill("aquifer")
    page.get_by_role("button", name="Search", exact=True).click()
    result = page.get_by_role("link", name="Aquifer Protection Report")
    expect(result).to_be_visible()
    expect(page.locator("mark").first).to_have_text(re.compile("aquifer", re.I))
