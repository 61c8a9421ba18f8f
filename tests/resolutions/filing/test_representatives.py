"""Rule 14a-8(b)(1)(iv): a filer that submits for a shareholder, the shareholder's signed and dated authorization
(signed here through an emailed link, or uploaded), the self-evident exemption, and (c) counted per person."""
import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from resolutions.filing import services
from resolutions.filing.exports import letter_export, packet_build, packet_request
from resolutions.filing.pdf.proposal import ProposalDocument
from resolutions.models import AuditEvent, Draft, Representation

from tests.resolutions import pdf_builders as b
from tests.resolutions.filing.test_filing_record import (  # noqa: F401 (fixtures)
    SUBMISSION, _figure_alts, draft, lead_signs, pdf_upload, version)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cofiler_client(cofiler):
    client = Client()
    client.force_login(cofiler)
    return client


def represent(client, draft, **overrides):
    values = {"shareholder_name": "Ada Investor", "shareholder_kind": "individual", "basis": "signed_here",
              "signer_name": "Ada Investor", "signer_email": "ada@investor.example"}
    return client.post(f"/drafts/{draft.pk}/representation/", {**values, **overrides})


def signing_link(mailoutbox) -> str:
    return re.search(r"http://testserver(/authorize/\S+/)", mailoutbox[-1].body).group(1)


@pytest.fixture
def signed_by_both(lead_client, draft, version, cofiler):
    lead_signs(lead_client, draft, version)
    b.sign(version, cofiler, signed_at=b.at(5), submission_date=SUBMISSION)
    return version


def test_the_shareholder_signs_through_the_link_and_only_then_can_the_text_be_finalized(
        cofiler_client, draft, signed_by_both, lead, cofiler, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = represent(cofiler_client, draft)
    assert response.status_code == 302
    sign_page = cofiler_client.get(f"/drafts/{draft.pk}/versions/{signed_by_both.number}/sign/").content.decode()
    assert "You file for <strong>Ada Investor</strong>" in sign_page
    assert mailoutbox[-1].to == ["ada@investor.example"]
    with pytest.raises(ValidationError) as refused:
        services.draft_finalize(draft=draft, version=signed_by_both, user=lead)
    assert ("Rule 14a-8(b)(1)(iv): Pension Fund of Tests files for Ada Investor, whose authorization, signed and "
            "dated by the shareholder, is not in yet; the signing link went to ada@investor.example.") in \
        refused.value.messages

    link = signing_link(mailoutbox)
    page = Client().get(link).content.decode().replace("&#x27;", "'")  # the signer needs no account
    for named in ("Ada Investor is a shareholder of", draft.company.name, "2027 annual meeting",
                  "“Report on Water Risk”", "authorizes Pension Fund of Tests to act as its representative",
                  "to submit the proposal on its behalf", "Shareholders request a report."):
        assert named in page
    refused_page = Client().post(link, {"signer_name": "Ada Investor", "support_statement": "We support it.",
                                        "signature": "Ada Investor"})  # "I may sign for it" not ticked
    assert refused_page.status_code == 400 and not Representation.objects.get().signed_at
    done = Client().post(link, {"signer_name": "Ada Investor", "support_statement": "I support this proposal.",
                                "authority": "on", "signature": "Ada Investor"})
    assert "Authorization signed" in done.content.decode()
    representation = Representation.objects.get()
    assert representation.signed_at and representation.proposal_title == "Report on Water Risk"
    assert representation.signed_text[2] == "Statement of support: I support this proposal."
    assert draft.audit_events.filter(verb=AuditEvent.Verb.AUTHORIZED).exists()
    assert Client().get(link).status_code == 404, "the link works once"

    services.draft_finalize(draft=draft, version=signed_by_both, user=lead)
    letter = " ".join(" ".join(b.page_texts(letter_export(version=signed_by_both,
                                                                  organization_id=cofiler.organization_id, user=lead))).split())
    assert "Pension Fund of Tests submits this proposal as the representative of Ada Investor, the proponent, " \
           "under Rule 14a-8(b)(1)(iv)" in letter
    assert "Ada Investor has continuously held 120 shares" in letter
    proposal = " ".join(" ".join(b.page_texts(ProposalDocument.of(signed_by_both).render())).split())
    assert "Pension Fund of Tests, for Ada Investor" in proposal, "the filed proposal names whom it files for"
    draft.refresh_from_db()
    packet = packet_build(packet=packet_request(draft=draft, user=lead)[0])
    texts = b.page_texts(packet.file.read())
    whole = " ".join(" ".join(texts).split())
    assert "Authorization of Pension Fund of Tests by Ada Investor" in texts[0], "the cover letter lists it"
    assert "/s/ Ada Investor" in whole and "Statement of support: I support this proposal." in whole
    assert whole.index("Letter of Pension Fund of Tests") < whole.index("Re: Authorization of Pension Fund")


def test_an_uploaded_signed_authorization_is_enclosed_as_page_images(
        lead_client, draft, signed_by_both, lead):
    response = represent(lead_client, draft, basis="uploaded", shareholder_name="Lakeside Endowment",
                         shareholder_kind="entity", signer_name="Ola Treasurer", document_date="2026-10-30",
                         file=pdf_upload("authorization.pdf"))
    assert response.status_code == 302, response.content.decode()[:2000]
    representation = Representation.objects.get()
    assert representation.organization == lead.organization and representation.authorized
    assert lead_client.get(f"/drafts/{draft.pk}/authorizations/{representation.pk}/")["Content-Type"] == \
        "application/pdf"
    services.draft_finalize(draft=draft, version=signed_by_both, user=lead)
    draft.refresh_from_db()
    packet = packet_build(packet=packet_request(draft=draft, user=lead)[0])
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(packet.file.read()))
    assert "Authorization of Sisters of Testing by Lakeside Endowment" in [
        item.title for item in reader.outline if not isinstance(item, list)]
    assert b"Page 1 of 1 of the signed authorization: Lakeside Endowment's authorization" in _figure_alts(reader)


