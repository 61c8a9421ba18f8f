"""Double submits are harmless: one row where the domain says one, and a replayed form gives the first result."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from evidence import services as evidence_services
from evidence.models import Snippet
from resolutions.models import Comment, DraftVersion, Invitation
from resolutions.services import cofilers, drafts as draft_services
from tests import factories
from tests.resolutions.test_concurrency import at_once



def postgres_threads(test):
    """Real concurrent writers: threads with their own connections, on PostgreSQL."""
    test = pytest.mark.django_db(transaction=True)(test)
    return pytest.mark.skipif(connection.vendor != "postgresql",
                              reason="concurrent writers need PostgreSQL (DATABASE_URL)")(test)


def invite(draft, lead, email="twice@test.example"):
    return cofilers.invitation_create(draft=draft, user=lead, email=email, organization_name="Fund",
                                      base_url="http://t", send_email=False)


@postgres_threads
@pytest.mark.parametrize("attempt", range(3))
def test_two_concurrent_invitations_to_one_email_make_one(lead, attempt):
    draft = factories.draft(lead)
    outcomes = at_once(lambda name: invite(draft, lead)[0].pk, ["first", "second", "third"])
    assert Invitation.objects.filter(draft=draft).count() == 1
    refused = [o for o in outcomes.values() if isinstance(o, ValidationError)]
    assert len(refused) == 2 and "already has an open invitation" in refused[0].messages[0]


@postgres_threads
def test_two_concurrent_snippets_of_one_quote_make_one(lead):
    source = factories.source(full_text="Revenue grew by 40 percent in one year.")
    outcomes = at_once(lambda name: evidence_services.snippet_create(
        user=lead, source=source, quote="grew by 40 percent").pk, ["first", "second", "third"])
    assert Snippet.objects.filter(source=source).count() == 1
    refused = [o for o in outcomes.values() if isinstance(o, ValidationError)]
    assert len(refused) == 2 and refused[0].messages == ["This passage is already saved as a snippet of this source."]


@pytest.mark.django_db
def test_an_expired_invitation_does_not_block_a_new_one(lead):
    draft = factories.draft(lead)
    old, _ = invite(draft, lead)
    Invitation.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(days=1))
    new, _ = invite(draft, lead)
    old.refresh_from_db()
    assert new.pk != old.pk and old.revoked_at is not None


@pytest.fixture
def review(lead, cofiler):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    invitation, _ = invite(draft, lead, email=cofiler.email)
    cofilers.invitation_accept(invitation=invitation, user=cofiler)
    draft_services.draft_circulate(draft=draft, user=lead)
    return draft


def token_in(html):
    return html.split('name="form_token" value="', 1)[1].split('"', 1)[0]


@pytest.mark.django_db
def test_a_replayed_comment_post_makes_one_comment_and_a_new_form_another(client, cofiler, review):
    client.force_login(cofiler)
    page = client.get(f"/drafts/{review.pk}/review/").content.decode()
    data = {"text": "Agreed.", "form_token": token_in(page)}
    for _ in range(3):
        assert client.post(f"/drafts/{review.pk}/comments/", data).status_code == 302
    assert Comment.objects.filter(draft=review).count() == 1
    again = client.get(f"/drafts/{review.pk}/review/").content.decode()
    client.post(f"/drafts/{review.pk}/comments/", {"text": "Agreed.", "form_token": token_in(again)})
    assert list(Comment.objects.filter(draft=review).values_list("text", flat=True)) == ["Agreed.", "Agreed."]


@pytest.mark.django_db
def test_a_replayed_save_version_post_makes_one_version(client, lead, review):
    client.force_login(lead)
    page = client.get(f"/drafts/{review.pk}/").content.decode()
    before = DraftVersion.objects.filter(draft=review).count()
    token = token_in(page)
    for _ in range(2):
        assert client.post(f"/drafts/{review.pk}/versions/save/", {"form_token": token}).status_code == 302
    assert DraftVersion.objects.filter(draft=review).count() == before + 1


@postgres_threads
def test_two_concurrent_posts_of_one_comment_form_make_one(cofiler, review):
    outcomes = at_once(lambda name: cofilers.comment_add(draft=review, user=cofiler, text="Agreed.",
                                                         form_token="one-form").pk, ["first", "second", "third"])
    assert len(set(outcomes.values())) == 1
    assert Comment.objects.filter(draft=review).count() == 1
