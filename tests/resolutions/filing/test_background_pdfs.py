"""A long draft's proposal PDF and letters are made in the background, the packet's way: a progress page, then the file."""
import pytest
from django.test import override_settings

from resolutions.drafts.limits import DraftLimits
from resolutions.drafts.services import version_save
from resolutions.filing import exports
from resolutions.filing.pdf.render import PDFRenderTimeout
from resolutions.filing.selectors import renders_in_background
from resolutions.models import AuditEvent, PacketExport
from tests import factories
from tests.resolutions import pdf_builders as b

from .test_views import body, get_as

pytestmark = pytest.mark.django_db

# The threshold a quarter of 4,000: a draft of a few short clauses is "long", so the tests render quickly.
SMALL_LIMIT = override_settings(DRAFT_MAX_CHARS=4_000)
CLAUSE = "Methane leaks from wells and pipelines rose sharply in the basin last year. " * 4  # 304 characters


@pytest.fixture
def long(lead, cofiler):
    draft = factories.draft(lead, clauses=[("whereas", CLAUSE)] * 4 + [("resolved", "Shareholders request a report.")])
    b.join(draft, cofiler)
    version = version_save(draft=draft, user=lead)
    b.sign(version, cofiler, signed_at=b.at(5))
    return version


def test_the_threshold_is_a_quarter_of_the_draft_limit(lead):
    text = "x" * 19_999
    at_limit = factories.draft(lead, clauses=[("whereas", text)] * 10)
    assert renders_in_background(version_save(draft=at_limit, user=lead))
    real = factories.draft(lead, clauses=[("whereas", "x" * 700)] * 5)  # a 500-word proposal
    assert not renders_in_background(version_save(draft=real, user=lead))
    assert DraftLimits().background_render_chars == 50_000


@SMALL_LIMIT
def test_a_long_drafts_proposal_answers_with_its_progress_then_the_file(client, lead, long,
                                                                       django_capture_on_commit_callbacks):
    url = f"/drafts/{long.draft_id}/versions/{long.number}/proposal.pdf"
    with django_capture_on_commit_callbacks() as queued:
        response = get_as(client, lead, url)
    export = PacketExport.objects.get(kind=PacketExport.Kind.PROPOSAL)
    page_url = f"/drafts/{long.draft_id}/pdfs/{export.pk}/"
    assert response.status_code == 302 and response["Location"] == page_url
    page = client.get(page_url).content.decode()
    assert "Proposal PDF of version 1" in page and "made in the background" in page
    assert 'hx-trigger="every 1s"' in page and "Waiting to start" in page
    assert not AuditEvent.objects.filter(verb=AuditEvent.Verb.EXPORTED).exists()

    with django_capture_on_commit_callbacks():
        again = client.get(url)  # a second click while it is made starts nothing more
    assert again["Location"] == page_url and PacketExport.objects.count() == 1

    for callback in queued:  # the Celery task (eager here)
        callback()
    partial = client.get(page_url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in partial and "<nav" not in partial
    assert f'href="{page_url}file.pdf">Download the proposal PDF</a>' in partial
    download = client.get(f"{page_url}file.pdf")
    pdf = body(download)
    assert download.status_code == 200 and pdf.startswith(b"%PDF")
    stored = client.get(url)  # now stored: served at once, like a short draft's
    assert stored.status_code == 200 and body(stored) == pdf
    assert AuditEvent.objects.filter(verb=AuditEvent.Verb.EXPORTED).count() == 1


@SMALL_LIMIT
def test_a_long_drafts_letter_is_made_in_the_background_for_its_filer_only(client, lead, cofiler, outsider, long,
                                                                           django_capture_on_commit_callbacks):
    url = f"/drafts/{long.draft_id}/versions/{long.number}/letters/{cofiler.organization_id}.pdf"
    with django_capture_on_commit_callbacks(execute=True):  # eager Celery: made before the answer
        response = get_as(client, cofiler, url)
    export = PacketExport.objects.get(kind=PacketExport.Kind.LETTER)
    assert export.status == PacketExport.Status.DONE and export.organization_id == cofiler.organization_id
    page = client.get(response["Location"]).content.decode()
    assert f"Download the letter of {cofiler.organization}" in page
    assert body(client.get(f"{response['Location']}file.pdf")).startswith(b"%PDF")
    own = get_as(client, lead, f"/drafts/{long.draft_id}/versions/{long.number}/letters/{lead.organization_id}.pdf")
    lead_export = PacketExport.objects.get(kind=PacketExport.Kind.LETTER, organization=lead.organization)
    assert own["Location"] == f"/drafts/{long.draft_id}/pdfs/{lead_export.pk}/"
    assert get_as(client, cofiler, own["Location"]).status_code == 404, "another filer's letter"
    assert get_as(client, outsider, response["Location"]).status_code == 404
    not_filing = f"/drafts/{long.draft_id}/versions/{long.number}/letters/{outsider.organization_id}.pdf"
    assert get_as(client, lead, not_filing).status_code == 404


@SMALL_LIMIT
def test_a_render_stopped_at_its_limit_is_shown_on_the_page(client, lead, long, monkeypatch,
                                                            django_capture_on_commit_callbacks):
    def too_slow(self):
        raise PDFRenderTimeout(60)

    monkeypatch.setattr(exports.ProposalDocument, "render", too_slow)
    with django_capture_on_commit_callbacks(execute=True):
        response = get_as(client, lead, f"/drafts/{long.draft_id}/versions/{long.number}/proposal.pdf")
    page = client.get(response["Location"]).content.decode()
    assert "The PDF could not be made: The PDF took longer than 60 seconds to render and was stopped." in page
    assert client.get(f"{response['Location']}file.pdf")["Location"] == response["Location"], "no file to serve"
    assert PacketExport.objects.get().status == PacketExport.Status.FAILED


def test_a_short_draft_still_answers_with_the_file(client, lead, long):
    response = get_as(client, lead, f"/drafts/{long.draft_id}/versions/{long.number}/proposal.pdf")
    assert response.status_code == 200 and body(response).startswith(b"%PDF")
    assert not PacketExport.objects.exists()
