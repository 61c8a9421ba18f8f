"""Small stumbles of a filer's day, over HTTP: empty clauses, stale evidence named, notes' links,
search excerpts, and where a new clause goes."""
from datetime import date

import pytest

from resolutions.drafts import services
from resolutions.drafts.services import version_save
from resolutions.filing.pdf.proposal import ProposalDocument
from resolutions.precedents.services import precedent_refresh_search
from resolutions.rule14a8 import check_stale_evidence
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_empty_clause_is_flagged_in_the_checks_and_left_out_of_preview_and_print(lead_client, lead):
    draft = factories.draft(lead, clauses=[("whereas", "Methane leaks."), ("whereas", "<p><br></p>"),
                                           ("resolved", "Shareholders request a report."), ("supporting", "")])
    page = lead_client.get(f"/drafts/{draft.pk}/").content.decode()
    assert "WHEREAS 2 and Supporting statement 1 are empty: write or delete them." in page

    preview = lead_client.get(f"/drafts/{draft.pk}/preview/").content.decode()
    assert preview.count("<strong>WHEREAS:</strong>") == 1
    printed = ProposalDocument.of(version_save(draft=draft, user=lead)).printed_parts()
    assert [part["kind"] for part in printed] == ["whereas", "resolved"]


def test_a_draft_without_empty_clauses_says_so(lead_client, lead):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    assert "Every clause has text." in lead_client.get(f"/drafts/{draft.pk}/").content.decode()


def test_the_stale_sources_warning_names_the_footnotes_and_the_picker_marks_stale_snippets(lead_client, lead):
    old = factories.snippet(factories.source(title="Old Survey", published=date(2015, 3, 1)), quote="Leaks were rare.")
    fresh = factories.snippet(factories.source(title="New Survey", published=date(2026, 3, 1)), quote="Leaks are common.")
    draft = factories.draft(lead, clauses=[("whereas", f"Leaks are common.[[snippet:{fresh.pk}]]"),
                                           ("whereas", f"They were rare.[[snippet:{old.pk}]]")])
    page = lead_client.get(f"/drafts/{draft.pk}/").content.decode()
    assert "1 cited source (footnote 2) is stale" in page

    results = lead_client.get(f"/drafts/{draft.pk}/cite/?q=leaks").content.decode()
    old_result = results[results.index("Leaks were rare."):]
    old_result = old_result[:old_result.index("</button>")]
    assert "stale: Source published March 1, 2015" in old_result
    fresh_result = results[results.index("Leaks are common."):]
    assert "stale" not in fresh_result[:fresh_result.index("</button>")]


def test_the_stale_message_lists_several_footnotes():
    assert "2 cited sources (footnotes 1 and 3) are stale" in check_stale_evidence(2, footnotes=[1, 3]).message


def test_a_note_links_only_what_has_a_scheme_or_www(lead_client, lead):
    draft = factories.draft(lead)
    note = draft.notes.create(text="Amazon.com annual report; see https://example.org/report and www.sec.gov/x.")
    draft.clauses.create(kind="whereas", position=0, text=f"Sales grew.[[note:{note.pk}]]")
    for path in (f"/drafts/{draft.pk}/", f"/drafts/{draft.pk}/preview/"):
        page = lead_client.get(path).content.decode()
        assert 'href="http://Amazon.com"' not in page and "Amazon.com annual report" in page
        assert '<a href="https://example.org/report"' in page
        assert '<a href="https://www.sec.gov/x">www.sec.gov/x</a>' in page
        assert 'href="http://www.sec.gov' not in page


def test_a_search_excerpt_starts_in_the_resolutions_words_not_its_title_and_ticker(client, lead):
    company = factories.company(name="Gas Pipeline Co.", ticker="GPC")
    precedent = factories.precedent(company=company, title="Methane Emissions Report")
    precedent.parts.create(kind="resolved", position=0, text="Shareholders request a report on methane leaks.")
    precedent_refresh_search(precedent=precedent)
    client.force_login(lead)
    page = client.get("/precedents/?q=leaks").content.decode()
    excerpt = page[page.index('<p class="card-text small mb-0">'):]
    excerpt = excerpt[:excerpt.index("</p>")]
    assert "Shareholders request a report on methane <mark>leaks</mark>." in excerpt
    assert "GPC" not in excerpt and "Gas Pipeline Co." not in excerpt


