"""Every /drafts/<id>/ URL, walked from the URLconf, against every role.

Anyone who may not see a draft gets 404 (never 403), so a draft's existence does not leak.
A new URL without an entry in ACCESS fails this test until someone decides who may use it.
"""
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.http import Http404
from django.urls import get_resolver

from resolutions.models import (DeficiencyNotice, Draft, EngagementMeeting, Invitation, OwnershipProof,
                                 PacketExport, Representation, Submission)
from resolutions.drafts.gate import get_draft_for, get_version_for
from resolutions.drafts.models import Need
from resolutions.cofiling import services as cofilers
from resolutions.drafts import services as draft_services
from tests import factories

pytestmark = pytest.mark.django_db

READ, EDIT, SIGN = Need.READ, Need.EDIT, Need.SIGN
ACCESS = {
    "editor": READ, "settings": EDIT, "clause_add": EDIT, "clause_reorder": EDIT, "clause_save": EDIT,
    "clause_delete": EDIT, "clause_move": EDIT, "cite_picker": EDIT, "note_add": EDIT, "preview": READ,
    "version_list": READ, "version_save": EDIT, "version_detail": READ, "version_restore": EDIT, "redline": READ,
    "filers": EDIT, "invitation_create": EDIT, "invitation_revoke": EDIT, "invitation_resend": EDIT,
    "review": READ, "comment_add": READ, "comment_resolve": EDIT, "sign": SIGN, "decline": SIGN,
    "withdraw": SIGN, "circulate": EDIT, "audit": EDIT, "audit_csv": EDIT, "proposal_pdf": READ,
    "print_preview": READ, "letter_pdf": EDIT, "packet": EDIT, "packet_pdf": EDIT, "proposal_docx": READ,
    "statements": EDIT, "filing": EDIT, "finalize": EDIT, "proof_add": READ,
    "proof_file": READ, "proof_remove": READ, "submission": EDIT, "receipt_file": EDIT,
    "filer_packet_pdf": EDIT, "version_upload_docx": EDIT,
    # a long draft's proposal made in the background (in the world below): for its readers, as the proposal
    "pdf_export": READ, "pdf_export_file": READ,
    # each filer's own (the co-filer's proof and authorization in the world below): lead and that co-filer
    "documents": READ, "representation_save": READ, "representation_remove": READ, "authorization_file": READ,
    # The filing record: co-filers read it and record their own deficiency notices and responses.
    "filing_record": READ, "record_meeting": EDIT, "record_deficiency_notice": READ, "record_cure": READ,
    "cure_proof_file": READ, "record_engagement": EDIT, "record_engagement_status": EDIT,
    "record_exclusion_notice": EDIT, "record_opposition": EDIT, "record_withdrawal": EDIT, "record_vote": EDIT,
    "record_vote_precedent": EDIT,
}
ALLOWED = {need: set(need.roles) for need in Need}


def draft_urls():
    resolver = get_resolver()
    namespace = resolver.namespace_dict["drafts"][1]
    for name, entries in namespace.reverse_dict.lists():
        if isinstance(name, str):
            pattern = entries[0][0][0][0]
            if "%(pk)s" in pattern:
                yield name, "/drafts/" + pattern


def test_every_draft_url_has_an_access_rule():
    assert {name for name, _ in draft_urls()} == set(ACCESS)


