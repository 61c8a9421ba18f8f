from datetime import date

import pytest
from django.core.files.base import ContentFile

from resolutions.drafts.services import draft_circulate
from resolutions.models import Draft, Submission
from tests import factories
from tests.resolutions import pdf_builders as b

SUBMITTED = date(2026, 11, 16)


@pytest.fixture
def filed(lead, cofiler):
    """A proposal submitted on November 16, 2026 by the lead and one co-filer; last year's proxy March 20, 2026."""
    company = factories.company(name="Lone Example Energy", prior_proxy_date=date(2026, 3, 20),
                                annual_meeting_date=date(2026, 5, 5))
    draft = factories.draft(lead, company=company, title="Report on Measured Methane",
                            clauses=[("whereas", "Methane warms fast."), ("resolved", "Shareholders request a report.")])
    draft.topics.add(factories.topic("Climate"))
    b.join(draft, cofiler)
    version = draft_circulate(draft=draft, user=lead)
    Submission.objects.create(draft=draft, version=version, submitted_on=SUBMITTED, method="email",
                              recipient="Secretary", proof=ContentFile(b"%PDF-1.7", name="r.pdf"), proof_name="r.pdf",
                              proof_type="application/pdf")
    Draft.objects.filter(pk=draft.pk).update(status=Draft.Status.FILED)
    draft.refresh_from_db()
    return draft
