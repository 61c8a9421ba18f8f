"""The evidence library's import and export pages: CSL-JSON and BibTeX in, CSL-JSON and CSV out."""
import csv
import io
import json
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from evidence import services
from evidence.interchange import parse_csl_json
from evidence.models import Source
from tests import factories
from tests.evidence.test_services import counts

pytestmark = pytest.mark.django_db


def test_the_import_page_reports_new_merged_and_rejected_entries(lead_client):
    items = [{"id": "a", "type": "report", "title": "Cloud report", "URL": "https://example.org/cloud"},
             {"id": "b", "type": "report", "title": "Cloud report again", "URL": "https://example.org/cloud/"},
             {"id": "c", "type": "webpage", "title": "Trap", "URL": "javascript:alert(1)"}]
    upload = SimpleUploadedFile("zotero.json", json.dumps(items).encode(), content_type="application/json")

    content = lead_client.post("/evidence/import/", {"file": upload}).content.decode()

    assert "1 new source, 1 merged with sources already in the library, 1 rejected." in content
    assert "<td>Trap</td><td>Only web pages" in content
    assert Source.objects.count() == 1


@pytest.mark.parametrize(("name", "data", "message"), [
    ("zotero.json", b'[{"title": "Unclosed"', "This is not valid CSL-JSON: line 1"),
    ("library.bib", b"@article{key, title = {Unclosed", "No BibTeX entries could be read: line 1"),
])
def test_a_malformed_import_file_shows_the_reason_and_saves_nothing(lead_client, name, data, message):
    factories.source()
    before = counts()

    response = lead_client.post("/evidence/import/", {"file": SimpleUploadedFile(name, data)})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert counts() == before


def test_exported_csl_json_reads_back_as_the_same_sources(lead_client, lead):
    services.source_create(user=lead, kind="news", title="Police deals", publisher="City Paper",
                           authors=["Jane Doe"], published=date(2024, 5, 2), url="https://example.org/news")
    services.source_create(user=lead, kind="report", title="Cloud report")

    response = lead_client.get("/evidence/export/sources.json")

    assert response["Content-Disposition"] == 'attachment; filename="whereas-sources.json"'
    records = parse_csl_json(response.content).records
    assert [(r.kind, r.title, r.authors, r.publisher, r.published, r.url) for r in records] == [
        ("report", "Cloud report", [], "", None, ""),
        ("news", "Police deals", ["Jane Doe"], "City Paper", date(2024, 5, 2), "https://example.org/news"),
    ]


def test_exported_csv_has_a_row_per_matching_snippet_with_footnote_and_stale_reason(lead_client, lead):
    source = factories.source(title="Old report", publisher="Research Group", published=date(2015, 6, 1))
    services.snippet_create(user=lead, source=source, quote="=HYPERLINK(\"https://evil.example\")", pinpoint="p. 2",
                            topics=[factories.topic("Water"), factories.topic("Climate")],
                            companies=[factories.company(name="Zeta Corp"), factories.company(name="Acme Corp")])
    services.snippet_create(user=lead, source=source, quote="Cameras spread.")

    response = lead_client.get("/evidence/export/snippets.csv", {"q": "hyperlink"})

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert rows[0]["quote"] == "'=HYPERLINK(\"https://evil.example\")"
    assert rows[0]["footnote (Chicago)"] == f"Old Report (Research Group, June 1, 2015), 2, {source.url}."
    assert rows[0]["stale"] == "Source published June 1, 2015, 11 years ago"
    assert (rows[0]["topics"], rows[0]["companies"]) == ("Climate; Water", "Acme Corp; Zeta Corp")


def test_an_export_of_more_snippets_than_a_csv_holds_is_refused_with_the_count(lead_client, settings):
    settings.EVIDENCE_CSV_MAX_ROWS = 2
    for quote in ("Water use rose.", "Water tables fell.", "Water rights were sold."):
        factories.snippet(quote=quote)

    refused = lead_client.get("/evidence/export/snippets.csv")
    narrowed = lead_client.get("/evidence/export/snippets.csv", {"q": "tables"})

    assert refused.status_code == 400
    assert refused.content.decode() == ("Nothing was exported: 3 snippets match, and one CSV holds at most 2. Add "
                                        "search words or filters (a topic, a company, a kind of source, dates), then "
                                        "download again.")
    assert narrowed.status_code == 200
    assert [row["quote"] for row in csv.DictReader(io.StringIO(narrowed.content.decode()))] == ["Water tables fell."]


def test_the_search_page_offers_the_download_only_for_what_a_csv_holds(lead_client, settings):
    settings.EVIDENCE_CSV_MAX_ROWS = 1
    factories.snippet(quote="Water use rose.")
    factories.snippet(quote="Water tables fell.")

    everything = lead_client.get("/evidence/").content.decode()
    one = lead_client.get("/evidence/", {"q": "tables"}).content.decode()

    assert "Download these snippets" not in everything
    assert "A CSV holds up to 1 snippet: add words or filters to download these." in everything
    assert 'href="/evidence/export/snippets.csv?q=tables" download>Download these snippets (CSV)' in one


def test_an_export_whose_filters_are_not_understood_exports_nothing_and_says_which(lead_client):
    factories.snippet(quote="Water use rose.")

    response = lead_client.get("/evidence/export/snippets.csv", {"q": "water", "published_from": "2026-02-30"})
    page = lead_client.get("/evidence/", {"q": "water", "published_from": "2026-02-30"}).content.decode()

    assert response.status_code == 400
    assert response.content.decode() == "Nothing was exported: Published from: Enter a valid date."
    assert "Download these snippets" not in page
