"""From signed text to filed: the lead's own statements, finalize, proofs of ownership, the final packet, submission."""
from datetime import date
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from resolutions.filing import services
from resolutions.filing.models import OwnershipProof, Submission
from resolutions.filing.samples import sample_broker_letter
from resolutions.models import AuditEvent, Draft, PacketExport, SignOn
from resolutions.filing.exports import letter_export, packet_build, packet_request
from resolutions.filing.pdf.proposal import ProposalDocument
from resolutions.drafts.services import clause_update, draft_circulate

from tests.hardening import bombs
from tests.resolutions import pdf_builders as b

pytestmark = pytest.mark.django_db

SUBMISSION = date(2026, 11, 2)  # a Monday


def statements(**overrides):
    """What the lead types into its statements form."""
    values = {
        "legal_name": "Sisters of Testing", "signatory_name": "Lena Lead", "signatory_title": "Director",
        "email": "lead@test.example", "phone": "555-0101", "shares": "150", "price_basis": "bid_ask",
        "valuation_date": "2026-10-15", "price_per_share": "121.5000", "held_since": "2021-03-01",
        "holder_type": "broker", "submission_date": SUBMISSION.isoformat(), "slot_1": "2026-11-12T10:00",
        "slot_2": "2026-11-13T14:00", "intends_to_hold": "on", "signature": "Lena Lead",
    }
    return {**values, **overrides}


@pytest.fixture
def draft(lead, cofiler):
    draft = b.draft_with_notes(lead, title="Report on Water Risk", notes=["Water Board, 2025 report."], clauses=[
        ("whereas", "Water is scarce.{1}"), ("resolved", "Shareholders request a report.")])
    b.join(draft, cofiler)
    return draft


@pytest.fixture
def version(draft, lead):
    return draft_circulate(draft=draft, user=lead)


def lead_signs(client, draft, version, **overrides):
    return client.post(f"/drafts/{draft.pk}/versions/{version.number}/statements/", statements(**overrides))


def pdf_upload(name="letter.pdf", **fields):
    data = sample_broker_letter(record_holder="Example Custody Bank", organization="Sisters of Testing",
                                company="Example Corp", shares=150, held_since=date(2021, 3, 1), through=SUBMISSION)
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def proof_post(client, draft, org_id, upload, **overrides):
    values = {"organization": org_id, "record_holder": "Example Custody Bank", "period_start": "2021-03-01",
              "period_end": SUBMISSION.isoformat(), "letter_date": SUBMISSION.isoformat(), "file": upload}
    return client.post(f"/drafts/{draft.pk}/proofs/", {**values, **overrides})


def private_files() -> list[str]:
    found = []
    for folder in ("private/proofs/2026", "private/receipts/2026"):
        if default_storage.exists(folder):
            found += default_storage.listdir(folder)[1]
    return found


# --- the lead's own statements ---------------------------------------------------------

def test_the_lead_has_a_statements_form_of_its_own_and_its_letter_is_built_from_it(lead_client, draft, version, lead):
    assert lead_client.get(f"/drafts/{draft.pk}/versions/{version.number}/statements/").status_code == 200
    response = lead_signs(lead_client, draft, version)
    assert response.status_code == 302, response.content.decode()[:3000]
    sign_on = SignOn.objects.get(draft=draft, organization=lead.organization)
    assert (sign_on.version, sign_on.market_value, sign_on.valuation_date) == (version, 18225, date(2026, 10, 15))
    pdf = letter_export(version=version, organization_id=lead.organization_id, user=lead)
    text = " ".join(b.page_texts(pdf))
    assert "to be confirmed" not in text
    assert "Sisters of Testing has continuously held 150 shares" in text
    assert "October 15, 2026" in text and "$18,225.00 at $121.50 per share" in text
    assert "average of the bid and ask prices" in text
    assert "threshold of Rule 14a-8(b)(1)(i): at least $2,000 held continuously for at least 3 years" in text
    assert "/s/ Lena Lead" in text and "intends to continue to hold" in text


