"""The draft size limit: every way text gets into a draft refuses past it, says by how much, and keeps nothing."""
import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from resolutions.drafts import services
from resolutions.drafts.limits import DraftLimits, check_clause, draft_limits
from resolutions.models import Draft, Precedent, PrecedentPart
from tests import factories

pytestmark = pytest.mark.django_db

LIMITS = DraftLimits()


def test_the_limits_are_far_beyond_a_500_word_proposal():
    assert (LIMITS.clauses, LIMITS.clause_chars, LIMITS.draft_chars) == (110, 20_000, 200_000)
    assert LIMITS.draft_chars > 50 * 3_500 and LIMITS.background_render_chars == 50_000


def test_the_message_says_the_size_the_limit_and_how_far_over():
    with pytest.raises(ValidationError) as refused:
        check_clause("x" * 25_160)
    assert refused.value.messages == [
        "This clause is 25,160 characters, 5,160 over the limit of 20,000. Shorten it or split it into two clauses."]


def test_the_111th_clause_is_refused_and_nothing_is_added(lead):
    draft = factories.draft(lead, clauses=[("whereas", "A fact.")] * 110)
    with pytest.raises(ValidationError) as refused:
        services.clause_add(draft=draft, expected_revision=draft.revision, kind="whereas", text="One more.")
    assert refused.value.messages == [
        "This draft would have 111 clauses, 1 over the limit of 110. Merge some clauses or remove some."]
    assert draft.clauses.count() == 110
    draft.refresh_from_db()
    assert draft.revision == 0


def test_a_clause_that_takes_the_draft_over_its_total_is_refused_and_the_draft_kept(lead):
    draft = factories.draft(lead, clauses=[("whereas", "x" * 19_999)] * 10 + [("resolved", "Short")])  # 199,995
    clause = draft.clauses.last()
    with pytest.raises(ValidationError) as refused:
        services.clause_update(draft=draft, clause_id=clause.pk, expected_revision=0, text="y" * 15)
    assert refused.value.messages == [
        "This draft would be 200,005 characters in all, 5 over the limit of 200,000. "
        "Shorten it: a 500-word proposal is about 3,500 characters."]
    with pytest.raises(ValidationError, match="200,015 characters in all, 15 over"):
        services.clause_add(draft=draft, expected_revision=0, kind="resolved", text="z" * 20)
    assert draft.clauses.get(pk=clause.pk).text == "Short" and draft.clauses.count() == 11
    services.clause_update(draft=draft, clause_id=clause.pk, expected_revision=0, text="y" * 10)  # 200,000: at it


def test_a_draft_already_over_the_limit_can_still_be_shortened(lead):
    draft = factories.draft(lead, clauses=[("whereas", "x" * 20_000)] * 11)  # saved before the limit
    clause = draft.clauses.first()
    services.clause_update(draft=draft, clause_id=clause.pk, expected_revision=0, text="x" * 19_000)
    assert len(draft.clauses.get(pk=clause.pk).text) == 19_000


@override_settings(DRAFT_MAX_CLAUSES=3, DRAFT_MAX_CHARS=1_000)
def test_settings_override_the_limits_and_the_editor_follows(lead, lead_client):
    assert draft_limits() == DraftLimits(clauses=3, clause_chars=20_000, draft_chars=1_000)
    draft = factories.draft(lead, clauses=[("whereas", "A fact.")] * 3)
    response = lead_client.post(f"/drafts/{draft.pk}/clauses/", {"revision": 0, "kind": "whereas", "text": ""},
                                follow=True)
    assert "This draft would have 4 clauses, 1 over the limit of 3." in response.content.decode()
    assert draft.clauses.count() == 3
    with override_settings(DRAFT_MAX_CLAUSE_CHARS=500):
        assert 'data-max-chars="500"' in lead_client.get(f"/drafts/{draft.pk}/").content.decode()


def precedent_with(parts) -> Precedent:
    precedent = factories.precedent()
    PrecedentPart.objects.bulk_create(PrecedentPart(precedent=precedent, kind=kind, text=text, position=i)
                                      for i, (kind, text) in enumerate(parts))
    return precedent


def test_a_draft_is_not_started_from_a_precedent_over_the_limit(lead):
    precedent = precedent_with([("whereas", "A fact.")] * 110 + [("resolved", "Report.")])
    with pytest.raises(ValidationError, match="This precedent would have 111 clauses, 1 over the limit of 110."):
        services.draft_create(user=lead, company=precedent.company, meeting_year=2027, title="T", precedent=precedent)
    long = precedent_with([("resolved", "Shareholders request " + "a report " * 2_500)])
    with pytest.raises(ValidationError, match=r"^\['Part 1 \(RESOLVED\) of this precedent is 22,520 characters, "
                                              r"2,520 over the limit of 20,000\."):
        services.draft_create(user=lead, company=long.company, meeting_year=2027, title="T", precedent=long)
    assert not Draft.objects.exists()


def test_a_version_over_the_limit_is_not_restored(lead, lead_client):
    draft = factories.draft(lead, clauses=[("whereas", "A fact."), ("resolved", "Report.")])
    version = services.version_save(draft=draft, user=lead)
    with override_settings(DRAFT_MAX_CLAUSES=1):
        response = lead_client.post(f"/drafts/{draft.pk}/versions/{version.number}/restore/",
                                    {"revision": draft.revision}, follow=True)
    assert "Nothing was restored: Version 1 would have 2 clauses, 1 over the limit of 1." in response.content.decode()
    assert draft.versions.count() == 1


def test_free_text_footnotes_have_their_length_and_count_in_the_limit(lead):
    draft = factories.draft(lead)
    with pytest.raises(ValidationError) as refused:
        services.note_add(draft=draft, text="n" * 2_001)
    assert refused.value.messages[0].startswith("This footnote is 2,001 characters, 1 over the limit of 2,000.")
    with override_settings(DRAFT_MAX_NOTES=2):
        services.note_add(draft=draft, text="First note.")
        services.note_add(draft=draft, text="Second note.")
        with pytest.raises(ValidationError) as refused:
            services.note_add(draft=draft, text="Third note.")
    assert "already has 2 free-text footnotes, the limit" in refused.value.messages[0]
    assert draft.notes.count() == 2


def test_the_editor_states_the_limits_it_enforces(lead_client, lead):
    page = lead_client.get(f"/drafts/{factories.draft(lead).pk}/").content.decode()
    assert f'data-max-chars="{LIMITS.clause_chars}"' in page and f'maxlength="{LIMITS.note_chars}"' in page
