"""Inputs that were a 500: each now gets a clear answer and changes nothing."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from resolutions import rule14a8 as checks
from resolutions.models import SignOn
from resolutions.cofiling import services as cofilers
from resolutions.drafts import services as draft_services
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_256_character_username_is_a_wrong_sign_in_not_a_server_error(client):
    """django-axes stores the username in varchar(255): PostgreSQL refused the failure record."""
    for _ in range(2):
        response = client.post("/accounts/login/", {"username": "x" * 250 + "@e.org", "password": "nope"})
        assert response.status_code == 200
        assert response.context["form"].errors


@pytest.fixture
def signable(lead, cofiler):
    draft = factories.draft(lead, clauses=[("whereas", "Facts."), ("resolved", "Shareholders request a report.")])
    invitation, _ = cofilers.invitation_create(draft=draft, user=lead, email=cofiler.email, organization_name="Fund",
                                               base_url="http://t", send_email=False)
    cofilers.invitation_accept(invitation=invitation, user=cofiler)
    return draft, draft_services.draft_circulate(draft=draft, user=lead)


def test_a_sign_on_dated_9999_12_31_is_refused_with_the_range(client, cofiler, signable):
    draft, version = signable
    client.force_login(cofiler)
    response = client.post(f"/drafts/{draft.pk}/versions/{version.number}/sign/", {
        "legal_name": "Fund", "signatory_name": "C", "signatory_title": "Officer", "email": "c@test.example",
        "phone": "555", "shares": "10", "market_value": "3000", "held_since": "2020-01-01", "holder_type": "broker",
        "submission_date": "9999-12-31", "slot_1": "9999-12-31T10:00", "slot_2": "9999-12-31T11:00",
        "intends_to_hold": "on", "authorizes_lead": "on", "signature": "C"})
    assert response.status_code == 400  # the form again, with its errors
    assert "Give the day the proposal will reach the company, between" in response.context["form"].errors[
        "submission_date"][0]
    assert not SignOn.objects.exists()


def test_the_engagement_check_answers_for_the_last_date_of_the_calendar():
    check = checks.check_engagement(submission_date=date.max, slots=[date.max])
    assert check.status == checks.ERROR and "no engagement window" in check.message


def test_a_title_with_a_line_break_is_refused_by_the_forms(lead_client, lead):
    company = factories.company()
    response = lead_client.post("/drafts/new/", {"title": "Report\nBcc: x@evil.example", "company": str(company),
                                                 "meeting_year": 2027})
    assert response.status_code == 200
    assert response.context["form"].errors["title"] == ["A title is one line: remove the line break."]
    draft = factories.draft(lead, title="One line")
    response = lead_client.post(f"/drafts/{draft.pk}/settings/", {
        "title": "Two\r\nlines", "meeting_year": 2027, "citation_style": "chicago-note", "revision": draft.revision,
        "supporting_heading": "Supporting Statement"}, follow=True)
    assert "A title is one line" in response.content.decode()
    draft.refresh_from_db()
    assert draft.title == "One line"


def test_a_title_with_a_line_break_is_refused_by_the_services(lead):
    with pytest.raises(ValidationError, match="one line"):
        draft_services.draft_create(user=lead, company=factories.company(), meeting_year=2027, title="A\nB")
    draft = factories.draft(lead, title="One line")
    with pytest.raises(ValidationError, match="one line"):
        draft_services.draft_update(draft=draft, expected_revision=draft.revision, title="A\u2028B")


@pytest.mark.django_db(transaction=True)  # the email goes when the transaction really commits
def test_an_invitation_on_a_title_with_a_line_break_is_kept_and_its_failed_email_shown(client, lead):
    """The 500: the email header check refused the subject after the invitation row was committed.
    A title saved before titles were one line still reaches the email: the send fails, the lead is told."""
    from resolutions.models import Invitation

    draft = factories.draft(lead, title="Report\nBcc: x@evil.example")  # as stored before the one-line rule
    client.force_login(lead)
    response = client.post(f"/drafts/{draft.pk}/invitations/", {
        "email": "cofiler@fund.example", "organization_name": "Fund"}, follow=True)
    assert response.status_code == 200
    assert "The invitation to cofiler@fund.example was not sent: the mail server did not take it" in \
        response.content.decode()
    invitation = Invitation.objects.get()
    assert "BadHeaderError" in invitation.send_error and invitation.revoked_at is None