def test_a_valuation_day_outside_the_60_days_before_submission_is_refused(lead_client, draft, version, lead):
    response = lead_signs(lead_client, draft, version, valuation_date="2026-08-01")
    assert response.status_code == 400
    assert "SLB 14 C.1.a: value the shares on a day within the 60 calendar days before submission" in \
        response.content.decode()
    assert not SignOn.objects.filter(draft=draft, organization=lead.organization).exists()


def test_an_engagement_time_outside_business_hours_is_refused_citing_the_rule(lead_client, draft, version, lead):
    response = lead_signs(lead_client, draft, version, slot_2="2026-11-13T18:00")
    assert response.status_code == 400
    assert "Rule 14a-8(b)(1)(iii): meeting times must fall within the company&#x27;s business hours (9:00 to 17:30" \
        in response.content.decode()
    assert not SignOn.objects.filter(draft=draft, organization=lead.organization).exists()


# --- finalize --------------------------------------------------------------------------

def test_finalize_is_refused_while_the_lead_has_no_statements_and_a_cofiler_has_not_signed(
        lead_client, draft, version, cofiler):
    response = lead_client.post(f"/drafts/{draft.pk}/finalize/", {"version": version.number}, follow=True)
    page = response.content.decode()
    assert "Sisters of Testing (lead filer) has not given its Rule 14a-8(b) statements and signature" in page
    assert "Pension Fund of Tests has not given its Rule 14a-8(b) statements" in page
    draft.refresh_from_db()
    version.refresh_from_db()
    assert draft.status == Draft.Status.CIRCULATING and version.finalized_at is None
    assert not draft.audit_events.filter(verb=AuditEvent.Verb.FINALIZED).exists()


def test_a_cofiler_that_signed_another_text_blocks_finalize_until_it_re_confirms_or_is_removed(
        lead_client, draft, version, lead, cofiler, mailoutbox, django_capture_on_commit_callbacks):
    b.sign(version, cofiler, signed_at=b.at(5))
    lead_signs(lead_client, draft, version)
    clause_update(draft=draft, clause_id=draft.clauses.last().pk, expected_revision=draft.revision, user=lead,
                  text="Shareholders request a report on water risk.")
    second = draft_circulate(draft=draft, user=lead)
    lead_signs(lead_client, draft, second)
    with pytest.raises(Exception, match="Pension Fund of Tests has not signed version 2"):
        services.draft_finalize(draft=draft, version=second, user=lead)
    invitation = draft.invitations.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = lead_client.post(f"/drafts/{draft.pk}/invitations/{invitation.pk}/revoke/")
    assert response.status_code == 302
    assert mailoutbox[-1].to == [cofiler.email] and "has removed Pension Fund of Tests" in mailoutbox[-1].body
    assert draft.audit_events.filter(verb=AuditEvent.Verb.REMOVED).exists()
    services.draft_finalize(draft=draft, version=second, user=lead)
    draft.refresh_from_db()
    assert draft.status == Draft.Status.FINAL


def test_finalized_pdfs_carry_no_draft_mark_and_editing_starts_a_new_round(lead_client, draft, version, lead, cofiler):
    b.sign(version, cofiler, signed_at=b.at(5))
    lead_signs(lead_client, draft, version)
    services.draft_finalize(draft=draft, version=version, user=lead)
    texts = b.page_texts(ProposalDocument.of(version).render())
    assert not any("DRAFT" in text for text in texts)
    assert f"SHA-256 {version.short_hash}" in texts[0]
    draft.refresh_from_db()
    clause_update(draft=draft, clause_id=draft.clauses.last().pk, expected_revision=draft.revision, user=lead,
                  text="Shareholders request a report on water risk.")
    draft.refresh_from_db()
    version.refresh_from_db()
    assert draft.status == Draft.Status.CIRCULATING and version.finalized_at is not None
    assert draft.audit_events.filter(verb=AuditEvent.Verb.REOPENED).exists()
    assert set(draft.sign_ons.values_list("status", flat=True)) == {SignOn.Status.NEEDS_RECONFIRMATION}


