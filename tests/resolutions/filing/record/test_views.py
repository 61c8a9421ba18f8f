"""The filing record page: what the lead and a co-filer see and record, bad input answered on the page."""
from datetime import date

import pytest

from resolutions.filing.record import services
from resolutions.models import DeficiencyNotice, VoteResult

pytestmark = pytest.mark.django_db


def test_the_lead_records_a_notice_and_sees_the_response_due_14_days_on(client, filed, lead, cofiler):
    client.force_login(lead)
    response = client.post(f"/drafts/{filed.pk}/record/deficiency-notices/", {
        "organization": cofiler.organization_id, "sent_on": "2026-11-20", "received_on": "2026-11-23",
        "says": "The letter does not cover the full period."}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Respond by December 7, 2026" in page
    assert "Dec 7, 2026" in page  # in the deadlines table
    assert 'type="date"' in page


def test_a_notice_dated_before_the_submission_is_shown_back_with_the_reason(client, filed, lead, cofiler):
    client.force_login(lead)
    response = client.post(f"/drafts/{filed.pk}/record/deficiency-notices/", {
        "organization": cofiler.organization_id, "sent_on": "2026-11-10", "received_on": "2026-11-12",
        "says": "Something."})
    assert response.status_code == 400
    page = response.content.decode()
    assert "before the proposal was submitted (November 16, 2026)" in page and "Nothing was saved" in page
    assert not DeficiencyNotice.objects.exists()


def test_a_vote_over_the_shares_outstanding_is_answered_on_the_page(client, filed, lead):
    client.force_login(lead)
    response = client.post(f"/drafts/{filed.pk}/record/vote/", {
        "meeting_on": "2026-11-30", "votes_for": "900", "votes_against": "200", "abstentions": "5",
        "shares_outstanding": "1000"})
    assert response.status_code == 400
    assert "only 1,000 shares outstanding" in response.content.decode()
    assert not VoteResult.objects.exists()


def test_a_co_filer_sees_its_own_deficiency_notice_and_not_the_leads(client, filed, lead, cofiler):
    own = services.deficiency_notice_record(draft=filed, user=lead, data=services.DeficiencyNoticeInput(
        organization_id=cofiler.organization_id, sent_on=date(2026, 11, 20), received_on=date(2026, 11, 21),
        says="CO-FILER DEFECT"))
    leads = services.deficiency_notice_record(draft=filed, user=lead, data=services.DeficiencyNoticeInput(
        organization_id=lead.organization_id, sent_on=date(2026, 11, 20), received_on=date(2026, 11, 21),
        says="LEAD DEFECT"))
    client.force_login(cofiler)
    page = client.get(f"/drafts/{filed.pk}/record/").content.decode()
    assert "CO-FILER DEFECT" in page and "LEAD DEFECT" not in page
    assert client.post(f"/drafts/{filed.pk}/record/deficiency-notices/{leads.pk}/response/",
                       {f"cure-{leads.pk}-cure_sent_on": "2026-11-25"}).status_code == 404
    response = client.post(f"/drafts/{filed.pk}/record/deficiency-notices/{own.pk}/response/",
                           {f"cure-{own.pk}-cure_sent_on": "2026-11-25", f"cure-{own.pk}-cure_says": "New letter."})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.cure_sent_on == date(2026, 11, 25)


def test_the_dashboard_lists_what_is_due_soon_and_links_the_calendar(client, filed, lead, cofiler):
    services.deficiency_notice_record(draft=filed, user=lead, data=services.DeficiencyNoticeInput(
        organization_id=cofiler.organization_id, sent_on=date(2026, 11, 25), received_on=date(2026, 11, 27),
        says="Short."))
    client.force_login(lead)
    assert "Make my calendar link" in client.get("/").content.decode()
    client.post("/calendar/new/")
    page = client.get("/").content.decode()
    feed = lead.calendar_feeds.get(revoked_at__isnull=True)
    assert f'href="/calendar/{feed.secret}.ics"' in page
    assert "response to its deficiency notice: December 11, 2026" in page