def test_an_entity_s_self_evident_agent_says_so_in_the_rule_s_words_and_needs_no_authorization(
        cofiler_client, draft, signed_by_both, lead, cofiler):
    refused = represent(cofiler_client, draft, basis="self_evident", self_evident_role="is its adviser")
    assert refused.status_code == 400
    assert "only an entity&#x27;s agent can rely on authority that is apparent and self-evident" in \
        refused.content.decode()
    assert not Representation.objects.exists()
    assert represent(cofiler_client, draft, basis="self_evident", shareholder_kind="entity",
                     shareholder_name="Tests Pension Trust Fund", self_evident_role="is the fund's trustee"
                     ).status_code == 302
    services.draft_finalize(draft=draft, version=signed_by_both, user=lead)
    letter = " ".join(" ".join(b.page_texts(letter_export(version=signed_by_both,
                                                                  organization_id=cofiler.organization_id, user=lead))).split())
    assert ("Tests Pension Trust Fund is an entity, and Pension Fund of Tests's authority to act on its behalf is "
            "apparent and self-evident: Pension Fund of Tests is the fund's trustee.") in letter


@pytest.mark.parametrize("overrides, message", [
    ({"basis": "uploaded", "signer_name": "Ada Investor", "document_date": "2026-10-30"},
     "attach the authorization the shareholder signed and dated"),
    ({"basis": "uploaded", "document_date": "2026-10-30", "file": "not-a-pdf"}, "is not a PDF, PNG image, JPEG"),
    ({"basis": "uploaded", "document_date": "2026-10-30", "file": "damaged-pdf"}, "This PDF could not be read"),
    ({"basis": "signed_here", "signer_email": ""}, "name the person who signs for it and give their email"),
    ({"shareholder_name": "Pension Fund of Tests"}, "is your own organization"),
])
def test_bad_input_is_refused_with_a_clear_message_and_nothing_is_saved(
        cofiler_client, draft, version, overrides, message, mailoutbox):
    if overrides.get("file") == "not-a-pdf":
        from django.core.files.uploadedfile import SimpleUploadedFile

        overrides = {**overrides, "file": SimpleUploadedFile("authorization.pdf", b"GIF89a not a pdf")}
    if overrides.get("file") == "damaged-pdf":
        from django.core.files.uploadedfile import SimpleUploadedFile

        overrides = {**overrides, "file": SimpleUploadedFile("authorization.pdf", b"%PDF-1.7\nnot really a pdf")}
    response = represent(cofiler_client, draft, **overrides)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Representation.objects.exists() and not mailoutbox


