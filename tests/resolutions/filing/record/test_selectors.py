"""The reads behind the dashboard's "due soon" panel, the calendar feed and the reminders."""
from datetime import date

import pytest

from resolutions.filing.record.models import DeficiencyNotice, EngagementMeeting
from resolutions.filing.record.selectors import user_clocks
from resolutions.models import Draft
from tests import factories

pytestmark = pytest.mark.django_db


def submitted(lead, cofiler, draft=None):
    """A submitted draft with a deficiency notice to the co-filer and an engagement meeting."""
    draft = draft or factories.draft(lead, company=factories.company(prior_proxy_date=date(2026, 3, 20)))
    Draft.objects.filter(pk=draft.pk).update(status=Draft.Status.FILED)
    DeficiencyNotice.objects.create(draft=draft, organization=cofiler.organization, sent_on=date(2026, 11, 25),
                                    received_on=date(2026, 11, 27), says="Proof of ownership short.")
    EngagementMeeting.objects.create(draft=draft, meets_on=date(2026, 12, 10))
    return draft


def test_a_filers_clocks_are_read_in_four_queries_however_many_proposals(filed, lead, cofiler,
                                                                          django_assert_num_queries):
    submitted(lead, cofiler, filed)
    with django_assert_num_queries(4):  # the drafts with their one-to-one rows; notices, their filers; meetings
        one = user_clocks(lead)
    more = [submitted(lead, cofiler) for _ in range(2)]
    with django_assert_num_queries(4):
        three = user_clocks(lead)
    assert {row.draft.pk for row in one} == {filed.pk}
    assert {row.draft.pk for row in three} == {filed.pk, *(draft.pk for draft in more)}
    labels = [row.clock.label for row in three if row.draft.pk == more[0].pk]
    assert "last day for Pension Fund of Tests's response to its deficiency notice" in labels
    assert "engagement meeting with the company" in labels
