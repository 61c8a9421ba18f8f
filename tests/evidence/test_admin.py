"""The evidence admin: curators' pages, saving through the same services as the app."""
import pytest

from accounts.models import User
from evidence import services
from evidence.models import Snippet, Source
from tests import factories

pytestmark = pytest.mark.django_db


def test_curators_manage_sources_and_snippets_in_the_admin(client, make_user, lead):
    client.force_login(make_user("librarian@test.example", staff=True, is_superuser=True))
    source = services.source_create(user=lead, title="Cloud report", url="https://example.org/cloud")
    snippet = services.snippet_create(user=lead, source=source, quote="A fact.")
    factories.draft(lead, clauses=[("whereas", f"A.[[snippet:{snippet.pk}]]")])

    for url in ["/admin/evidence/source/?q=cloud", f"/admin/evidence/source/{source.pk}/change/",
                "/admin/evidence/snippet/?q=fact", f"/admin/evidence/snippet/{snippet.pk}/change/"]:
        assert client.get(url).status_code == 200, url
    assert client.get(f"/admin/evidence/snippet/{snippet.pk}/delete/").status_code == 403

    client.post(f"/admin/evidence/source/{source.pk}/change/", {
        "kind": "report", "title": "Renamed ledger", "authors": "[]", "url": "javascript:alert(1)",
        "snippets-TOTAL_FORMS": "1", "snippets-INITIAL_FORMS": "1", "snippets-0-id": snippet.pk,
        "snippets-0-source": source.pk,
    })
    assert Source.objects.get().url == "https://example.org/cloud"  # refused
    client.post(f"/admin/evidence/source/{source.pk}/change/", {
        "kind": "report", "title": "Renamed ledger", "authors": "[]", "url": "https://example.org/cloud/",
        "snippets-TOTAL_FORMS": "1", "snippets-INITIAL_FORMS": "1", "snippets-0-id": snippet.pk,
        "snippets-0-source": source.pk,
    })
    assert list(Snippet.objects.search("ledger")) == [snippet]


@pytest.fixture
def curator_admin(client, make_user):
    client.force_login(make_user("librarian@test.example", staff=True, is_superuser=True))
    return client


def test_the_snippet_admin_refuses_a_quote_missing_from_the_source_or_saved_already(curator_admin, lead):
    source = services.source_create(user=lead, title="Profile", full_text="Trucks idle.\n\nDrivers wait for hours.")
    services.snippet_create(user=lead, source=source, quote="Trucks idle.")

    missing = curator_admin.post("/admin/evidence/snippet/add/", {"source": source.pk, "quote": "Trucks fly."})
    again = curator_admin.post("/admin/evidence/snippet/add/", {"source": source.pk, "quote": "Trucks  idle."})
    assert missing.status_code == again.status_code == 200  # the form again, with the reason
    assert "This passage is not in the source&#x27;s stored text" in missing.content.decode()
    assert "already saved as a snippet" in again.content.decode()
    assert Snippet.objects.count() == 1

    response = curator_admin.post("/admin/evidence/snippet/add/", {"source": source.pk, "quote": "Drivers  wait"})
    assert response.status_code == 302
    saved = Snippet.objects.get(quote__startswith="Drivers")
    assert (saved.quote, saved.added_by.email) == ("Drivers wait", "librarian@test.example")
    assert list(Snippet.objects.search("drivers")) == [saved]


def test_the_snippet_admin_edits_through_the_service(curator_admin, lead):
    source = services.source_create(user=lead, title="Profile", full_text="Trucks idle.\n\nDrivers wait for hours.")
    services.snippet_create(user=lead, source=source, quote="Trucks idle.")
    second = services.snippet_create(user=lead, source=source, quote="Drivers wait for hours.")
    services.snippet_verify(user=User.objects.get(email="librarian@test.example"), snippet=second)

    refused = curator_admin.post(f"/admin/evidence/snippet/{second.pk}/change/", {"quote": "Trucks idle."})
    assert "already saved as a snippet" in refused.content.decode()
    curator_admin.post(f"/admin/evidence/snippet/{second.pk}/change/", {"quote": "Drivers wait", "paraphrase": "Waits."})
    second.refresh_from_db()
    assert (second.quote, second.paraphrase, second.verified_at) == ("Drivers wait", "Waits.", None)