def test_a_co_filer_uploads_its_own_broker_letter_and_sees_only_its_own(
        cofiler_client, lead_client, draft, version, lead, cofiler):
    b.sign(version, cofiler, signed_at=b.at(5), submission_date=SUBMISSION)
    assert "Our filing documents" in cofiler_client.get(f"/drafts/{draft.pk}/review/").content.decode()
    assert cofiler_client.get(f"/drafts/{draft.pk}/documents/").status_code == 200
    values = {"organization": lead.organization_id, "record_holder": "Example Custody Bank",
              "period_start": "2021-03-01", "period_end": SUBMISSION.isoformat(),
              "letter_date": SUBMISSION.isoformat(), "page": "documents"}
    response = cofiler_client.post(f"/drafts/{draft.pk}/proofs/", {**values, "file": pdf_upload()})
    assert response.status_code == 400, "a co-filer cannot add a letter for the lead"
    assert not draft.ownership_proofs.exists()
    response = cofiler_client.post(f"/drafts/{draft.pk}/proofs/", {
        **values, "organization": cofiler.organization_id, "file": pdf_upload()})
    assert response.status_code == 302 and response["Location"] == f"/drafts/{draft.pk}/documents/"
    proof = draft.ownership_proofs.get()
    assert proof.organization == cofiler.organization and proof.uploaded_by == cofiler
    assert "Example Custody Bank" in lead_client.get(f"/drafts/{draft.pk}/filing/").content.decode()
    lead_proof = draft.ownership_proofs.create(
        organization=lead.organization, record_holder="Lead Bank", period_start=date(2021, 1, 1),
        period_end=SUBMISSION, letter_date=SUBMISSION, file=proof.file.name, original_name="l.pdf",
        content_type="application/pdf")
    assert cofiler_client.get(f"/drafts/{draft.pk}/proofs/{lead_proof.pk}/").status_code == 404
    assert cofiler_client.post(f"/drafts/{draft.pk}/proofs/{lead_proof.pk}/remove/").status_code == 404
    assert cofiler_client.get(f"/drafts/{draft.pk}/proofs/{proof.pk}/").status_code == 200


