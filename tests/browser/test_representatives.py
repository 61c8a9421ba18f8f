"""A co-filer files for a shareholder: it adds its own broker letter, names the shareholder, the shareholder's
signer signs through the emailed link (no account), and only then does the lead's Finalize go through."""
import re
from datetime import date

import pytest
from django.core import mail
from playwright.sync_api import expect

from resolutions.filing.samples import sample_broker_letter
from resolutions.drafts import services as draft_services
from tests import factories
from tests.conftest import PASSWORD
from tests.resolutions import pdf_builders as b

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_co_filer_names_the_shareholder_it_files_for_who_signs_before_the_lead_can_finalize(
        browser, live_server, lead, cofiler, sign_in, tmp_path):
    draft = factories.draft(lead, clauses=[("whereas", "Water is scarce."),
                                           ("resolved", "Shareholders request a report.")])
    b.join(draft, cofiler)
    version = draft_services.draft_circulate(draft=draft, user=lead)
    b.sign(version, lead, signed_at=b.at(4), submission_date=date(2026, 11, 2))
    b.sign(version, cofiler, signed_at=b.at(5), submission_date=date(2026, 11, 2))

    co = browser.new_context().new_page()
    sign_in(co, cofiler.email, PASSWORD)
    co.goto(f"{live_server.url}/drafts/{draft.pk}/review/")
    co.get_by_role("link", name="Our filing documents").click()
    letter = tmp_path / "broker-letter.pdf"
    letter.write_bytes(sample_broker_letter(record_holder="Example Custody Bank", organization="Ada Investor",
                                            company=draft.company.name, shares=120, held_since=date(2021, 3, 1),
                                            through=date(2026, 11, 2)))
    co.get_by_text("Add a letter").click()
    co.get_by_label("Record holder (broker, bank or clearing firm)").fill("Example Custody Bank")
    co.get_by_label("Covers continuous ownership from").fill("2021-03-01")
    co.locator("#id_period_end").fill("2026-11-02")
    co.get_by_label("Date of the letter").fill("2026-11-02")
    co.get_by_label("The signed letter (PDF, PNG or JPEG)").set_input_files(str(letter))
    co.get_by_role("button", name="Add the letter").click()
    expect(co.get_by_text("Proof of ownership added.")).to_be_visible()

    co.get_by_label("The shareholder's legal name").fill("Ada Investor")
    co.get_by_label("An individual").check()
    co.get_by_label(re.compile("The shareholder signs here")).check()
    co.get_by_label("Who signs for the shareholder").fill("Ada Investor")
    co.get_by_label("Their email (for the signing link)").fill("ada@investor.example")
    co.get_by_role("button", name="Save").click()
    expect(co.get_by_text("A signing link is emailed to ada@investor.example")).to_be_visible()
    expect(co.locator("#representation-summary")).to_contain_text("Waiting for Ada Investor")

    page = browser.new_context().new_page()
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/filing/")
    expect(page.locator(".filer-row").nth(1)).to_contain_text("for Ada Investor: authorization not signed yet")
    page.get_by_role("button", name="Finalize version 1").click()
    expect(page.get_by_text(re.compile(r"Not finalized: Rule 14a-8\(b\)\(1\)\(iv\): Pension Fund of Tests files "
                                       r"for Ada Investor"))).to_be_visible()

    link = re.search(r"https?://\S+/authorize/\S+/", mail.outbox[-1].body).group(0)
    signer = browser.new_context().new_page()  # no account, no sign-in
    signer.goto(link)
    expect(signer.locator("#authorization-text")).to_contain_text("Ada Investor authorizes Pension Fund of Tests")
    signer.get_by_label("The shareholder's statement supporting the proposal").fill("I support this proposal.")
    signer.get_by_label("I am the shareholder, or may sign for it.").check()
    signer.get_by_label("Typed signature").fill("Ada Investor")
    signer.get_by_role("button", name="Sign and date the authorization").click()
    expect(signer.locator("#authorization-signed")).to_contain_text("Ada Investor signed")

    page.goto(f"{live_server.url}/drafts/{draft.pk}/filing/")
    expect(page.locator(".filer-row").nth(1)).to_contain_text("for Ada Investor: authorization signed")
    expect(page.get_by_role("link", name="Example Custody Bank")).to_be_visible()
    page.get_by_role("button", name="Finalize version 1").click()
    expect(page.get_by_text("Version 1 is final")).to_be_visible()
