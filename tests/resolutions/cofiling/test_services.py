"""Invitations, sign-on and re-confirmation, and the audit trail."""
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from resolutions.models import AuditEvent, SignOn
from resolutions.cofiling import services
from resolutions.drafts import services as draft_services
from tests import factories

pytestmark = pytest.mark.django_db
BASE = "http://testserver"


@pytest.fixture
def draft(lead):
    return factories.draft(lead, clauses=[("whereas", "Facts matter."), ("resolved", "Shareholders request a report.")])


def invite(draft, lead, email="cofiler@test.example", org="Pension Fund of Tests"):
    return services.invitation_create(draft=draft, user=lead, email=email, organization_name=org, base_url=BASE)


def token_of(link):
    return re.search(r"/invite/([^/]+)/", link).group(1)


def sign_on_data(**overrides):
    submission = date(2026, 11, 2)  # a Monday
    values = dict(
        legal_name="Pension Fund of Tests", signatory_name="Colin Cofiler", signatory_title="Officer",
        email="cofiler@test.example", phone="555-0100", shares=40, market_value=Decimal("2000"),
        held_since=date(2023, 11, 2), holder_type="broker", intends_to_hold=True,
        availability=[datetime(2026, 11, 12, 10), datetime(2026, 11, 13, 14)], authorizes_lead=True,
        signature="Colin Cofiler", submission_date=submission,
    )
    return services.SignOnData(**{**values, **overrides})