def test_changing_the_title_after_the_shareholder_signed_asks_for_a_new_authorization(
        cofiler_client, draft, signed_by_both, lead, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        represent(cofiler_client, draft)
    Client().post(signing_link(mailoutbox), {"signer_name": "Ada Investor", "support_statement": "Yes.",
                                             "authority": "on", "signature": "Ada Investor"})
    Representation.objects.update(proposal_title="Report on Water")
    with pytest.raises(ValidationError, match="Ada Investor's authorization names the proposal “Report on Water”"):
        services.draft_finalize(draft=draft, version=signed_by_both, user=lead)


def test_an_expired_signing_link_is_refused(cofiler_client, draft, version, mailoutbox,
                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        represent(cofiler_client, draft)
    Representation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    response = Client().get(signing_link(mailoutbox))
    assert response.status_code == 404 and "This signing link expired" in response.content.decode()
    assert Client().get("/authorize/not-a-token/").status_code == 404


# --- Rule 14a-8(c): one proposal per person, representatives included ------------------

def test_the_one_proposal_check_counts_the_shareholder_behind_a_representative(draft, lead, cofiler, make_user):
    from resolutions.drafts.selectors import draft_checks, draft_rendered, proposals_elsewhere

    Representation.objects.create(draft=draft, organization=cofiler.organization, shareholder_name="Ada Investor",
                                  shareholder_kind="individual", basis="signed_here")
    assert proposals_elsewhere(draft) == ([], {"Pension Fund of Tests": []}, {"Ada Investor": []})
    adviser = make_user("adviser@test.example", organization="Other Adviser LLC")
    elsewhere = b.draft_with_notes(adviser, title="Report on Lobbying", notes=[], company=draft.company,
                                   clauses=[("resolved", "Shareholders request a lobbying report.")])
    Representation.objects.create(draft=elsewhere, organization=adviser.organization, shareholder_name="ADA investor.",
                                  shareholder_kind="individual", basis="signed_here")
    assert proposals_elsewhere(draft)[2] == {"Ada Investor": ["Report on Lobbying"]}
    check = next(c for c in draft_checks(draft, draft_rendered(draft), today=date(2026, 10, 1))[0]
                 if c.rule == "14a-8(c)")
    assert check.status == "error"
    assert "shareholder Ada Investor, represented on this proposal, is also a proponent of “Report on Lobbying”" in \
        check.message
    elsewhere.status = Draft.Status.WITHDRAWN
    elsewhere.save()
    assert proposals_elsewhere(draft)[2] == {"Ada Investor": []}


def test_a_representative_is_bound_too_and_a_shareholder_filing_itself_counts(draft, lead, cofiler, make_user):
    from resolutions.drafts.selectors import proposals_elsewhere

    other_lead = make_user("other@test.example", organization="Other Lead Org")
    elsewhere = b.draft_with_notes(other_lead, title="Report on Lobbying", notes=[], company=draft.company,
                                   clauses=[("resolved", "Shareholders request a lobbying report.")])
    b.join(elsewhere, cofiler)
    Representation.objects.create(draft=elsewhere, organization=cofiler.organization,
                                  shareholder_name="Bea Investor", shareholder_kind="individual", basis="signed_here")
    Representation.objects.create(draft=draft, organization=cofiler.organization, shareholder_name="Ada Investor",
                                  shareholder_kind="individual", basis="signed_here")
    assert proposals_elsewhere(draft)[1] == {"Pension Fund of Tests": ["Report on Lobbying"]}, \
        "one representative, two proposals for two shareholders at one meeting"
    Representation.objects.filter(draft=draft).update(shareholder_name="Other Lead Org",
                                                      shareholder_name_key="otherleadorg")
    assert proposals_elsewhere(draft)[2] == {"Other Lead Org": ["Report on Lobbying"]}, \
        "the shareholder files another proposal itself"
    elsewhere.invitations.update(revoked_at=timezone.now())
    assert proposals_elsewhere(draft)[1] == {"Pension Fund of Tests": []}, "a removed representative no longer counts"


def test_the_one_proposal_check_reads_the_meeting_in_three_queries_however_many_proposals_and_filers(
        draft, lead, cofiler, make_user, django_assert_num_queries):
    from resolutions.drafts.selectors import proposals_elsewhere

    draft = Draft.objects.select_related("lead_organization").get(pk=draft.pk)  # as the editor loads it
    with django_assert_num_queries(3):
        assert proposals_elsewhere(draft) == ([], {"Pension Fund of Tests": []}, {})
    for n in range(3):
        other_lead = make_user(f"other{n}@test.example", organization=f"Other Lead Org {n}")
        elsewhere = b.draft_with_notes(other_lead, title=f"Report {n}", notes=[], company=draft.company,
                                       clauses=[("resolved", "Shareholders request a report.")])
        b.join(elsewhere, cofiler)
        b.join(elsewhere, make_user(f"third{n}@test.example", organization=f"Third Fund {n}"))
        Representation.objects.create(draft=elsewhere, organization=other_lead.organization,
                                      shareholder_name=f"Investor {n}", shareholder_kind="individual",
                                      basis="signed_here")
    Representation.objects.create(draft=draft, organization=cofiler.organization, shareholder_name="Investor 1",
                                  shareholder_kind="individual", basis="signed_here")
    with django_assert_num_queries(3):
        assert proposals_elsewhere(draft) == (
            [], {"Pension Fund of Tests": ["Report 0", "Report 1", "Report 2"]}, {"Investor 1": ["Report 1"]})