@pytest.fixture
def world(lead, cofiler, outsider, curator, make_user):
    draft = factories.draft(lead, clauses=[("whereas", "Facts."), ("resolved", "Shareholders request a report.")])
    invitation, _ = cofilers.invitation_create(draft=draft, user=lead, email=cofiler.email,
                                               organization_name="Pension Fund of Tests", base_url="http://t")
    cofilers.invitation_accept(invitation=invitation, user=cofiler)
    version = draft_services.draft_circulate(draft=draft, user=lead)
    comment = cofilers.comment_add(draft=draft, user=cofiler, text="A comment")
    other_draft = factories.draft(make_user("otherlead@test.example", organization="Other Lead Org"))
    other_cofiler = make_user("othercofiler@test.example", organization="Other Cofiler Org")
    other_invitation, _ = cofilers.invitation_create(draft=other_draft, user=None, email=other_cofiler.email,
                                                     organization_name="Other Cofiler Org", base_url="http://t")
    cofilers.invitation_accept(invitation=other_invitation, user=other_cofiler)
    proof = OwnershipProof.objects.create(
        draft=draft, organization=cofiler.organization, record_holder="Broker", period_start=date(2023, 1, 1),
        period_end=date(2026, 11, 2), letter_date=date(2026, 11, 2), file=ContentFile(b"%PDF-1.7", name="p.pdf"),
        original_name="p.pdf", content_type="application/pdf")
    representation = Representation.objects.create(
        draft=draft, organization=cofiler.organization, shareholder_name="An Investor", shareholder_kind="individual",
        basis="uploaded", signer_name="An Investor", document_date=date(2026, 11, 1),
        file=ContentFile(b"%PDF-1.7", name="a.pdf"), original_name="a.pdf", content_type="application/pdf")
    submission = Submission.objects.create(
        draft=draft, version=version, submitted_on=date(2026, 11, 2), method="email", recipient="Secretary",
        proof=ContentFile(b"%PDF-1.7", name="r.pdf"), proof_name="r.pdf", proof_type="application/pdf")
    notice = DeficiencyNotice.objects.create(
        draft=draft, organization=cofiler.organization, sent_on=date(2026, 11, 5), received_on=date(2026, 11, 6),
        says="Proof of ownership missing.", cure_sent_on=date(2026, 11, 9),
        cure_proof=ContentFile(b"%PDF-1.7", name="c.pdf"), cure_proof_name="c.pdf", cure_proof_type="application/pdf")
    meeting = EngagementMeeting.objects.create(draft=draft, meets_on=date(2026, 11, 20))
    export = PacketExport.objects.create(draft=draft, version=version, kind=PacketExport.Kind.PROPOSAL, variant="ua-1")
    values = {"pk": draft.pk, "clause_id": draft.clauses.first().pk, "number": version.number,
              "invitation_id": invitation.pk, "comment_id": comment.pk, "filer_id": lead.organization_id,
              "proof_id": proof.pk, "submission_id": submission.pk, "representation_id": representation.pk,
              "notice_id": notice.pk, "meeting_id": meeting.pk, "export_id": export.pk}
    users = {"anonymous": None, "outsider": outsider, "cofiler_of_another_draft": other_cofiler,
             "cofiler": cofiler, "lead": lead, "curator": curator}
    return values, users


@pytest.mark.parametrize("role", ["anonymous", "outsider", "cofiler_of_another_draft", "cofiler", "lead", "curator"])
def test_the_permission_matrix(client, world, role):
    values, users = world
    if users[role]:
        client.force_login(users[role])
    failures = []
    for name, pattern in draft_urls():
        url = pattern % values
        response = client.get(url)
        if response.status_code == 405:
            response = client.post(url, {})
        allowed = role in ALLOWED[ACCESS[name]]
        if role == "anonymous":
            ok = response.status_code == 302 and "/accounts/login/" in response["Location"]
        elif allowed:
            ok = response.status_code not in (403, 404, 500)
        else:
            ok = response.status_code == 404
        if not ok:
            failures.append(f"{name} {url} → {response.status_code}")
    assert not failures, "\n".join(failures)


def gate_opens(user, pk, need) -> bool:
    try:
        get_draft_for(user, pk, need=need)
    except Http404:
        return False
    return True


@pytest.mark.parametrize("role", ["anonymous", "outsider", "cofiler_of_another_draft", "cofiler", "lead", "curator"])
def test_the_gate_agrees_with_the_draft_lists(world, role):
    values, users = world
    user = users[role] or AnonymousUser()
    listed = {
        "read": Draft.objects.visible_to(user), "edit": Draft.objects.editable_by(user),
        "sign": Draft.objects.visible_to(user).exclude(lead_organization_id=getattr(user, "organization_id", None)),
    }
    assert {need: gate_opens(user, values["pk"], need) for need in listed} == {
        need: drafts.filter(pk=values["pk"]).exists() for need, drafts in listed.items()}
    assert {need for need in listed if gate_opens(user, values["pk"], need)} == {
        need for need, roles in ALLOWED.items() if role in roles}