@pytest.mark.parametrize("resolved_first", [False, True])
def test_a_new_clause_goes_at_the_end_of_its_part(lead, resolved_first):
    kinds = ["resolved", "whereas", "supporting"] if resolved_first else ["whereas", "resolved", "supporting"]
    draft = factories.draft(lead, clauses=[(kind, kind) for kind in kinds], resolved_first=resolved_first)
    for kind in ("whereas", "resolved", "supporting"):
        draft.refresh_from_db()
        services.clause_add(draft=draft, expected_revision=draft.revision, user=lead, kind=kind)
    order = [c.kind for c in draft.clauses.order_by("position")]
    assert order == ([k for k in kinds for _ in range(2)])


def test_a_first_recital_goes_where_the_layout_puts_recitals(lead):
    draft = factories.draft(lead, clauses=[("resolved", "r"), ("supporting", "s")])
    services.clause_add(draft=draft, expected_revision=0, user=lead, kind="whereas")
    assert [c.kind for c in draft.clauses.order_by("position")] == ["whereas", "resolved", "supporting"]


def test_the_editor_is_handed_the_servers_one_allowlist(lead_client, lead):
    import html
    import json
    import re

    from resolutions.drafts.rendering import CLAUSE_HTML

    page = lead_client.get(f"/drafts/{factories.draft(lead).pk}/").content.decode()
    handed = json.loads(html.unescape(re.search(r'data-clause-html="([^"]*)"', page).group(1)))
    assert handed == CLAUSE_HTML


def test_a_filer_proposes_a_missing_company_held_unverified_and_deduplicated_by_ticker_and_cik(lead_client):
    from resolutions.models import Company, Draft

    refused = lead_client.post("/drafts/new/", {"title": "Methane Report", "company": "Brand New Energy",
                                                "meeting_year": 2027})
    assert "No company “Brand New Energy” in the library." in refused.content.decode()
    assert not Company.objects.filter(name="Brand New Energy").exists()

    lead_client.post("/drafts/new/", {"title": "Methane Report", "company": "Brand New Energy",
                                      "new_company_ticker": "bnew", "new_company_cik": "1234567", "meeting_year": 2027})
    company = Company.objects.get(name="Brand New Energy")
    assert (company.ticker, company.cik, company.verified) == ("BNEW", "0001234567", False)
    draft = Draft.objects.get(company=company)
    editor = lead_client.get(f"/drafts/{draft.pk}/").content.decode()
    assert "Brand New Energy (BNEW) was proposed by a filer and no curator has verified it yet" in editor

    for ticker, cik in (("BNEW", ""), ("OTHER", "1234567")):  # the same company under another spelling
        lead_client.post("/drafts/new/", {"title": "Water Report", "company": "Brand-New Energy Inc",
                                          "new_company_ticker": ticker, "new_company_cik": cik, "meeting_year": 2027})
    assert Company.objects.filter(verified=False).count() == 1
    assert Draft.objects.filter(company=company).count() == 3

    Company.objects.filter(pk=company.pk).verify()
    assert "no curator has verified" not in lead_client.get(f"/drafts/{draft.pk}/").content.decode()


def test_the_company_type_ahead_suggests_by_name_or_ticker(lead_client):
    factories.company(name="Gas Pipeline Co.", ticker="GPC")
    factories.company(name="Water Works Inc.", ticker="WWI")
    by_name = lead_client.get("/drafts/companies/", {"company": "pipe"}).content.decode()
    assert '<option value="Gas Pipeline Co. (GPC)">' in by_name and "Water Works" not in by_name
    assert "Water Works Inc. (WWI)" in lead_client.get("/drafts/companies/", {"company": "wwi"}).content.decode()


def test_the_company_type_ahead_reads_past_a_nul_byte(lead_client):
    """No name holds one; PostgreSQL refuses a string with one (a 500, before)."""
    factories.company(name="Gas Pipeline Co.", ticker="GPC")
    response = lead_client.get("/drafts/companies/", {"company": "pi\x00pe"})
    assert response.status_code == 200
    assert '<option value="Gas Pipeline Co. (GPC)">' in response.content.decode()
