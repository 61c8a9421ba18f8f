"""Sign-in throttling per account and per real client address, with a growing back-off; rate limits on
password reset and change; the email in any case; delete confirmations that name no draft."""
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.test import override_settings

from accounts.models import User
from accounts.throttling import client_ip, cool_off
from tests import factories
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
LIMIT = 5  # config.settings.test


def sign_in(client, email, password, **meta):
    return client.post("/accounts/login/", {"username": email, "password": password}, **meta)


def test_the_email_is_accepted_in_any_letter_case(client, lead):
    response = sign_in(client, "  LEAD@Test.Example ", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"


def test_one_password_sprayed_over_many_accounts_from_one_address_is_stopped(client, make_user):
    """The finding: keyed on username + address together, a spray never locked anything."""
    victims = [make_user(f"victim{i}@test.example", organization="Victims") for i in range(LIMIT + 1)]
    answers = [sign_in(client, victim.email, "Spring2026!", REMOTE_ADDR="198.51.100.7").status_code
               for victim in victims[:LIMIT]]
    assert answers == [200] * (LIMIT - 1) + [429]  # the failure that reaches the limit is the first refused

    blocked = sign_in(client, victims[LIMIT].email, PASSWORD, REMOTE_ADDR="198.51.100.7")

    assert blocked.status_code == 429
    assert sign_in(client, victims[LIMIT].email, PASSWORD, REMOTE_ADDR="203.0.113.5").status_code == 302


def test_guessing_one_account_from_many_addresses_throttles_the_account(client, lead):
    for i in range(LIMIT):
        sign_in(client, lead.email, "wrong", REMOTE_ADDR=f"198.51.100.{i + 1}")
    assert sign_in(client, lead.email, PASSWORD, REMOTE_ADDR="203.0.113.99").status_code == 429


@override_settings(TRUSTED_PROXY_HEADER="HTTP_X_FORWARDED_FOR", TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_the_attackers_own_address_is_throttled_not_everyone_elses(client, make_user):
    """The finding: behind a proxy every client had the proxy's address, so one attacker locked everyone."""
    victims = [make_user(f"victim{i}@test.example", organization="Victims") for i in range(LIMIT)]
    colleague = make_user("colleague@test.example", organization="Victims")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for victim in victims:  # a forged left-hand entry changes nothing: the proxy's own entry counts
        sign_in(client, victim.email, "Spring2026!", HTTP_X_FORWARDED_FOR=f"1.2.3.{victim.pk}, 198.51.100.7", **proxy)

    assert sign_in(client, "someone@test.example", "x", HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.7",
                   **proxy).status_code == 429
    assert sign_in(client, colleague.email, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 302


def test_the_client_address_comes_from_the_trusted_proxy_header_only_when_configured(settings):
    request = SimpleNamespace(META={"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 198.51.100.7"})
    settings.TRUSTED_PROXY_HEADER, settings.TRUSTED_PROXY_COUNT = "", 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_HEADER, settings.TRUSTED_PROXY_COUNT = "HTTP_X_FORWARDED_FOR", 1
    assert client_ip(request) == "198.51.100.7"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request) == "6.6.6.6"
    settings.TRUSTED_PROXY_COUNT = 3  # fewer hops than proxies: the header is not trusted
    assert client_ip(request) == "10.0.0.2"


def test_the_back_off_starts_short_and_doubles_while_failures_go_on(settings):
    settings.SIGN_IN_BACKOFF, settings.SIGN_IN_BACKOFF_MAX = timedelta(minutes=1), timedelta(hours=1)
    waits = [cool_off(SimpleNamespace(axes_failures_since_start=n)) for n in (5, 9, 10, 15, 20, 500)]
    assert waits == [timedelta(minutes=1), timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4),
                     timedelta(minutes=8), timedelta(hours=1)]


def test_password_reset_requests_are_rate_limited(client, lead, mailoutbox):
    """The finding: any number of reset emails could be asked for, for anyone."""
    answers = [client.post("/accounts/password_reset/", {"email": lead.email}).status_code for _ in range(6)]
    assert answers == [302] * 5 + [429]
    assert len(mailoutbox) == 5
    assert "Too many requests" in client.post("/accounts/password_reset/", {"email": "x@test.example"}).content.decode()


def test_password_changes_are_rate_limited(lead_client):
    wrong = {"old_password": "wrong", "new_password1": "n3w-pass-phrase", "new_password2": "n3w-pass-phrase"}
    answers = [lead_client.post("/accounts/password_change/", wrong).status_code for _ in range(11)]
    assert answers == [200] * 10 + [429]


@pytest.mark.parametrize("kind", ["company", "organization"])
def test_admin_delete_confirmation_counts_drafts_and_names_none(client, curator, lead, kind):
    """The finding: the confirmation page listed private draft titles to curators."""
    User.objects.filter(pk=curator.pk).update(is_superuser=True)
    draft = factories.draft(lead, title="Secret merger-related proposal")
    client.force_login(curator)
    url = (f"/admin/resolutions/company/{draft.company_id}/delete/" if kind == "company"
           else f"/admin/accounts/organization/{lead.organization_id}/delete/")

    page = client.get(url).content.decode()

    assert "Secret merger-related proposal" not in page
    assert "Drafts: 1" in page
