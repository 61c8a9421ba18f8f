"""The evidence pages over HTTP: source page, capture, forms, uploads, escaping and permissions."""
from datetime import date

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from evidence import services
from evidence.forms import ImportForm, SourceForm
from evidence.models import Snippet, Source
from tests import factories
from tests.evidence.test_services import PROFILE_HEADINGS, counts, first_sentence_under, profile_text

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
SOURCE_POST = {"kind": "report", "title": "Cloud report", "publisher": "Watchdog", "url": "https://example.org/cloud"}


def formset_post(*quotes, **extra):
    data = {"snippets-TOTAL_FORMS": str(len(quotes)), "snippets-INITIAL_FORMS": "0",
            "snippets-MIN_NUM_FORMS": "1", "snippets-MAX_NUM_FORMS": "5"}
    for index, quote in enumerate(quotes):
        data[f"snippets-{index}-quote"] = quote
    return {**data, **extra}


def unspaced(text):
    """File sizes are written with no-break spaces."""
    return [unspaced(item) for item in text] if isinstance(text, list) else text.replace("\xa0", " ")


class SixtyMegabytes(SimpleUploadedFile):
    """Claims 60 MB without holding it; reading it before the size check is a bug."""

    def __init__(self, name):
        super().__init__(name, b"%PDF-1.4 tiny", content_type="application/pdf")
        self.size = 60 * 1024 * 1024

    def read(self, *args):
        raise AssertionError("the file was read before its size was checked")


@pytest.fixture
def profile(lead) -> Source:
    return services.source_create(user=lead, kind="report", title="Calder Logistics company profile",
                                  publisher="Research Group", url="https://example.org/profile",
                                  full_text=profile_text())


# --- Source page ------------------------------------------------------------------------


def test_the_source_page_shows_each_snippet_with_its_footnote_age_and_stale_flag(lead_client, lead):
    source = factories.source(title="Amazon Company Profile", publisher="Research Group",
                              published=date(2021, 10, 5), url="https://example.org/profile")
    services.snippet_create(user=lead, source=source, quote="A fact.", pinpoint="§ Prison Surveillance")

    content = lead_client.get(f"/evidence/sources/{source.pk}/").content.decode()

    assert ("Amazon Company Profile (Research Group, October 5, 2021), § Prison Surveillance, "
            "https://example.org/profile.") in content
    assert "5 years old" in content and "stale-badge" in content
    assert "not yet verified" in content


def test_the_source_page_lists_the_drafts_the_user_can_see_and_citing_precedents(lead_client, lead, outsider):
    source = factories.source()
    snippet = services.snippet_create(user=lead, source=source, quote="A fact.")
    factories.draft(lead, title="Our due diligence draft", clauses=[("whereas", f"A.[[snippet:{snippet.pk}]]")])
    factories.draft(outsider, title="Their private draft", clauses=[("whereas", f"B.[[snippet:{snippet.pk}]]")])

    content = lead_client.get(f"/evidence/sources/{source.pk}/").content.decode()

    assert "Our due diligence draft" in content
    assert "Their private draft" not in content


def test_a_source_without_cites_or_text_says_what_to_do(lead_client, lead):
    source = services.source_create(user=lead, title="Bare source")

    content = lead_client.get(f"/evidence/sources/{source.pk}/").content.decode()

    assert "Paste or upload its text" in content
    assert "No draft of yours and no precedent cites this source yet" in content
    assert "No snippets from this source yet" in content


# --- Capture -------------------------------------------------------------------------------


def test_three_passages_captured_through_the_page_get_their_section_headings(lead_client, profile):
    text = profile_text()
    for heading in PROFILE_HEADINGS:
        passage = first_sentence_under(text, heading)

        response = lead_client.post(f"/evidence/sources/{profile.pk}/capture/", {"quote": passage},
                                    HTTP_HX_REQUEST="true")

        content = response.content.decode()
        assert response.status_code == 200
        assert f"Snippet saved at § {heading}" in content
        assert 'id="snippets" aria-labelledby="snippets-heading" hx-swap-oob="true"' in content
    assert sorted(profile.snippets.values_list("pinpoint", flat=True)) == sorted(f"§ {h}" for h in PROFILE_HEADINGS)


def test_a_passage_altered_by_one_word_is_refused_through_the_page_with_the_reason(lead_client, profile):
    words = first_sentence_under(profile_text(), "Political Spending").split()
    words[2] = "purple"

    response = lead_client.post(f"/evidence/sources/{profile.pk}/capture/", {"quote": " ".join(words)},
                                HTTP_HX_REQUEST="true")

    assert response.status_code == 400
    assert "This passage is not in the source&#x27;s stored text." in response.content.decode()
    assert not Snippet.objects.exists()


