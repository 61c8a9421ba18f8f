"""Organization membership: a name is never identity; members add and remove colleagues, with a trail."""
import re

import pytest
from django.core import mail
from django.core.management import call_command

from accounts.models import MemberInvitation, MembershipEvent, Organization, User, organization_name_key
from accounts.services import ORGANIZATION_EXISTS
from resolutions.models import Invitation
from resolutions.services import cofilers
from tests import factories
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
BASE = "http://testserver"
NEW_PASSWORD = "a-long-pass-phrase-1"


@pytest.fixture
def attacker(make_user):
    return make_user("attacker@test.example", organization="Attackers Fund")


def invite_to_own_draft(user, *, email, organization_name):
    draft = factories.draft(user, clauses=[("resolved", "Shareholders request a report.")])
    invitation, link = cofilers.invitation_create(draft=draft, user=user, email=email,
                                                  organization_name=organization_name, base_url=BASE)
    return invitation, link.replace(BASE, "")


def new_account(**extra):
    return {"first_name": "Nia", "last_name": "New", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, **extra}


def test_the_name_key_ignores_case_accents_spacing_and_punctuation():
    assert organization_name_key("Sisters of the Demo Valley, Inc.") == organization_name_key(
        "  sisters of the demo-valley inc ") == organization_name_key("SISTERS OF THE DÉMO VALLEY INC")
    assert organization_name_key("Demo Valley Sisters") != organization_name_key("Sisters of the Demo Valley")


@pytest.mark.parametrize("named", ["Sisters of Testing", "sisters of testing", "Sisters of Testing.",
                                   "SISTERS-OF-TESTING"])
def test_accepting_an_invitation_anonymously_never_joins_an_existing_organization_by_its_name(
        client, attacker, lead, named):
    """The finding: an invitation naming the victim's organization made its acceptor a member."""
    lead_draft = factories.draft(lead, title="The victim's private draft")
    _, link = invite_to_own_draft(attacker, email="sock@test.example", organization_name=named)

    response = client.post(link, new_account(legal_name=named))

    assert response.status_code == 400
    assert ORGANIZATION_EXISTS in response.content.decode()
    assert not User.objects.filter(email="sock@test.example").exists()
    assert lead.organization.members.count() == 1
    assert client.get(f"/drafts/{lead_draft.pk}/").status_code == 302  # not signed in, nothing opened


def test_the_newcomer_confirms_a_new_organization_name_and_co_files_as_it(client, attacker):
    invitation, link = invite_to_own_draft(attacker, email="new@test.example", organization_name="Sisters of Testing")
    page = client.get(link).content.decode()
    assert 'name="legal_name"' in page and 'value="Sisters of Testing"' in page

    response = client.post(link, new_account(legal_name="Riverside Retirement Plan"))

    assert response.status_code == 302
    user = User.objects.get(email="new@test.example")
    assert user.organization.legal_name == "Riverside Retirement Plan"
    invitation.refresh_from_db()
    assert invitation.organization == user.organization
    assert MembershipEvent.objects.get(organization=user.organization).verb == MembershipEvent.Verb.FOUNDED


def test_a_signed_in_user_without_an_organization_is_not_placed_in_the_named_one(client, attacker, lead, make_user):
    loner = make_user("loner@test.example")
    _, link = invite_to_own_draft(attacker, email=loner.email, organization_name=lead.organization.legal_name)
    client.force_login(loner)

    refused = client.post(link, {"legal_name": "sisters of testing"})
    assert refused.status_code == 400 and ORGANIZATION_EXISTS in refused.content.decode()
    loner.refresh_from_db()
    assert loner.organization is None

    assert client.post(link, {"legal_name": "Loner Family Trust"}).status_code == 302
    loner.refresh_from_db()
    assert loner.organization.legal_name == "Loner Family Trust"


def test_an_existing_user_keeps_their_own_organization(client, attacker, cofiler, lead):
    invitation, link = invite_to_own_draft(attacker, email=cofiler.email, organization_name=lead.organization.legal_name)
    client.force_login(cofiler)

    assert client.post(link).status_code == 302

    cofiler.refresh_from_db()
    invitation.refresh_from_db()
    assert cofiler.organization.legal_name == "Pension Fund of Tests"
    assert invitation.organization == cofiler.organization


# --- The members page ---------------------------------------------------------------


@pytest.fixture
def colleague(make_user):
    return make_user("colleague@test.example", organization="Sisters of Testing")


def members_url(organization):
    return f"/organizations/{organization.pk}/members/"


def test_the_members_page_lists_members_and_is_a_404_to_everyone_else(client, lead, colleague, outsider, curator):
    client.force_login(lead)
    page = client.get(members_url(lead.organization)).content.decode()
    assert lead.email in page and colleague.email in page
    for other in (outsider, curator):
        client.force_login(other)
        assert client.get(members_url(lead.organization)).status_code == 404
    client.logout()
    assert client.get(members_url(lead.organization)).status_code == 302


