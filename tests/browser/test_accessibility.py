"""Every kind of page, with the demo data, checked by axe-core in Chromium against WCAG 2.1 A/AA and best practice."""
import hashlib

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from django.core.management import call_command

from accounts.models import User
from evidence.models import Source
from resolutions.demo import DEMO_DRAFT_TITLE, DEMO_FILED_TITLE, DEMO_PASSWORD
from resolutions.models import Draft, Precedent, Representation
from resolutions.notifications.models import Kind
from resolutions.notifications.services import unsubscribe_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


@pytest.fixture
def demo(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=open(tmp_path / "load_demo.log", "w"))
    draft = Draft.objects.get(title=DEMO_DRAFT_TITLE)
    version = draft.versions.newest()
    filed = Draft.objects.get(title=DEMO_FILED_TITLE)
    cofiler = draft.invitations.get().organization
    Representation.objects.create(draft=draft, organization=cofiler, shareholder_name="Ada Investor",
                                  shareholder_kind="individual", basis="signed_here", signer_name="Ada Investor",
                                  signer_email="ada@investor.example",
                                  token_sha256=hashlib.sha256(b"axe-signing-token").hexdigest())
    lead = User.objects.get(email="lead@example.org")
    return {"unsubscribe": f"/notifications/unsubscribe/{unsubscribe_token(lead, Kind.COMMENTED)}/",
            "draft": f"/drafts/{draft.pk}", "filed": f"/drafts/{filed.pk}", "version": f"/drafts/{draft.pk}/versions/{version.number}",
            "source": f"/evidence/sources/{Source.objects.first().pk}/",
            "precedent": f"/precedents/{Precedent.objects.first().pk}/"}


def violations(page, url) -> list[str]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    found = Axe().run(page, options=RULES).response["violations"]
    return [f"{url}: {v['id']} ({v['impact']}) at {', '.join(str(n['target']) for n in v['nodes'][:3])}"
            for v in found]


PAGES = {  # who → the pages they see, every kind once (the HTML checker walks them too)
    "visitor": lambda demo: ["/accounts/login/", "/accounts/password_reset/", "/authorize/axe-signing-token/",
                             demo["unsubscribe"]],
    "lead": lambda demo: [
        "/", "/drafts/", "/drafts/new/", f"{demo['draft']}/", f"{demo['draft']}/settings/", f"{demo['draft']}/preview/",
        f"{demo['draft']}/versions/", f"{demo['version']}/", f"{demo['draft']}/filers/",
        f"{demo['draft']}/packet/", f"{demo['draft']}/audit/", f"{demo['draft']}/filing/",
        f"{demo['version']}/statements/", f"{demo['draft']}/submission/",
        f"{demo['filed']}/filing/", f"{demo['filed']}/submission/", f"{demo['filed']}/packet/", f"{demo['filed']}/record/",
        f"{demo['draft']}/documents/", "/evidence/", "/evidence/?q=police", demo["source"], "/evidence/sources/new/",
        "/evidence/import/", "/precedents/", "/precedents/?q=methane", demo["precedent"], "/notifications/",
        "/notifications/settings/"],
    "cofiler": lambda demo: ["/", f"{demo['draft']}/review/", f"{demo['version']}/sign/", f"{demo['draft']}/documents/",
                            f"{demo['filed']}/record/"],
    "curator": lambda demo: ["/precedents/import/", "/precedents/import/proxy/"],
}
PHONE = {"width": 390, "height": 844}  # a small phone, held upright
ON_A_PHONE = {  # the pages a filer uses most on a phone
    "lead": lambda demo: ["/", f"{demo['draft']}/", f"{demo['draft']}/filers/", f"{demo['version']}/statements/"],
    "cofiler": lambda demo: ["/", f"{demo['version']}/sign/"],
}


@pytest.mark.parametrize("who", list(PAGES))
def test_no_page_has_an_accessibility_violation(browser, live_server, sign_in, demo, who):
    page = browser.new_context().new_page()
    if who != "visitor":
        sign_in(page, f"{who}@example.org", DEMO_PASSWORD)
    found = [problem for path in PAGES[who](demo) for problem in violations(page, f"{live_server.url}{path}")]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("who", list(ON_A_PHONE))
def test_at_390_px_no_page_has_a_violation_or_scrolls_sideways(browser, live_server, sign_in, demo, who):
    page = browser.new_context(viewport=PHONE).new_page()
    sign_in(page, f"{who}@example.org", DEMO_PASSWORD)
    found = []
    for path in ON_A_PHONE[who](demo):
        found += violations(page, f"{live_server.url}{path}")
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > PHONE["width"]:
            found.append(f"{path}: the page is {wide} px wide, wider than the {PHONE['width']} px screen")
        found += [f"{path}: a table runs past the screen's edge ({right} px)" for right in page.evaluate(
            "[...document.querySelectorAll('table')].map(t => Math.round(t.getBoundingClientRect().right))"
            f".filter(right => right > {PHONE['width']})")]
    assert not found, "\n".join(found)


def test_the_editor_with_the_cite_picker_open_and_the_import_review_have_none(browser, live_server, sign_in, demo):
    lead = browser.new_context().new_page()
    sign_in(lead, "lead@example.org", DEMO_PASSWORD)
    lead.goto(f"{live_server.url}{demo['draft']}/")
    lead.get_by_role("button", name="Cite…").first.click()
    lead.get_by_label("Search the evidence library").fill("police")
    expect(lead.locator(".js-insert-citation").first).to_be_visible()
    curator = browser.new_context().new_page()
    sign_in(curator, "curator@example.org", DEMO_PASSWORD)
    curator.goto(f"{live_server.url}/precedents/import/")
    recitals = "".join(f"WHEREAS, plant {n} draws water in a stressed basin;\n\n" for n in range(1, 60))
    curator.get_by_label("…or paste the text").fill(  # long enough for the source text to scroll
        f"Water Stewardship\n\n{recitals}RESOLVED: Shareholders request a report on water risk.")
    curator.get_by_role("button", name="Read and review").click()
    expect(curator.get_by_role("heading", name="Source text")).to_be_visible()

    found = [f"{page.url}: {v['id']} ({v['impact']}) at {v['nodes'][0]['target']}"
             for page in (lead, curator) for v in Axe().run(page, options=RULES).response["violations"]]
    assert not found, "\n".join(found)
