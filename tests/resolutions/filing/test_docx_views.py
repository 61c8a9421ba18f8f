"""Downloading the Word copy: lead organization and co-filers, through the draft's gate, stored once."""
import io

import docx
import pytest

from resolutions.models import AuditEvent
from resolutions.services.drafts import version_save
from tests import factories

from .. import pdf_builders as b

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def version(lead, cofiler):
    draft = factories.draft(lead, clauses=[("whereas", "Facts."), ("resolved", "Shareholders request a report.")])
    b.join(draft, cofiler)
    return version_save(draft=draft, user=lead)


def test_lead_and_co_filers_download_the_word_copy_from_the_versions_page(client, version, lead, cofiler):
    url = f"/drafts/{version.draft_id}/versions/{version.number}/proposal.docx"
    for user in (lead, cofiler):
        client.force_login(user)
        page = client.get(f"/drafts/{version.draft_id}/versions/")
        assert f'href="{url}"' in page.content.decode()
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == DOCX
        assert response["Content-Disposition"] == 'attachment; filename="report-on-customer-due-diligence-v1-proposal.docx"'
        paragraphs = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
        assert "WHEREAS: Facts." in paragraphs and "RESOLVED: Shareholders request a report." in paragraphs
    assert version.draft.audit_events.filter(verb=AuditEvent.Verb.EXPORTED).count() == 1


def test_others_get_a_404(client, version, outsider, curator):
    for user in (outsider, curator):
        client.force_login(user)
        assert client.get(f"/drafts/{version.draft_id}/versions/{version.number}/proposal.docx").status_code == 404
    client.force_login(version.draft.created_by)
    assert client.get(f"/drafts/{version.draft_id}/versions/9/proposal.docx").status_code == 404