def test_a_revoked_co_filer_loses_the_draft(world):
    values, users = world
    Invitation.objects.filter(pk=values["invitation_id"]).update(revoked_at="2026-01-01T00:00Z")
    assert not gate_opens(users["cofiler"], values["pk"], "read")
    assert not Draft.objects.visible_to(users["cofiler"]).exists()


def test_the_selectors_raise_does_not_exist_and_the_gate_makes_it_a_404(world):
    from resolutions.drafts import selectors
    from resolutions.models import DraftVersion

    values, users = world
    with pytest.raises(Draft.DoesNotExist):
        selectors.draft_for(users["outsider"], values["pk"])
    with pytest.raises(DraftVersion.DoesNotExist):
        selectors.version_for(users["cofiler"], values["pk"], 99)
    with pytest.raises(Http404, match="No such draft"):
        get_draft_for(users["outsider"], values["pk"])
    assert Draft(lead_organization_id=users["lead"].organization_id).role_of(users["lead"]) == "lead"
    assert selectors.draft_for(users["cofiler"], values["pk"]).role_of(users["cofiler"]) == "cofiler"
    assert selectors.draft_for(users["lead"], values["pk"]).role_of(users["curator"]) is None


def test_a_version_is_found_only_through_its_drafts_gate(world):
    values, users = world
    version = get_version_for(users["cofiler"], values["pk"], values["number"])
    assert (version.draft.pk, version.number) == (values["pk"], values["number"])

    with pytest.raises(Http404, match="No such draft"):
        get_version_for(users["outsider"], values["pk"], values["number"])
    with pytest.raises(Http404, match="No such draft"):
        get_version_for(users["outsider"], values["pk"], 99)  # no hint that the draft exists
    with pytest.raises(Http404, match="No such draft"):
        get_version_for(users["cofiler"], values["pk"], values["number"], need="edit")
    with pytest.raises(Http404, match="No such version"):
        get_version_for(users["cofiler"], values["pk"], 99)


def organization_urls():
    namespace = get_resolver().namespace_dict["accounts"][1]
    for name, entries in namespace.reverse_dict.lists():
        if isinstance(name, str):
            pattern = entries[0][0][0][0]
            if "%(pk)s" in pattern:
                yield name, "/organizations/" + pattern


def test_every_organization_url_is_for_members_only():
    """The members pages: a member uses them; anyone else gets 404, curators included (they use the admin)."""
    assert {name for name, _ in organization_urls()} == {
        "members", "member_invite", "member_remove", "member_invitation_resend", "member_invitation_revoke"}


@pytest.mark.parametrize("role", ["anonymous", "outsider", "cofiler", "member", "curator"])
def test_the_organization_permission_matrix(client, role, lead, cofiler, outsider, curator, make_user):
    from accounts.services import member_invitation_create

    colleague = make_user("colleague@test.example", organization=lead.organization.legal_name)
    invitation = member_invitation_create(organization=lead.organization, user=lead, email="new@test.example",
                                          base_url="http://t")
    values = {"pk": lead.organization_id, "user_id": colleague.pk, "invitation_id": invitation.pk}
    users = {"anonymous": None, "outsider": outsider, "cofiler": cofiler, "member": lead, "curator": curator}
    if users[role]:
        client.force_login(users[role])
    failures = []
    for name, pattern in organization_urls():
        url = pattern % values
        response = client.get(url)
        if response.status_code == 405:
            response = client.post(url, {})
        if role == "anonymous":
            ok = response.status_code == 302 and "/accounts/login/" in response["Location"]
        elif role == "member":
            ok = response.status_code not in (403, 404, 500)
        else:
            ok = response.status_code == 404
        if not ok:
            failures.append(f"{name} {url} → {response.status_code}")
    assert not failures, "\n".join(failures)