def test_an_invitation_is_emailed_with_a_single_use_link(draft, lead, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, link = invite(draft, lead)
    assert len(mailoutbox) == 1
    assert link in mailoutbox[0].body
    assert mailoutbox[0].alternatives and link in mailoutbox[0].alternatives[0][0]
    assert token_of(link) not in invitation.token_sha256


def test_following_the_link_creates_an_account_in_that_organization(client, draft, lead):
    _, link = invite(draft, lead, email="new@test.example", org="Brand New Foundation")
    response = client.post(link.replace(BASE, ""), {"legal_name": "Brand New Foundation", "first_name": "Nia", "last_name": "New",
                                                    "password1": "a-long-pass-phrase-1", "password2": "a-long-pass-phrase-1"})
    assert response.status_code == 302 and response["Location"] == f"/drafts/{draft.pk}/review/"
    assert client.get(f"/drafts/{draft.pk}/review/").status_code == 200
    assert draft.invitations.get().organization.legal_name == "Brand New Foundation"


def test_an_existing_user_signs_in_and_joins(client, draft, lead, cofiler):
    _, link = invite(draft, lead)
    client.force_login(cofiler)
    assert client.post(link.replace(BASE, "")).status_code == 302
    assert client.get(f"/drafts/{draft.pk}/review/").status_code == 200
    assert client.get(f"/drafts/{draft.pk}/").status_code == 302  # co-filers read the review page, not the editor


def test_a_used_link_cannot_be_used_again(client, draft, lead, cofiler):
    _, link = invite(draft, lead)
    client.force_login(cofiler)
    client.post(link.replace(BASE, ""))
    response = client.get(link.replace(BASE, ""))
    assert response.status_code == 404 and "already used" in response.content.decode()


def test_an_expired_link_says_so(client, draft, lead):
    invitation, link = invite(draft, lead)
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    response = client.get(link.replace(BASE, ""))
    assert response.status_code == 404 and "expired" in response.content.decode()


def test_a_revoked_link_says_so(client, draft, lead):
    invitation, link = invite(draft, lead)
    services.invitation_revoke(invitation=invitation, user=lead)
    assert "withdrawn by the lead filer" in client.get(link.replace(BASE, "")).content.decode()


def test_a_forged_token_is_refused(client):
    response = client.get("/invite/not-a-real-token/")
    assert response.status_code == 404 and "not valid" in response.content.decode()


def test_sending_again_replaces_the_link(client, draft, lead):
    invitation, old = invite(draft, lead)
    new = services.invitation_resend(invitation=invitation, user=lead, base_url=BASE)
    assert new != old
    assert client.get(old.replace(BASE, "")).status_code == 404
    assert client.get(new.replace(BASE, "")).status_code == 200


@pytest.fixture
def joined(draft, lead, cofiler):
    invitation, link = invite(draft, lead)
    services.invitation_accept(invitation=invitation, user=cofiler)
    return draft_services.draft_circulate(draft=draft, user=lead)


def test_a_sign_on_records_the_version_hash_and_who_signed(draft, cofiler, joined):
    sign_on = services.sign_on_create(draft=draft, version=joined, user=cofiler, data=sign_on_data(),
                                      ip_address="203.0.113.9", user_agent="pytest")
    assert sign_on.version_sha256 == joined.sha256
    assert (sign_on.ip_address, sign_on.user_agent, sign_on.status) == ("203.0.113.9", "pytest", "signed")


def test_a_sign_on_for_an_old_version_is_refused(draft, lead, cofiler, joined):
    draft_services.version_save(draft=draft, user=lead)
    with pytest.raises(ValidationError, match="no longer the current text"):
        services.sign_on_create(draft=draft, version=joined, user=cofiler, data=sign_on_data())


def test_a_second_sign_on_by_the_same_organization_is_refused(draft, cofiler, joined, make_user):
    services.sign_on_create(draft=draft, version=joined, user=cofiler, data=sign_on_data())
    colleague = make_user("colleague@test.example", organization="Pension Fund of Tests")
    with pytest.raises(ValidationError, match="already signed version"):
        services.sign_on_create(draft=draft, version=joined, user=colleague, data=sign_on_data())


def test_availability_outside_10_to_30_days_is_refused(draft, cofiler, joined):
    with pytest.raises(ValidationError, match="14a-8"):
        services.sign_on_create(draft=draft, version=joined, user=cofiler, data=sign_on_data(
            availability=[datetime(2026, 11, 5, 10), datetime(2026, 12, 20, 10)]))


def test_ownership_one_day_short_of_three_years_is_refused(draft, cofiler, joined):
    with pytest.raises(ValidationError, match="not eligible yet"):
        services.sign_on_create(draft=draft, version=joined, user=cofiler,
                                data=sign_on_data(held_since=date(2023, 11, 3)))


def test_an_edit_after_signing_asks_for_reconfirmation_and_drops_the_filer(
    draft, lead, cofiler, joined, mailoutbox, django_capture_on_commit_callbacks
):
    services.sign_on_create(draft=draft, version=joined, user=cofiler, data=sign_on_data())
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        draft_services.clause_update(draft=draft, clause_id=draft.clauses.first().pk,
                                     expected_revision=draft.revision, text="Facts changed.", user=lead)
    sign_on = SignOn.objects.get(draft=draft)
    assert sign_on.status == SignOn.Status.NEEDS_RECONFIRMATION
    assert not SignOn.objects.signed().filter(draft=draft).exists()
    assert any("re-confirm" in m.subject for m in mailoutbox)
    latest = draft_services.version_save(draft=draft, user=lead)
    services.sign_on_create(draft=draft, version=latest, user=cofiler, data=sign_on_data())
    assert SignOn.objects.get(draft=draft).status == SignOn.Status.SIGNED
    assert draft.audit_events.filter(verb=AuditEvent.Verb.RECONFIRMED).exists()


def test_the_audit_trail_lists_events_in_order_and_exports_csv(client, draft, lead, cofiler, joined):
    services.comment_add(draft=draft, user=cofiler, text="Please cite the 2025 figure.")
    services.sign_on_create(draft=draft, version=joined, user=cofiler, data=sign_on_data())
    verbs = list(draft.audit_events.values_list("verb", flat=True))
    assert verbs == ["invited", "joined", "version_saved", "commented", "signed"]
    client.force_login(lead)
    csv_text = client.get(f"/drafts/{draft.pk}/audit.csv").content.decode()
    assert csv_text.index("Invited") < csv_text.index("Commented") < csv_text.index("Signed")


def test_resolving_a_comment_is_in_the_audit_trail(draft, lead, cofiler, joined):
    comment = services.comment_add(draft=draft, user=cofiler, text="Please cite the 2025 figure.")
    services.comment_resolve(comment=comment, user=lead)
    event = draft.audit_events.latest("pk")
    assert (event.verb, event.actor, event.detail) == (AuditEvent.Verb.COMMENT_RESOLVED, lead,
                                                       "Please cite the 2025 figure.")


def test_a_review_marks_the_version_seen_once(client, draft, lead, cofiler, joined, django_assert_num_queries):
    invitation = draft.invitations.get()
    services.invitation_mark_seen(invitation=invitation, version=joined)
    assert invitation.last_seen_version == joined
    with django_assert_num_queries(0):  # already seen: nothing written
        services.invitation_mark_seen(invitation=invitation, version=joined)
    latest = draft_services.version_save(draft=draft, user=lead, reason="exported")
    client.force_login(cofiler)
    assert client.get(f"/drafts/{draft.pk}/review/").status_code == 200
    invitation.refresh_from_db()
    assert invitation.last_seen_version == latest


def test_audit_events_are_append_only(draft, lead):
    event = draft.audit_events.create(verb=AuditEvent.Verb.INVITED)
    with pytest.raises(ValueError):
        event.save()


def test_the_filers_dashboard_shows_each_invitee_status(client, draft, lead, cofiler, joined):
    invite(draft, lead, email="other@test.example", org="Other Org")
    services.sign_on_create(draft=draft, version=joined, user=cofiler, data=sign_on_data())
    client.force_login(lead)
    page = client.get(f"/drafts/{draft.pk}/filers/").content.decode()
    assert f"signed version {joined.number}" in page
    assert "Rule 14a-8(b): eligible" in page
    assert '<td class="filer-status" data-label="Status">invited' in page
