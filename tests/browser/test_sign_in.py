import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_filer_signs_in_through_the_real_page(page, live_server, lead, sign_in):
    sign_in(page, lead.email, PASSWORD)
    expect(page.get_by_role("heading", name="Welcome, Lena")).to_be_visible()
    expect(page.get_by_role("link", name="Precedents")).to_be_visible()
    expect(page.get_by_role("link", name="Admin")).to_have_count(0)
