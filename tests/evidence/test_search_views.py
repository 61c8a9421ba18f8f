"""The evidence search page: ranking, highlighting, pages, filters, staleness and its query count."""
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evidence import services
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_search_ranks_highlights_and_pages_twenty_at_a_time(lead_client, lead):
    source = factories.source(title="Camera networks")
    for n in range(25):
        services.snippet_create(user=lead, source=source, quote=f"Finding {n}: police cameras spread.")
    services.snippet_create(user=lead, source=factories.source(), quote="Unrelated fact about tobacco.")

    first_page = lead_client.get("/evidence/", {"q": "cameras"})
    second_page = lead_client.get("/evidence/", {"q": "cameras", "page": 2})
    first, second = first_page.content.decode(), second_page.content.decode()

    assert "25 snippets matching “cameras”" in first
    assert [len(first_page.context["page"]), len(second_page.context["page"])] == [20, 5]
    assert "<mark>cameras</mark>" in first
    assert "tobacco" not in first + second
    assert 'href="?q=cameras&amp;page=2"' in first


def test_an_htmx_search_returns_only_the_results(lead_client, lead):
    services.snippet_create(user=lead, source=factories.source(), quote="Police cameras spread.")

    response = lead_client.get("/evidence/", {"q": "police"}, HTTP_HX_REQUEST="true")

    content = response.content.decode()
    assert "<mark>Police</mark>" in content
    assert "<html" not in content and 'role="search"' not in content


def test_search_filters_by_topic_and_date_range(lead_client, lead):
    topic = factories.topic("Civil rights")
    services.snippet_create(user=lead, source=factories.source(published=date(2024, 3, 1)),
                            quote="Wanted fact.", topics=[topic])
    services.snippet_create(user=lead, source=factories.source(published=date(2018, 3, 1)),
                            quote="Too old fact.", topics=[topic])
    services.snippet_create(user=lead, source=factories.source(published=date(2024, 3, 1)), quote="Off-topic fact.")

    content = lead_client.get("/evidence/", {"topic": topic.pk, "published_from": "2020-01-01",
                                             "published_to": "2025-01-01", "kind": "report"}).content.decode()

    assert "Wanted fact." in content
    assert "Too old fact." not in content and "Off-topic fact." not in content


def test_an_empty_library_says_how_to_add_evidence_and_a_fruitless_search_how_to_widen_it(lead_client):
    assert "Add a source and the passages you want to quote" in lead_client.get("/evidence/").content.decode()
    assert "No snippet matches these filters" in lead_client.get("/evidence/", {"q": "zebra"}).content.decode()


def test_stale_snippets_are_flagged_in_the_results(lead_client, lead):
    services.snippet_create(user=lead, source=factories.source(published=date(2015, 6, 1)), quote="Old fact.")

    content = lead_client.get("/evidence/").content.decode()

    assert '<span class="badge stale-badge">Stale</span>' in content
    assert "Source published June 1, 2015, 11 years ago" in content


def test_each_card_shows_its_topics_and_companies_by_name(lead_client, lead):
    source = factories.source()
    services.snippet_create(user=lead, source=source, quote="Tagged fact.",
                            topics=[factories.topic("Water"), factories.topic("Climate")],
                            companies=[factories.company(name="Zeta <Corp>")])
    services.snippet_create(user=lead, source=source, quote="Bare fact.")

    for page in ("/evidence/", source.get_absolute_url()):
        content = lead_client.get(page).content.decode()
        tagged, bare = content.split("Tagged fact.")[1].split("</article>")[0], \
            content.split("Bare fact.")[1].split("</article>")[0]
        assert ('<span class="badge text-bg-light border">Climate</span> <span class="badge text-bg-light border">'
                'Water</span>') in tagged and '<span class="badge text-bg-secondary">Zeta &lt;Corp&gt;</span>' in tagged
        assert bare.count('class="badge text-bg-light border"') == 1 and "text-bg-secondary" not in bare  # its age


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/evidence/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_search_page_costs_the_same_queries_for_three_snippets_or_twenty(lead_client, lead):
    topic, company = factories.topic(), factories.company()

    def queries_for_page():
        with CaptureQueriesContext(connection) as captured:
            lead_client.get("/evidence/")
        return len(captured)

    for n in range(3):
        services.snippet_create(user=lead, source=factories.source(), quote=f"Fact {n}.", topics=[topic],
                                companies=[company])
    lead_client.get("/evidence/")  # the bell's count, kept from here on (see the next test)
    few = queries_for_page()
    for n in range(3, 20):
        services.snippet_create(user=lead, source=factories.source(), quote=f"Fact {n}.", topics=[topic],
                                companies=[company])

    assert queries_for_page() == few