def test_capture_without_htmx_goes_back_to_the_snippet_or_shows_the_refusal(lead_client, profile):
    passage = first_sentence_under(profile_text(), "Driver Classification")

    saved = lead_client.post(f"/evidence/sources/{profile.pk}/capture/", {"quote": passage})
    refused = lead_client.post(f"/evidence/sources/{profile.pk}/capture/", {"quote": ""})

    snippet = Snippet.objects.get()
    assert saved["Location"] == f"/evidence/sources/{profile.pk}/#snippet-{snippet.pk}"
    assert refused.status_code == 400
    assert "Paste the passage you want to quote." in refused.content.decode()


# --- Source and snippets in one form ---------------------------------------------------------


def test_a_source_and_two_snippets_are_saved_in_one_form(lead_client, lead):
    text = "Overview\n\nSales grew by 40 percent.\n\nLabor\n\nWorkers reported long shifts.\n"

    response = lead_client.post("/evidence/snippets/new/", {
        **SOURCE_POST, "full_text": text, **formset_post("Sales grew by 40 percent.", "reported long shifts", ""),
    })

    source = Source.objects.get()
    assert response["Location"] == f"/evidence/sources/{source.pk}/"
    assert source.added_by == lead and source.url == "https://example.org/cloud"
    assert sorted(source.snippets.values_list("quote", "pinpoint")) == [
        ("Sales grew by 40 percent.", "§ Overview"), ("reported long shifts", "§ Labor")]


def test_a_quote_missing_from_the_pasted_text_is_shown_on_its_form_and_nothing_is_saved(lead_client):
    response = lead_client.post("/evidence/snippets/new/", {
        **SOURCE_POST, "full_text": "Sales grew by 40 percent.\n",
        **formset_post("Sales grew by 40 percent.", "Sales grew by 50 percent."),
    })

    assert response.status_code == 400
    assert "This passage is not in the source&#x27;s stored text." in response.content.decode()
    assert counts() == (0, 0)


def test_an_empty_quote_is_refused_with_a_clear_message(lead_client):
    response = lead_client.post("/evidence/snippets/new/", {**SOURCE_POST, **formset_post("   ")})

    assert response.status_code == 400
    assert "Paste the passage you want to quote." in response.content.decode()
    assert counts() == (0, 0)


def test_a_javascript_url_is_refused_on_the_form_and_nothing_is_saved(lead_client):
    response = lead_client.post("/evidence/snippets/new/", {
        **SOURCE_POST, "url": "javascript:alert(document.cookie)", **formset_post("A fact."),
    })

    assert response.status_code == 400
    assert "not “javascript:” links" in response.content.decode()
    assert counts() == (0, 0)


def test_snippets_can_be_added_to_an_existing_source(lead_client, profile):
    passage = first_sentence_under(profile_text(), "Warehouse Injury Rates")

    response = lead_client.post(f"/evidence/snippets/new/?source={profile.pk}", formset_post(passage))

    assert response["Location"] == f"/evidence/sources/{profile.pk}/"
    assert profile.snippets.get().pinpoint == "§ Warehouse Injury Rates"
    assert Source.objects.count() == 1


# --- Uploads ------------------------------------------------------------------------------------


def test_the_source_form_refuses_a_60_mb_file_before_reading_it():
    form = SourceForm(data={"kind": "report", "title": "Huge"}, files={"text_file": SixtyMegabytes("huge.pdf")})

    assert not form.is_valid()
    assert unspaced(form.errors["text_file"]) == ["“huge.pdf” is 60.0 MB; the largest file accepted is 10.0 MB."]
    assert settings.MAX_UPLOAD_BYTES == 10 * 1024 * 1024


def test_the_import_form_refuses_a_60_mb_file_before_reading_it():
    form = ImportForm(data={}, files={"file": SixtyMegabytes("zotero.json")})

    assert unspaced(form.errors["file"]) == ["“zotero.json” is 60.0 MB; the largest file accepted is 10.0 MB."]


@override_settings(MAX_UPLOAD_BYTES=1000)
def test_an_upload_over_the_limit_is_refused_by_the_page_and_nothing_is_saved(lead_client):
    upload = SimpleUploadedFile("notes.txt", b"x" * 2048, content_type="text/plain")

    response = lead_client.post("/evidence/sources/new/", {**SOURCE_POST, "text_file": upload})

    assert response.status_code == 400
    assert "“notes.txt” is 2.0 KB; the largest file accepted is 1000 bytes." in unspaced(response.content.decode())
    assert counts() == (0, 0)


def test_an_uploaded_web_page_becomes_the_stored_text(lead_client):
    page = b"<html><head><title>x</title></head><body><h2>Labor</h2><p>Shifts ran ten hours.</p></body></html>"
    upload = SimpleUploadedFile("page.html", page, content_type="text/html")

    lead_client.post("/evidence/sources/new/", {**SOURCE_POST, "text_file": upload})

    source = Source.objects.get()
    assert source.full_text == "Labor\n\nShifts ran ten hours."
    assert source.text_file.name.endswith("page.html")