# --- proof of ownership ----------------------------------------------------------------

def test_a_broker_letter_is_kept_with_its_period_and_shown_on_the_filing_page(lead_client, draft, version, lead):
    lead_signs(lead_client, draft, version)
    response = proof_post(lead_client, draft, lead.organization_id, pdf_upload())
    assert response.status_code == 302
    proof = OwnershipProof.objects.get()
    assert (proof.record_holder, proof.period_end, proof.content_type) == (
        "Example Custody Bank", SUBMISSION, "application/pdf")
    page = lead_client.get(f"/drafts/{draft.pk}/filing/").content.decode()
    assert "Example Custody Bank" in page
    assert lead_client.get(f"/drafts/{draft.pk}/proofs/{proof.pk}/")["Content-Type"] == "application/pdf"


def test_a_broker_letter_that_does_not_cover_the_period_up_to_submission_is_refused(
        lead_client, draft, version, lead):
    lead_signs(lead_client, draft, version)
    before = private_files()
    response = proof_post(lead_client, draft, lead.organization_id, pdf_upload(), period_end="2026-10-20",
                          letter_date="2026-10-20")
    assert response.status_code == 400
    assert "does not cover the period up to the submission date November 2, 2026" in response.content.decode()
    assert not OwnershipProof.objects.exists() and private_files() == before


def test_a_broker_letter_over_the_upload_limit_is_refused_whole(lead_client, draft, version, lead, settings):
    lead_signs(lead_client, draft, version)
    settings.MAX_UPLOAD_BYTES = 1024
    before = private_files()
    response = proof_post(lead_client, draft, lead.organization_id, pdf_upload())
    assert response.status_code == 400
    assert "the largest file accepted is 1.0" in response.content.decode()
    assert not OwnershipProof.objects.exists() and private_files() == before


