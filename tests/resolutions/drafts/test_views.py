"""The editor over HTTP: autosave answers, conflicts, access and a fixed query count."""
import re
from pathlib import Path

import pytest

from resolutions.models import Draft
from tests import factories
from tests.corpus import CORPUS, needs_corpus

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(lead):
    return factories.draft(lead, clauses=[("whereas", "Facts matter."), ("resolved", "Shareholders request a report.")])


def save(client, draft, clause, text, revision, **extra):
    return client.post(f"/drafts/{draft.pk}/clauses/{clause.pk}/", {"text": text, "revision": revision, **extra},
                       HTTP_HX_REQUEST="true")


def word_total(content: str) -> int:
    return int(re.search(r'id="word-total">(\d+)<', content).group(1))


def test_an_autosave_says_saved_and_refreshes_the_word_count(lead_client, draft):
    clause = draft.clauses.first()
    before = word_total(lead_client.get(f"/drafts/{draft.pk}/").content.decode())
    response = save(lead_client, draft, clause, "Facts matter a great deal today.", 0)  # 2 words become 6
    content = response.content.decode()
    assert response.status_code == 200
    assert "Saved" in content
    assert 'id="revision" name="revision" value="1"' in content
    assert word_total(content) == before + 4


def test_a_stale_autosave_gets_a_conflict_view_with_both_texts(lead_client, draft):
    clause = draft.clauses.first()
    save(lead_client, draft, clause, "Text saved by a colleague.", 0)
    response = save(lead_client, draft, clause, "My own words, typed meanwhile.", 0)
    content = response.content.decode()
    assert response.status_code == 409
    assert "someone else saved this draft first" in content
    assert "Text saved by a colleague." in content and "My own words, typed meanwhile." in content
    assert draft.clauses.get(pk=clause.pk).text == "Text saved by a colleague."


def test_a_conflict_shows_both_texts_as_they_read_and_the_unsaved_one_sanitized(lead_client, draft):
    snippet = factories.snippet(quote="Sales doubled.")
    clause = draft.clauses.first()
    save(lead_client, draft, clause, f"Saved with a source.[[snippet:{snippet.pk}]]", 0)
    response = save(lead_client, draft, clause, f"Mine is <b>bold</b>.[[snippet:{snippet.pk}]]<script>alert(1)</script>", 0)
    panel = response.content.decode().split('id="conflict"')[1].split("</div>\n</div>")[0]
    assert 'Saved with a source.<sup class="footnote-call">1</sup>' in panel
    assert 'Mine is <b>bold</b>.<sup class="footnote-call">1</sup>' in panel
    assert "<script" not in panel and "[[snippet:" not in panel


def test_an_oversized_clause_is_refused_with_a_message(lead_client, draft):
    response = save(lead_client, draft, draft.clauses.first(), "y" * 100_000, 0)
    assert response.status_code == 400
    assert "80,000 over the limit of 20,000" in response.content.decode()


def test_a_forged_clause_id_is_refused(lead_client, draft, lead):
    foreign = factories.draft(lead, clauses=[("whereas", "Other draft.")]).clauses.first()
    response = save(lead_client, draft, foreign, "Hijack", 0)
    assert response.status_code == 400
    assert "not part of this draft" in response.content.decode()


def test_html_typed_into_a_clause_is_sanitized_and_shown_as_text(lead_client, draft):
    save(lead_client, draft, draft.clauses.first(), "<script>alert(1)</script><b>Bold</b> fact", 0)
    stored = draft.clauses.first().text
    assert "<script>" not in stored and "<b>Bold</b>" in stored
    page = lead_client.get(f"/drafts/{draft.pk}/").content.decode()
    assert "<script>alert(1)" not in page


def test_an_outsider_and_a_curator_get_404_for_a_draft(client, draft, outsider, curator):
    for user in (outsider, curator):
        client.force_login(user)
        assert client.get(f"/drafts/{draft.pk}/").status_code == 404


def test_starting_from_a_precedent_copies_its_parts_and_notes(lead_client, lead):
    from resolutions.precedents.services import PrecedentFields, precedent_save_import

    company = factories.company()
    precedent = precedent_save_import(
        structure={"resolved": ["Shareholders request a report."], "whereas": ["Risks abound.", "- one\n- two"],
                   "supporting": [], "footnotes": [{"number": 1, "text": "A source.", "urls": []}],
                   "calls": [{"part": "whereas", "index": 0, "number": 1, "offset": 12}], "filers": [], "warnings": []},
        fields=PrecedentFields(company=company, meeting_year=2024, title="Due Diligence"),
        source_text="whatever", resolved_first=True,
    )
    response = lead_client.post("/drafts/new/", {"title": "Due Diligence", "company": str(company),
                                                 "meeting_year": 2027, "precedent": precedent.pk})
    draft = Draft.objects.get(based_on=precedent)
    assert response["Location"] == f"/drafts/{draft.pk}/"
    texts = [c.text for c in draft.clauses.all()]
    assert texts[0] == "Shareholders request a report."
    assert texts[1].startswith("Risks abound") and "[[note:" in texts[1]
    assert texts[2] == "<ul><li>one</li><li>two</li></ul>"
    editor = lead_client.get(f"/drafts/{draft.pk}/").content.decode()
    assert "A source." in editor