def test_an_unreadable_upload_is_refused_with_the_reason(lead_client):
    upload = SimpleUploadedFile("scan.pdf", b"not a pdf at all", content_type="application/pdf")

    response = lead_client.post("/evidence/sources/new/", {**SOURCE_POST, "text_file": upload})

    assert "This file is not a PDF, although its name ends in .pdf." in response.content.decode()
    assert counts() == (0, 0)


# --- Escaping -----------------------------------------------------------------------------------


def test_a_script_in_a_quote_or_source_text_is_shown_as_text_everywhere(lead_client, lead):
    source = services.source_create(user=lead, title=f"Title {SCRIPT}", full_text=f"Intro\n\nSaid {SCRIPT} here.\n")
    snippet = services.snippet_capture(user=lead, source=source, quote=f"Said {SCRIPT} here.")

    pages = [
        lead_client.get("/evidence/").content.decode(),
        lead_client.get("/evidence/", {"q": "alert"}).content.decode(),
        lead_client.get(f"/evidence/sources/{source.pk}/").content.decode(),
        lead_client.get(f"/evidence/snippets/{snippet.pk}/edit/").content.decode(),
        lead_client.get(f"/evidence/snippets/{snippet.pk}/delete/").content.decode(),
    ]

    for content in pages:
        assert "<script>alert" not in content
        assert "&lt;script&gt;" in content


# --- Editing, deleting, verifying ----------------------------------------------------------------


def test_someone_elses_snippet_cannot_be_edited_or_deleted(client, lead, outsider, curator):
    snippet = services.snippet_create(user=lead, source=factories.source(), quote="A fact.")
    client.force_login(outsider)

    for url in (f"/evidence/snippets/{snippet.pk}/edit/", f"/evidence/snippets/{snippet.pk}/delete/"):
        assert client.get(url).status_code == 403
        assert client.post(url, {"quote": "Changed."}).status_code == 403
    assert Snippet.objects.get().quote == "A fact."

    client.force_login(curator)
    response = client.post(f"/evidence/snippets/{snippet.pk}/edit/", {"quote": "A checked fact."})
    assert response.status_code == 302 and Snippet.objects.get().quote == "A checked fact."


def test_someone_elses_source_cannot_be_edited(client, lead, outsider):
    source = services.source_create(user=lead, title="Mine")
    client.force_login(outsider)

    assert client.get(f"/evidence/sources/{source.pk}/edit/").status_code == 403
    assert client.post(f"/evidence/sources/{source.pk}/edit/", {"kind": "report", "title": "Theirs"}).status_code == 403


def test_the_author_edits_a_snippet_and_a_wrong_quote_is_refused(lead_client, lead, profile):
    snippet = services.snippet_capture(user=lead, source=profile,
                                       quote=first_sentence_under(profile_text(), "Driver Classification"))

    refused = lead_client.post(f"/evidence/snippets/{snippet.pk}/edit/", {"quote": "Not in the text at all."})
    saved = lead_client.post(f"/evidence/snippets/{snippet.pk}/edit/",
                             {"quote": snippet.quote, "paraphrase": "Our own words.", "pinpoint": ""})

    assert refused.status_code == 400 and "is not in the source&#x27;s stored text" in refused.content.decode()
    assert saved.status_code == 302
    assert Snippet.objects.get().paraphrase == "Our own words."


def test_deleting_a_cited_snippet_shows_the_drafts_and_keeps_it(lead_client, lead):
    snippet = services.snippet_create(user=lead, source=factories.source(), quote="A fact.")
    factories.draft(lead, title="Customer due diligence", clauses=[("whereas", f"A.[[snippet:{snippet.pk}]]")])

    response = lead_client.post(f"/evidence/snippets/{snippet.pk}/delete/")

    assert response.status_code == 400
    assert "It is cited in “Customer due diligence”." in response.content.decode()
    assert Snippet.objects.exists()


def test_deleting_an_uncited_snippet_returns_to_its_source(lead_client, lead):
    snippet = services.snippet_create(user=lead, source=factories.source(), quote="A fact.")

    response = lead_client.post(f"/evidence/snippets/{snippet.pk}/delete/")

    assert response["Location"] == f"/evidence/sources/{snippet.source_id}/"
    assert not Snippet.objects.exists()


def test_curators_mark_snippets_verified_and_filers_cannot(client, lead, curator):
    snippet = services.snippet_create(user=lead, source=factories.source(), quote="A fact.")
    client.force_login(lead)
    assert client.post(f"/evidence/snippets/{snippet.pk}/verify/").status_code == 403

    client.force_login(curator)
    client.post(f"/evidence/snippets/{snippet.pk}/verify/")

    assert Snippet.objects.get().verified_by == curator
    assert "verified by" in client.get(f"/evidence/sources/{snippet.source_id}/").content.decode()