def test_a_broker_letter_that_is_not_a_pdf_or_image_is_refused(lead_client, draft, version, lead):
    lead_signs(lead_client, draft, version)
    fake = SimpleUploadedFile("letter.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = proof_post(lead_client, draft, lead.organization_id, fake)
    assert response.status_code == 400 and "is not a PDF, PNG image, JPEG image file" in response.content.decode()
    assert not OwnershipProof.objects.exists()


def png(width: int, height: int) -> bytes:
    """A black-and-white PNG of that size: a few kilobytes that decode to width × height pixels."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = zlib.compress(b"\0" * ((width + 7) // 8 + 1) * height, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", rows) + chunk(b"IEND", b""))


@pytest.mark.parametrize("name, data, message", [
    ("letter.pdf", bombs.many_pages(11), "This letter has 11 pages; a letter in the packet may have at most 10"),
    ("letter.png", png(20_000, 20_000), "This image has more than 40 million pixels"),
    ("letter.png", png(8_000, 8_000), "This image has more than 40 million pixels"),
    ("letter.pdf", b"%PDF-1.7 and nothing a PDF has", "This PDF could not be read"),
])
def test_a_letter_that_cannot_go_into_the_packet_is_refused_at_upload(lead_client, draft, version, lead, name,
                                                                      data, message):
    lead_signs(lead_client, draft, version)
    before = private_files()
    response = proof_post(lead_client, draft, lead.organization_id, SimpleUploadedFile(name, data))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not OwnershipProof.objects.exists() and private_files() == before


# --- the final packet ------------------------------------------------------------------

@pytest.fixture
def finalized(lead_client, draft, version, lead, cofiler):
    lead_signs(lead_client, draft, version)
    b.sign(version, cofiler, signed_at=b.at(5), submission_date=SUBMISSION)
    proof_post(lead_client, draft, lead.organization_id, pdf_upload())
    services.draft_finalize(draft=draft, version=version, user=lead)
    draft.refresh_from_db()
    return draft


def test_the_final_packet_has_the_cover_letter_the_broker_letter_as_image_and_continuous_page_numbers(
        finalized, lead, cofiler):
    finalized.company.corporate_secretary = "Pat Secretary"
    finalized.company.principal_office_address = "1 Example Plaza\nSpringfield, IL 62701"
    finalized.company.save()
    packet, started = packet_request(draft=finalized, user=lead)
    assert started and packet.version.finalized_at is not None
    packet = packet_build(packet=packet)
    assert packet.status == PacketExport.Status.DONE, packet.error
    pdf = packet.file.read()
    texts = b.page_texts(pdf)
    whole = " ".join(texts)
    assert "DRAFT" not in whole and "PREVIEW" not in whole
    assert all(f"Packet page {n} of {len(texts)}" in text for n, text in enumerate(texts, 1))
    assert texts[0].startswith("Sisters of Testing") and "Pat Secretary" in texts[0] and "1 Example Plaza" in texts[0]
    assert "Enclosures" in texts[0] and "Proof of ownership of Sisters of Testing (Example Custody Bank)" in texts[0]
    assert "Sisters of Testing has continuously held 150 shares" in whole
    reader = PdfReader(BytesIO(pdf))
    sections = {item.title: reader.get_destination_page_number(item) for item in reader.outline
                if not isinstance(item, list)}
    assert list(sections) == ["Cover letter", "Proposal", "Letter of Sisters of Testing",
                              "Letter of Pension Fund of Tests",
                              "Proof of ownership of Sisters of Testing (Example Custody Bank)", "Sign-on certificate"]
    proof_page = reader.pages[sections["Proof of ownership of Sisters of Testing (Example Custody Bank)"]]
    assert "/XObject" in proof_page["/Resources"], "the broker letter is placed as an image"
    assert [kid.get_object()["/S"] for kid in reader.trailer["/Root"]["/StructTreeRoot"]["/K"]] == ["/Document"]
    assert b"Page 1 of 1 of the proof of ownership" in _figure_alts(reader)


def _figure_alts(reader) -> bytes:
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict) or hasattr(node, "get"):
            if node.get("/S") == "/Figure" and "/Alt" in node:
                found.append(str(node["/Alt"]).encode())
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, list) else [kids]:
                    if hasattr(kid, "get_object") or isinstance(kid, dict):
                        walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return b" ".join(found)


def test_a_cofiler_filing_on_its_own_gets_the_packet_cut_to_its_documents(finalized, client, cofiler, lead):
    client.force_login(cofiler)
    version = finalized.versions.get()
    response = client.get(f"/drafts/{finalized.pk}/versions/{version.number}/packets/{cofiler.organization_id}.pdf")
    assert response.status_code == 200
    reader = PdfReader(BytesIO(response.content))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == ["Cover letter", "Proposal", "Letter of Pension Fund of Tests", "Sign-on certificate"]
    other = client.get(f"/drafts/{finalized.pk}/versions/{version.number}/packets/{lead.organization_id}.pdf")
    assert other.status_code == 404


# --- mark as submitted -----------------------------------------------------------------

EML = (b"From: Pat Secretary <secretary@example.com>\r\nTo: lead@test.example\r\nDate: Mon, 2 Nov 2026 15:04:00 "
       b"-0500\r\nSubject: Re: Shareholder proposal\r\n\r\nWe acknowledge receipt of your proposal today.\r\n")


def test_marking_as_submitted_keeps_the_reply_acknowledging_receipt_and_audits_status_and_date(
        finalized, lead_client):
    page = lead_client.get(f"/drafts/{finalized.pk}/submission/").content.decode()
    assert "a reply acknowledging\n  receipt counts, a screenshot of the message you sent does not" in page
    response = lead_client.post(f"/drafts/{finalized.pk}/submission/", {
        "submitted_on": SUBMISSION.isoformat(), "method": "email", "recipient": "Pat Secretary, secretary@example.com",
        "proof": SimpleUploadedFile("reply.eml", EML, content_type="message/rfc822")})
    assert response.status_code == 302
    finalized.refresh_from_db()
    submission = Submission.objects.get()
    assert finalized.status == Draft.Status.FILED and submission.proof_type == "message/rfc822"
    event = finalized.audit_events.get(verb=AuditEvent.Verb.SUBMITTED)
    assert "submitted on November 2, 2026 by email to Pat Secretary" in event.detail
    receipt = lead_client.get(f"/drafts/{finalized.pk}/submissions/{submission.pk}/receipt/")
    assert b"".join(receipt.streaming_content) == EML


@pytest.mark.parametrize("name,data", [
    ("receipt.docx", b"PK\x03\x04 a word file"),
    ("receipt.eml", b"just some words, no mail headers at all"),
    ("screenshot.gif", b"GIF89a......"),
])
def test_a_proof_of_receipt_of_another_type_is_refused_and_nothing_changes(finalized, lead_client, name, data):
    before = private_files()
    response = lead_client.post(f"/drafts/{finalized.pk}/submission/", {
        "submitted_on": SUBMISSION.isoformat(), "method": "email", "recipient": "Pat Secretary",
        "proof": SimpleUploadedFile(name, data)})
    assert response.status_code == 400
    assert "is not a saved email (.eml), Outlook message (.msg), PDF, PNG image, JPEG image file" in \
        response.content.decode()
    finalized.refresh_from_db()
    assert finalized.status == Draft.Status.FINAL and not Submission.objects.exists()
    assert private_files() == before


def test_a_draft_that_is_not_finalized_cannot_be_marked_as_submitted(draft, lead_client, version):
    response = lead_client.post(f"/drafts/{draft.pk}/submission/", {
        "submitted_on": SUBMISSION.isoformat(), "method": "email", "recipient": "Pat Secretary",
        "proof": SimpleUploadedFile("reply.eml", EML)})
    assert response.status_code == 400 and "Finalize the text to file" in response.content.decode()
    assert not Submission.objects.exists()


# --- Rule 14a-8(c) per person ----------------------------------------------------------

def test_the_one_proposal_check_counts_co_filing_and_each_co_filer_s_other_proposals(lead, cofiler, make_user):
    from resolutions.drafts.selectors import draft_checks, draft_rendered, proposals_elsewhere

    draft = b.draft_with_notes(lead, title="Report on Water Risk", notes=[], clauses=[
        ("resolved", "Shareholders request a report.")])
    b.join(draft, cofiler)
    assert proposals_elsewhere(draft) == ([], {"Pension Fund of Tests": []}, {})
    other_lead = make_user("other@test.example", organization="Other Lead Org")
    elsewhere = b.draft_with_notes(other_lead, title="Report on Lobbying", notes=[], company=draft.company,
                                   clauses=[("resolved", "Shareholders request a lobbying report.")])
    b.join(elsewhere, cofiler)
    assert proposals_elsewhere(draft) == ([], {"Pension Fund of Tests": ["Report on Lobbying"]}, {})
    check = next(c for c in draft_checks(draft, draft_rendered(draft), today=date(2026, 10, 1))[0]
                 if c.rule == "14a-8(c)")
    assert check.status == "error"
    assert "co-filer Pension Fund of Tests is also a proponent of “Report on Lobbying”" in check.message
    elsewhere.invitations.update(revoked_at=elsewhere.created_at)
    assert proposals_elsewhere(draft) == ([], {"Pension Fund of Tests": []}, {}), "a removed co-filer no longer counts"
