"""Security settings and escaping: what a hostile user types is shown as text everywhere."""
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from resolutions.cofiling import services as cofilers
from resolutions.drafts import services as draft_services
from tests import factories

pytestmark = pytest.mark.django_db
PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'
REPO = Path(__file__).resolve().parents[2]


def test_pages_carry_a_strict_content_security_policy_and_deny_framing(lead_client):
    response = lead_client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"


def test_no_page_has_an_inline_script(lead_client, lead):
    draft = factories.draft(lead, clauses=[("whereas", "Facts.")])
    for url in ("/", "/precedents/", "/evidence/", f"/drafts/{draft.pk}/", f"/drafts/{draft.pk}/filers/"):
        content = lead_client.get(url).content.decode()
        for tag in content.split("<script")[1:]:
            assert "src=" in tag.split(">")[0], f"inline script on {url}"


def test_production_settings_pass_the_deployment_checklist():
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {**inherited, "DJANGO_SETTINGS_MODULE": "config.settings.prod", "SECRET_KEY": secrets.token_urlsafe(60),
           "ALLOWED_HOSTS": "whereas.example.org", "DATABASE_URL": "sqlite:///:memory:"}
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_in_production_plain_http_is_redirected_except_the_health_check():
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {**inherited, "DJANGO_SETTINGS_MODULE": "config.settings.prod", "SECRET_KEY": secrets.token_urlsafe(60),
           "ALLOWED_HOSTS": "testserver", "DATABASE_URL": "sqlite:///:memory:", "REDIS_URL": ""}
    script = ("from django.test import Client; c = Client(); "
              "print(c.get('/health/').status_code, c.get('/accounts/login/').status_code)")
    result = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.split()[-2:] == ["200", "301"], result.stdout + result.stderr


def test_a_hostile_payload_is_shown_as_text_on_every_page_that_shows_it(client, lead, cofiler):
    lead.organization.legal_name = f"Org {PAYLOAD}"
    lead.organization.save()
    draft = factories.draft(lead, title=f"Title {PAYLOAD}", clauses=[("whereas", f"Clause {PAYLOAD}")])
    draft_services.clause_update(draft=draft, clause_id=draft.clauses.get().pk, expected_revision=0,
                                 text=f"Clause {PAYLOAD}", user=lead)
    source = factories.source(title=f"Source {PAYLOAD}")
    factories.snippet(source, quote=f"Quote {PAYLOAD}")
    invitation, _ = cofilers.invitation_create(draft=draft, user=lead, email=cofiler.email,
                                               organization_name=f"Invited {PAYLOAD}", base_url="http://t")
    cofilers.invitation_accept(invitation=invitation, user=cofiler)
    draft_services.draft_circulate(draft=draft, user=lead)
    cofilers.comment_add(draft=draft, user=cofiler, text=f"Comment {PAYLOAD}")
    client.force_login(lead)
    pages = ["/", "/drafts/", f"/drafts/{draft.pk}/", f"/drafts/{draft.pk}/filers/", f"/drafts/{draft.pk}/review/",
             f"/drafts/{draft.pk}/versions/1/", f"/drafts/{draft.pk}/preview/", f"/drafts/{draft.pk}/audit/",
             "/evidence/?q=quote", f"/evidence/sources/{source.pk}/"]
    for url in pages:
        content = client.get(url).content.decode()
        assert '<script>alert("x")' not in content, url
        assert "<img src=x" not in content, url
