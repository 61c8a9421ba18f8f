"""Signing in and out, who sees what, and the styled error pages."""
import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import include, path

from accounts.models import Organization, User
from evidence.models import Snippet, Source
from resolutions.models import Company, Draft, DraftVersion, Precedent, SignOn, Topic
from resolutions.demo import DEMO_DRAFT_TITLE
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_filer_signs_in_with_email_and_password_and_lands_on_the_dashboard(client, lead):
    response = client.post("/accounts/login/", {"username": lead.email, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert response.context["user"] == lead
    assert b"My drafts" in response.content


def test_a_wrong_password_shows_a_clear_message(client, lead):
    response = client.post("/accounts/login/", {"username": lead.email, "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct email address and password" in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_signing_out_ends_the_session(lead_client):
    response = lead_client.post("/accounts/logout/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/login/"
    assert lead_client.get("/").status_code == 302


@pytest.mark.parametrize("url", ["/", "/precedents/", "/evidence/", "/admin/", "/accounts/password_change/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/password_reset/", "/accounts/password_reset/done/"])
def test_sign_in_and_password_reset_pages_are_open_to_anonymous_visitors(client, url):
    assert client.get(url).status_code == 200


def test_password_reset_sends_an_email_with_a_link(client, lead, mailoutbox):
    response = client.post("/accounts/password_reset/", {"email": lead.email}, follow=True)
    assert b"Check your email" in response.content
    assert len(mailoutbox) == 1
    assert "/accounts/reset/" in mailoutbox[0].body


def test_a_curator_sees_the_admin_link_and_a_filer_does_not(client, lead, curator):
    client.force_login(curator)
    assert 'href="/admin/"' in client.get("/").content.decode()
    client.force_login(lead)
    assert 'href="/admin/"' not in client.get("/").content.decode()
    assert client.get("/admin/").status_code == 302


def test_the_dashboard_has_an_empty_state_that_says_what_to_do_next(lead_client):
    content = lead_client.get("/").content.decode()
    assert "You have no drafts yet" in content
    assert "Start from a" in content


def test_an_unknown_url_gives_the_styled_404(lead_client):
    response = lead_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "navbar" in response.content.decode()


def _boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", _boom), path("", include("config.urls"))]


@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_gives_the_styled_500(client, lead):
    client.force_login(lead)
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def _counts():
    models = (Organization, User, Company, Topic, Precedent, Source, Snippet, Draft, DraftVersion, SignOn)
    return {m.__name__: m.objects.count() for m in models}


def test_load_demo_twice_gives_the_same_rows(capsys):
    call_command("load_demo")
    first = _counts()
    call_command("load_demo")
    assert _counts() == first
    assert User.objects.filter(email="lead@example.org", organization__isnull=False).exists()
    demo = Draft.objects.get(created_by__email="lead@example.org", title=DEMO_DRAFT_TITLE)
    assert demo.clauses.filter(kind="whereas", text__contains="[[snippet:").count() >= 4
    assert demo.clauses.filter(kind="resolved").exists() and demo.versions.count() == 1
    assert SignOn.objects.signed().get(draft=demo).version == demo.versions.get()
    assert "whereas-demo-2026" in capsys.readouterr().out


def test_demo_users_can_sign_in_with_the_printed_password(client):
    call_command("load_demo")
    response = client.post(
        "/accounts/login/", {"username": "lead@example.org", "password": "whereas-demo-2026"}
    )
    assert response.status_code == 302 and response["Location"] == "/"


def test_login_is_throttled_after_repeated_failures(client, lead):
    for _ in range(5):
        client.post("/accounts/login/", {"username": lead.email, "password": "wrong"})
    response = client.post("/accounts/login/", {"username": lead.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