def test_a_member_invites_a_colleague_whose_emailed_link_makes_them_a_member(
        client, lead, django_capture_on_commit_callbacks):
    client.force_login(lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(members_url(lead.organization) + "invite/", {"email": "Newhire@Test.example"},
                               follow=True)
    assert "Invitation emailed to newhire@test.example" in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["newhire@test.example"]
    link = re.search(r"http://testserver(/organizations/join/[^/\s]+/)", message.body).group(1)
    assert link not in response.content.decode()  # the inviter never sees the token
    client.logout()

    joined = client.post(link, {"first_name": "Nell", "last_name": "Hire", "password1": NEW_PASSWORD,
                                "password2": NEW_PASSWORD})

    assert joined.status_code == 302
    assert User.objects.get(email="newhire@test.example").organization == lead.organization
    assert client.get(link).status_code == 404  # single use
    verbs = list(lead.organization.membership_events.values_list("verb", flat=True))
    assert verbs == [MembershipEvent.Verb.JOINED, MembershipEvent.Verb.INVITED]


def test_a_colleague_link_opened_while_signed_in_as_another_address_is_refused(client, lead, outsider,
                                                                                django_capture_on_commit_callbacks):
    client.force_login(lead)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(members_url(lead.organization) + "invite/", {"email": "newhire@test.example"})
    link = re.search(r"http://testserver(/organizations/join/[^/\s]+/)", mail.outbox[0].body).group(1)
    client.force_login(outsider)

    response = client.post(link)

    assert response.status_code == 400
    assert "This invitation is for newhire@test.example, and you are signed in as outsider@test.example" in \
        response.content.decode()
    outsider.refresh_from_db()
    assert outsider.organization.legal_name == "Unrelated Foundation"


@pytest.mark.django_db(transaction=True)  # the email goes when the transaction really commits
def test_a_failed_email_is_shown_to_the_member_and_can_be_sent_again(client, lead, settings):
    settings.EMAIL_BACKEND = "tests.accounts.failing_mail.Backend"
    client.force_login(lead)
    response = client.post(members_url(lead.organization) + "invite/", {"email": "newhire@test.example"},
                           follow=True)
    assert response.status_code == 200
    assert "The invitation to newhire@test.example was not sent" in response.content.decode()
    invitation = MemberInvitation.objects.get()
    assert invitation.send_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    again = client.post(members_url(lead.organization) + f"invitations/{invitation.pk}/resend/", follow=True)
    assert "Invitation emailed to newhire@test.example" in again.content.decode()
    invitation.refresh_from_db()
    assert invitation.send_error == "" and len(mail.outbox) == 1


def test_removing_a_member_ends_their_sessions_and_is_in_the_trail(client, lead, colleague):
    from django.test import Client

    colleague_browser = Client()
    colleague_browser.post("/accounts/login/", {"username": colleague.email, "password": PASSWORD})
    assert colleague_browser.get(members_url(lead.organization)).status_code == 200
    client.force_login(lead)

    response = client.post(members_url(lead.organization) + f"{colleague.pk}/remove/", follow=True)

    assert f"{colleague.email} is no longer a member" in response.content.decode()
    colleague.refresh_from_db()
    assert colleague.organization is None
    signed_out = colleague_browser.get(members_url(lead.organization))
    assert signed_out.status_code == 302 and "/accounts/login/" in signed_out["Location"]
    event = lead.organization.membership_events.first()
    assert (event.verb, event.member_email, event.actor) == (MembershipEvent.Verb.REMOVED, colleague.email, lead)


def test_the_last_member_cannot_be_removed(client, lead):
    client.force_login(lead)
    response = client.post(members_url(lead.organization) + f"{lead.pk}/remove/", follow=True)
    assert "is the last member of Sisters of Testing" in response.content.decode()
    lead.refresh_from_db()
    assert lead.organization is not None


def test_a_curator_moving_a_person_in_the_admin_is_in_the_trail_and_ends_their_sessions(client, curator, colleague):
    User.objects.filter(pk=curator.pk).update(is_superuser=True)
    client.force_login(curator)
    other = Organization.objects.create(legal_name="Other Org")
    epoch = colleague.session_epoch
    data = {"email": colleague.email, "first_name": "", "last_name": "", "job_title": "", "phone": "",
            "organization": other.pk, "is_active": "on", "last_login_0": "", "last_login_1": "",
            "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00"}
    response = client.post(f"/admin/accounts/user/{colleague.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    colleague.refresh_from_db()
    assert colleague.organization == other and colleague.session_epoch == epoch + 1
    assert other.membership_events.get().verb == MembershipEvent.Verb.CURATOR_ADDED
    assert Organization.objects.get(legal_name="Sisters of Testing").membership_events.get().verb == \
        MembershipEvent.Verb.CURATOR_REMOVED


# --- Repair -------------------------------------------------------------------------


def test_the_command_lists_memberships_gained_by_accepting_into_an_existing_organization(lead, attacker, cofiler,
                                                                                        capsys):
    """What the old code did, recreated row by row: a new account placed in the victim's organization."""
    _, link = invite_to_own_draft(attacker, email="sock@test.example", organization_name=lead.organization.legal_name)
    sock = User.objects.create_user(email="sock@test.example", password=PASSWORD, organization=lead.organization)
    Invitation.objects.filter(email="sock@test.example").update(accepted_at=sock.date_joined, accepted_by=sock,
                                                                organization=lead.organization)
    honest, _ = invite_to_own_draft(attacker, email=cofiler.email, organization_name="The Pension Fund")
    cofilers.invitation_accept(invitation=honest, user=cofiler)

    call_command("memberships_by_invitation")

    out = capsys.readouterr().out
    assert out.startswith("1 membership(s) to review")
    assert "sock@test.example" in out and "Sisters of Testing" in out and "new account" in out
    assert cofiler.email not in out
