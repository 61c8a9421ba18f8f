"""The lead files: its own statements, a broker letter, finalize, the packet, then the submission with its receipt."""
import re
import subprocess
from datetime import date
from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from resolutions.filing.samples import sample_broker_letter
from resolutions.models import Draft
from resolutions.drafts import services as draft_services
from tests import factories
from tests.browser.sign_on_form import fill_sign_on
from tests.conftest import PASSWORD
from tests.resolutions import pdf_builders as b

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EML = (b"From: Pat Secretary <secretary@example.com>\r\nTo: lead@test.example\r\nDate: Mon, 2 Nov 2026 15:04:00 "
       b"-0500\r\nSubject: Re: Shareholder proposal\r\n\r\nWe acknowledge receipt of your proposal.\r\n")


def test_the_lead_gives_its_statements_adds_a_broker_letter_finalizes_builds_the_packet_and_submits(
        browser, live_server, lead, cofiler, sign_in, tmp_path):
    company = factories.company(name="Example Water Corp", corporate_secretary="Pat Secretary",
                                principal_office_address="1 Example Plaza\nSpringfield, IL 62701")
    draft = factories.draft(lead, company=company, clauses=[("whereas", "Water is scarce."),
                                                            ("resolved", "Shareholders request a report.")])
    b.join(draft, cofiler)
    version = draft_services.draft_circulate(draft=draft, user=lead)
    b.sign(version, cofiler, signed_at=b.at(5))
    page = browser.new_context().new_page()
    sign_in(page, lead.email, PASSWORD)

    page.goto(f"{live_server.url}/drafts/{draft.pk}/filing/")
    page.get_by_role("link", name="Give our statements").click()
    form = {"Organization legal name": "Sisters of Testing", "Signatory name": "Lena Lead",
            "Signatory title": "Director", "Contact email": lead.email, "Phone": "555-0101",
            "Number of shares": "150", "Valuation day": "2026-10-15", "Price per share (USD)": "121.50",
            "Held continuously since": "2021-03-01", "Planned submission date": "2026-11-02",
            "Available for engagement (1)": "2026-11-12T10:00", "Available for engagement (2)": "2026-11-13T14:00",
            "Typed signature": "Lena Lead"}
    fill_sign_on(page, form, co_filer=False)
    page.get_by_role("button", name="Sign our statements on version 1").click()
    expect(page.get_by_text("Your statements are signed on version 1")).to_be_visible()

    letter = tmp_path / "broker-letter.pdf"
    letter.write_bytes(sample_broker_letter(record_holder="Example Custody Bank", organization="Sisters of Testing",
                                            company=company.name, shares=150, held_since=date(2021, 3, 1),
                                            through=date(2026, 11, 2)))
    page.get_by_role("combobox", name="Filer").select_option(label="Sisters of Testing")
    page.get_by_label("Record holder (broker, bank or clearing firm)").fill("Example Custody Bank")
    page.get_by_label("Covers continuous ownership from").fill("2021-03-01")
    page.locator("#id_period_end").fill("2026-11-02")  # its label "Through" is also in a radio label
    page.get_by_label("Date of the letter").fill("2026-11-02")
    page.get_by_label("The signed letter (PDF, PNG or JPEG)").set_input_files(str(letter))
    page.get_by_role("button", name="Add the letter").click()
    expect(page.get_by_text("Proof of ownership added.")).to_be_visible()

    page.get_by_role("button", name="Finalize version 1").click()
    expect(page.get_by_text("Version 1 is final")).to_be_visible()
    expect(page.locator("#draft-status")).to_have_text("Final")

    page.get_by_role("link", name="Filing packet").click()
    page.get_by_role("button", name="Build the filing packet").click()
    download = page.get_by_role("link", name="Download the filing packet")
    expect(download).to_be_visible(timeout=60_000)
    response = page.request.get(live_server.url + download.get_attribute("href"))
    packet = tmp_path / "packet.pdf"
    packet.write_bytes(response.body())
    text = subprocess.run(["pdftotext", "-layout", str(packet), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.count("\f")
    assert "DRAFT" not in text and "PREVIEW" not in text
    assert re.search(r"Sisters of Testing has continuously held 150 shares", re.sub(r"\s+", " ", text))
    cover = text.split("\f")[0]
    assert "Pat Secretary" in cover and "Enclosures" in cover and "Letter of Pension Fund of Tests" in cover
    assert "Proof of ownership of Sisters of Testing (Example Custody Bank)" in cover
    assert f"Packet page 1 of {pages}" in cover and f"Packet page {pages} of {pages}" in text
    reader = PdfReader(BytesIO(packet.read_bytes()))
    assert b'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data()
    assert [kid.get_object()["/S"] for kid in reader.trailer["/Root"]["/StructTreeRoot"]["/K"]] == ["/Document"]

    page.goto(f"{live_server.url}/drafts/{draft.pk}/filing/")
    page.get_by_role("link", name="Mark as submitted").click()
    expect(page.get_by_text("a screenshot of the message you sent does not")).to_be_visible()
    page.get_by_label("Submitted on").fill("2026-11-02")
    page.get_by_label("Email").check()
    page.get_by_label("To whom").fill("Pat Secretary, secretary@example.com")
    page.get_by_label("Proof of receipt").set_input_files(
        {"name": "reply.eml", "mimeType": "message/rfc822", "buffer": EML})
    page.get_by_role("button", name="Mark as submitted").click()
    expect(page.get_by_text("Marked as submitted on November 2, 2026.")).to_be_visible()
    expect(page.locator("#draft-status")).to_have_text("Filed")
    expect(page.locator("#submission-summary")).to_contain_text("reply.eml")
    assert Draft.objects.get(pk=draft.pk).status == Draft.Status.FILED
