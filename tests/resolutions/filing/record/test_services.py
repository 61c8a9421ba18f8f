"""Recording what happened after submission: bad dates refused with a clear message and nothing saved half;
late company notices recorded and flagged, never refused."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from resolutions.filing.record import services
from resolutions.models import AuditEvent, DeficiencyNotice, Precedent, VoteResult
from resolutions.precedents.selectors import precedent_search

pytestmark = pytest.mark.django_db


def notice(draft, user, organization, *, sent_on=date(2026, 11, 25), received_on=date(2026, 11, 27)):
    return services.deficiency_notice_record(draft=draft, user=user, data=services.DeficiencyNoticeInput(
        organization_id=organization.pk, sent_on=sent_on, received_on=received_on, says="Proof of ownership short."))


def test_a_deficiency_notice_dated_before_the_submission_is_refused_and_nothing_is_saved(filed, lead, cofiler):
    with pytest.raises(ValidationError) as refused:
        notice(filed, lead, cofiler.organization, sent_on=date(2026, 11, 12), received_on=date(2026, 11, 13))
    assert refused.value.messages == [
        "Rule 14a-8(f)(1): the notice is dated November 12, 2026, before the proposal was submitted (November 16, "
        "2026); check the date on the company's notice. Nothing was saved."]
    assert not DeficiencyNotice.objects.exists()
    assert not AuditEvent.objects.filter(verb=AuditEvent.Verb.DEFICIENCY_NOTICE).exists()


def test_a_late_deficiency_notice_is_recorded_and_flagged(filed, lead, cofiler):
    recorded = notice(filed, lead, cofiler.organization, sent_on=date(2026, 12, 1), received_on=date(2026, 12, 1))
    assert recorded.pk
    assert AuditEvent.objects.get(verb=AuditEvent.Verb.DEFICIENCY_NOTICE).detail.endswith(
        "response due December 15, 2026; flagged late")


def test_a_co_filer_records_only_its_own_notices(filed, lead, cofiler):
    with pytest.raises(ValidationError, match="a co-filer records its own notices"):
        notice(filed, cofiler, lead.organization)
    assert notice(filed, cofiler, cofiler.organization).organization == cofiler.organization


def test_a_cure_dated_before_its_notice_is_refused_and_neither_the_date_nor_the_file_is_kept(filed, lead, cofiler):
    recorded = notice(filed, lead, cofiler.organization)
    files_before = default_storage.listdir("private/cures")[1] if default_storage.exists("private/cures") else []
    with pytest.raises(ValidationError, match="before the notice it answers was received"):
        services.deficiency_cure_record(notice=recorded, user=lead, cure_sent_on=date(2026, 11, 26), cure_says="",
                                        upload=SimpleUploadedFile("sent.pdf", b"%PDF-1.7 sent"))
    recorded.refresh_from_db()
    assert recorded.cure_sent_on is None and not recorded.cure_proof
    files_after = default_storage.listdir("private/cures")[1] if default_storage.exists("private/cures") else []
    assert files_after == files_before


def test_a_vote_with_more_votes_than_shares_outstanding_is_refused(filed, lead):
    with pytest.raises(ValidationError) as refused:
        services.vote_record(draft=filed, user=lead, data=services.VoteInput(
            meeting_on=date(2026, 11, 30), votes_for=600, votes_against=500, abstentions=10, broker_non_votes=0,
            shares_outstanding=1_000))
    assert refused.value.messages[0].startswith("1,110 shares voted for, against, abstained or broker non-votes, "
                                                "but only 1,000 shares outstanding")
    assert not VoteResult.objects.exists()


def test_a_late_j_notice_and_a_late_opposition_statement_are_recorded_and_flagged(filed, lead):
    # Last year's proxy was March 20, 2026: the (j) notice was due December 30, 2026, the statement February 18.
    services.filing_record_save(draft=filed, user=lead, data=services.MeetingInput(
        meeting_date=None, presenter="", proxy_filed_on=date(2026, 12, 1)))  # filed early: both are now late
    j = services.exclusion_notice_record(draft=filed, user=lead, data=services.ExclusionNoticeInput(
        kind="exclusion", sent_on=date(2026, 11, 20), grounds=["i-7"], grounds_said="Ordinary business.",
        response_sent_on=None, response_says="", staff_answer="", staff_answered_on=None))
    statement = services.opposition_statement_record(draft=filed, user=lead, data=services.OppositionInput(
        received_on=date(2026, 11, 25), text="The board believes the report is unnecessary.", recommendation="against",
        reply_sent_on=None, reply=""))
    assert j.pk and statement.pk
    details = list(AuditEvent.objects.filter(verb__in=["exclusion_notice", "opposition"]).values_list("detail", flat=True))
    assert details[0].endswith("((i)(7) management functions (ordinary business)); flagged late")
    assert details[1].endswith("flagged late, the company's breach of Rule 14a-8(m)(3)")


def test_the_vote_becomes_an_uncurated_precedent_without_private_notes(filed, lead, cofiler):
    services.engagement_meeting_record(draft=filed, user=lead, data=services.EngagementInput(
        status="held", meets_on=date(2026, 11, 20), with_whom="Investor relations", notes="PRIVATE engagement note"))
    services.opposition_statement_record(draft=filed, user=lead, data=services.OppositionInput(
        received_on=date(2026, 11, 25), text="The board believes the report is unnecessary.", recommendation="against",
        reply_sent_on=None, reply="PRIVATE reply draft"))
    vote = services.vote_record(draft=filed, user=lead, data=services.VoteInput(
        meeting_on=date(2026, 11, 30), votes_for=300, votes_against=700, abstentions=50, broker_non_votes=20,
        shares_outstanding=2_000))
    precedent = services.vote_add_to_precedents(vote=vote, user=lead)
    assert services.vote_add_to_precedents(vote=vote, user=lead) == precedent  # once
    assert (precedent.outcome, precedent.support_percent, precedent.curated) == (Precedent.Outcome.VOTED, 30, False)
    assert precedent.board_statement == "The board believes the report is unnecessary."
    assert precedent.board_recommendation == "against"
    assert [f.organization for f in precedent.filers.all()] == ["Sisters of Testing"]  # co-filer never signed
    assert [p.text for p in precedent.parts.order_by("position")] == ["Methane warms fast.",
                                                                      "Shareholders request a report."]
    assert "PRIVATE" not in precedent.search_document + precedent.source_text + precedent.curator_notes
    assert list(precedent.topics.values_list("name", flat=True)) == ["Climate"]
    assert list(precedent_search(query="methane")) == [precedent]