def test_the_new_draft_page_does_not_list_the_library_but_carries_a_chosen_precedent(lead_client):
    first, second = factories.precedent(title="Water Risk Report"), factories.precedent(title="Methane Disclosure")
    blank = lead_client.get("/drafts/new/").content.decode()
    assert "Water Risk Report" not in blank and "Methane Disclosure" not in blank
    assert "precedent library" in blank

    chosen = lead_client.get(f"/drafts/new/?precedent={second.pk}").content.decode()
    assert f'<input type="hidden" name="precedent" value="{second.pk}"' in chosen
    assert "Methane Disclosure" in chosen and "Water Risk Report" not in chosen
    assert first.pk != second.pk


def test_the_editor_reads_its_settings_form_only_when_the_panel_is_opened(lead_client, draft):
    draft.topics.add(factories.topic("Methane"))
    editor = lead_client.get(f"/drafts/{draft.pk}/").content.decode()
    assert 'name="citation_style"' not in editor and "Methane" not in editor
    assert f'hx-get="/drafts/{draft.pk}/settings/" hx-trigger="toggle once"' in editor
    assert f"""<a href="/drafts/{draft.pk}/settings/">Open the draft's settings</a>""" in editor  # without JavaScript

    Draft.objects.filter(pk=draft.pk).update(title="Renamed meanwhile", revision=3)
    panel = lead_client.get(f"/drafts/{draft.pk}/settings/", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in panel and 'value="Renamed meanwhile"' in panel
    assert 'name="revision" value="3"' in panel
    assert re.search(r'<input type="checkbox" name="topics" value="\d+"[^>]* checked', panel)
    page = lead_client.get(f"/drafts/{draft.pk}/settings/").content.decode()
    assert "<html" in page and 'value="Renamed meanwhile"' in page and "Save settings" in page


def test_only_the_lead_opens_the_settings(client, draft, cofiler):
    client.force_login(cofiler)
    assert client.get(f"/drafts/{draft.pk}/settings/").status_code == 404


# The editor's queries, whatever the number of clauses and citations (session, user, draft, clauses,
# citations, checks...): a query per clause would show as a different count for 50.
EDITOR_QUERIES = 12  # the user with its organization in one query, the topics once (the settings form is read apart)


@pytest.mark.parametrize("clauses", [5, 50])
def test_the_editor_runs_a_fixed_number_of_queries(lead_client, lead, clauses, django_assert_num_queries):
    src = factories.source()
    snippets = [factories.snippet(src, quote=f"Fact {i}") for i in range(clauses)]
    draft = factories.draft(lead, clauses=[("whereas", f"Recital [[snippet:{s.pk}]]") for s in snippets])
    lead_client.get(f"/drafts/{draft.pk}/")
    with django_assert_num_queries(EDITOR_QUERIES):
        assert lead_client.get(f"/drafts/{draft.pk}/").status_code == 200


def test_versions_and_a_redline_between_them(lead_client, draft, lead):
    lead_client.post(f"/drafts/{draft.pk}/versions/save/")
    save(lead_client, draft, draft.clauses.first(), "Facts matter more.", 0)
    lead_client.post(f"/drafts/{draft.pk}/versions/save/")
    assert "Version 2" in lead_client.get(f"/drafts/{draft.pk}/versions/").content.decode()
    redline = lead_client.get(f"/drafts/{draft.pk}/redline/?a=1&b=2").content.decode()
    assert "matter<ins> more</ins>." in redline


def test_the_version_list_names_who_saved_each_in_the_same_queries_for_one_version_or_six(
        lead_client, draft, lead):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_list():
        with CaptureQueriesContext(connection) as captured:
            content = lead_client.get(f"/drafts/{draft.pk}/versions/").content.decode()
        assert content.count(f"by {lead}") == draft.versions.count()
        return len(captured)

    lead_client.post(f"/drafts/{draft.pk}/versions/save/")
    lead_client.get(f"/drafts/{draft.pk}/versions/")  # the bell's count, kept from here on
    one = queries_for_list()
    for _ in range(5):
        lead_client.post(f"/drafts/{draft.pk}/versions/save/")
    assert queries_for_list() == one


@pytest.mark.parametrize("source, title", [
    (FIXTURES / "living-wage-bracketed-calls.txt", "Living Wage Assessment"),
    pytest.param(CORPUS / "amazon-customer-due-diligence-resolution.txt", "Customer Due Diligence",
                 marks=needs_corpus),
], ids=["fixture", "corpus"])
def test_a_draft_from_an_imported_resolution_redlines_against_its_precedent(lead_client, lead, curator_client,
                                                                            source, title):
    from django.core.files.uploadedfile import SimpleUploadedFile

    company = factories.company(name="Amazon.com, Inc.")
    review = curator_client.post("/precedents/import/", {
        "step": "upload", "file": SimpleUploadedFile(source.name, source.read_bytes())})
    form = review.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    curator_client.post("/precedents/import/", {**data, "step": "review", "company": company.pk,
                                                "meeting_year": 2025, "topics": [], "curated": "",
                                                "resolved_first": "on" if data["resolved_first"] else ""})
    from resolutions.models import Precedent

    precedent = Precedent.objects.get(title=title)
    lead_client.post("/drafts/new/", {"title": title, "company": str(company),
                                      "meeting_year": 2027, "precedent": precedent.pk})
    draft = Draft.objects.get(based_on=precedent)
    resolved = draft.clauses.get(kind="resolved")
    assert resolved.text.startswith("Shareholders request")
    save(lead_client, draft, resolved, resolved.text.replace("Shareholders request", "Shareholders urge"), 0)
    page = lead_client.get(f"/drafts/{draft.pk}/redline/?a=precedent").content.decode()
    redline = page.split('class="border rounded p-3 bg-white redline">')[1]
    assert re.findall(r"<(?:del|ins)>[^<]*</(?:del|ins)>", redline) == ["<del>request</del>", "<ins>urge</ins>"]
