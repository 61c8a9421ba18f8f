"""Drafts never lose a word: stale saves are refused, bad input is refused with a reason."""
import pytest
from django.core.exceptions import ValidationError

from resolutions.models import DraftVersion
from resolutions.drafts import services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(lead):
    return factories.draft(lead, clauses=[("whereas", "Facts matter."), ("resolved", "Shareholders request a report.")])


def test_a_save_bumps_the_revision(draft):
    clause = draft.clauses.first()
    services.clause_update(draft=draft, clause_id=clause.pk, expected_revision=0, text="New facts.")
    draft.refresh_from_db()
    assert draft.revision == 1
    assert draft.clauses.get(pk=clause.pk).text == "New facts."


def test_a_save_based_on_an_old_revision_is_refused_and_the_first_text_kept(draft):
    clause = draft.clauses.first()
    services.clause_update(draft=draft, clause_id=clause.pk, expected_revision=0, text="First editor's text.")
    with pytest.raises(services.StaleRevision) as conflict:
        services.clause_update(draft=draft, clause_id=clause.pk, expected_revision=0, text="Second editor's text.")
    assert conflict.value.draft.revision == 1
    assert draft.clauses.get(pk=clause.pk).text == "First editor's text."


def test_a_clause_of_100000_characters_is_refused_with_the_limit(draft):
    clause = draft.clauses.first()
    with pytest.raises(ValidationError, match="80,000 over the limit of 20,000"):
        services.clause_update(draft=draft, clause_id=clause.pk, expected_revision=0, text="x" * 100_000)
    assert draft.clauses.get(pk=clause.pk).text == "Facts matter."


def test_a_citation_to_an_unknown_snippet_is_refused(draft):
    clause = draft.clauses.first()
    with pytest.raises(ValidationError, match="snippet 424242"):
        services.clause_update(draft=draft, clause_id=clause.pk, expected_revision=0, text="Fact [[snippet:424242]]")


def test_a_note_of_another_draft_cannot_be_cited(draft, lead):
    other = factories.draft(lead)
    note = services.note_add(draft=other, text="Someone else's note")
    with pytest.raises(ValidationError, match=f"note {note.pk}"):
        services.clause_update(draft=draft, clause_id=draft.clauses.first().pk, expected_revision=0,
                               text=f"Fact [[note:{note.pk}]]")


def test_a_clause_id_from_another_draft_is_refused(draft, lead):
    foreign = factories.draft(lead, clauses=[("whereas", "Not yours.")]).clauses.first()
    with pytest.raises(ValidationError, match="not part of this draft"):
        services.clause_update(draft=draft, clause_id=foreign.pk, expected_revision=0, text="Hijack")
    assert foreign.__class__.objects.get(pk=foreign.pk).text == "Not yours."


def test_moving_a_clause_up_swaps_it_with_its_neighbour(draft):
    whereas, resolved = draft.clauses.all()
    services.clause_move(draft=draft, clause_id=resolved.pk, direction=-1, expected_revision=0)
    assert [c.kind for c in draft.clauses.all()] == ["resolved", "whereas"]


def test_a_version_is_an_immutable_snapshot_with_a_sha256(draft, lead):
    snippet = factories.snippet()
    services.clause_update(draft=draft, clause_id=draft.clauses.first().pk, expected_revision=0,
                           text=f"Facts [[snippet:{snippet.pk}]].")
    version = services.version_save(draft=draft, user=lead)
    assert version.number == 1 and len(version.sha256) == 64
    assert version.content["footnotes"] and '<sup class="footnote-call">1</sup>' in version.content["parts"][0]["html"]
    services.clause_update(draft=draft, clause_id=draft.clauses.first().pk, expected_revision=1, text="Changed.")
    again = services.version_save(draft=draft, user=lead)
    assert again.number == 2 and again.sha256 != version.sha256
    assert DraftVersion.objects.get(pk=version.pk).content["parts"][0]["source"].startswith("Facts")


def test_restoring_a_version_brings_its_text_back_and_keeps_the_replaced_text(draft, lead):
    version = services.version_save(draft=draft, user=lead)
    services.clause_delete(draft=draft, clause_id=draft.clauses.first().pk, expected_revision=0)
    services.version_restore(draft=draft, version=version, expected_revision=1, user=lead)
    assert [c.text for c in draft.clauses.all()] == ["Facts matter.", "Shareholders request a report."]
    replaced = draft.versions.get(number=2)
    assert [p["source"] for p in replaced.content["parts"]] == ["Shareholders request a report."]


def test_only_members_of_an_organization_can_start_a_draft(make_user):
    loner = make_user("loner@test.example")
    with pytest.raises(ValidationError, match="organization"):
        services.draft_create(user=loner, company=factories.company(), meeting_year=2027, title="T")


def test_switching_the_layout_moves_the_resolved_clause(draft):
    services.clause_add(draft=draft, expected_revision=0, kind="supporting", text="Support.")
    services.draft_update(draft=draft, expected_revision=1, resolved_first=True)
    assert [c.kind for c in draft.clauses.all()] == ["resolved", "whereas", "supporting"]
    services.draft_update(draft=draft, expected_revision=2, resolved_first=False)
    assert [c.kind for c in draft.clauses.all()] == ["whereas", "resolved", "supporting"]
