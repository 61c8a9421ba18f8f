"""Co-filing invitations prove a mailbox: the link goes only there; removing a co-filer takes them off everything."""
import re

import pytest
from django.core import mail

from resolutions.models import AuditEvent, Invitation, SignOn
from resolutions.pdf.filers import version_filers
from resolutions.services import cofilers as services
from resolutions.services import drafts as draft_services
from tests import factories
from tests.resolutions.test_cofilers import BASE, invite, sign_on_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(lead):
    return factories.draft(lead, clauses=[("whereas", "Facts matter."), ("resolved", "Shareholders request a report.")])


def test_the_lead_filer_sees_that_the_invitation_was_sent_never_its_link(lead_client, draft,
                                                                        django_capture_on_commit_callbacks):
    """The finding: the filers page showed the link, so the lead could sign up as the invitee."""
    with django_capture_on_commit_callbacks(execute=True):
        response = lead_client.post(f"/drafts/{draft.pk}/invitations/", {
            "email": "victim@fund.example", "organization_name": "Victim Fund"}, follow=True)
    page = response.content.decode()
    [message] = mail.outbox
    token = re.search(r"/invite/([^/\s]+)/", message.body).group(1)
    assert message.to == ["victim@fund.example"]
    assert "Invitation emailed to victim@fund.example" in page
    assert token not in page and "/invite/" not in page
    assert token not in str(dict(lead_client.session))
    assert token not in Invitation.objects.get().token_sha256


def test_accepting_while_signed_in_as_another_address_is_refused(client, draft, lead, outsider):
    _, link = invite(draft, lead, email="victim@fund.example", org="Victim Fund")
    client.force_login(outsider)

    for response in (client.get(link.replace(BASE, "")), client.post(link.replace(BASE, ""))):
        assert response.status_code == 403
        assert ("This invitation is for victim@fund.example, and you are signed in as outsider@test.example"
                in response.content.decode())
    invitation = Invitation.objects.get()
    assert invitation.accepted_at is None and invitation.opened_at is None


def test_the_lead_filer_opening_the_link_as_themselves_is_refused(lead_client, draft, lead):
    _, link = invite(draft, lead, email="victim@fund.example", org="Victim Fund")
    assert lead_client.post(link.replace(BASE, "")).status_code == 403
    assert Invitation.objects.get().accepted_at is None


@pytest.mark.django_db(transaction=True)  # the email goes when the transaction really commits
def test_a_failed_invitation_email_is_shown_to_the_lead_and_can_be_sent_again(client, lead, settings):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    client.force_login(lead)
    settings.EMAIL_BACKEND = "tests.accounts.failing_mail.Backend"

    response = client.post(f"/drafts/{draft.pk}/invitations/", {
        "email": "cofiler@fund.example", "organization_name": "Fund"}, follow=True)

    assert response.status_code == 200
    page = response.content.decode()
    assert "The invitation to cofiler@fund.example was not sent: the mail server did not take it" in page
    assert "email not sent" in page and "Send again" in page
    invitation = Invitation.objects.get()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    again = client.post(f"/drafts/{draft.pk}/invitations/{invitation.pk}/resend/", follow=True)
    assert "Invitation sent again to cofiler@fund.example" in again.content.decode()
    invitation.refresh_from_db()
    assert invitation.send_error == "" and len(mail.outbox) == 1


@pytest.fixture
def signed(draft, lead, cofiler):
    invitation, _ = invite(draft, lead)
    services.invitation_accept(invitation=invitation, user=cofiler)
    version = draft_services.draft_circulate(draft=draft, user=lead)
    services.sign_on_create(draft=draft, version=version, user=cofiler, data=sign_on_data())
    return invitation, version


def test_revoking_an_accepted_invitation_removes_the_co_filer_from_everything(
        lead_client, draft, cofiler, signed, django_capture_on_commit_callbacks):
    """The finding: revoke left the co-filer on the proposal, letters and packet, unable to see or withdraw."""
    invitation, version = signed
    assert [f.organization for f in version_filers(version)] == ["Sisters of Testing", "Pension Fund of Tests"]

    with django_capture_on_commit_callbacks(execute=True):
        response = lead_client.post(f"/drafts/{draft.pk}/invitations/{invitation.pk}/revoke/", follow=True)

    assert "Pension Fund of Tests is no longer a co-filer" in response.content.decode()
    assert SignOn.objects.get().status == SignOn.Status.WITHDRAWN
    assert [f.organization for f in version_filers(version)] == ["Sisters of Testing"]
    event = draft.audit_events.get(verb=AuditEvent.Verb.REMOVED)
    assert "Pension Fund of Tests" in event.detail and "sign-on withdrawn" in event.detail
    [message] = mail.outbox
    assert message.to == [cofiler.email] and "no longer a co-filer" in message.subject
    assert not draft.is_open_to(cofiler, "read")


def test_the_filers_page_offers_remove_co_filer_once_accepted(lead_client, draft, signed):
    page = lead_client.get(f"/drafts/{draft.pk}/filers/").content.decode()
    assert "Remove co-filer" in page
