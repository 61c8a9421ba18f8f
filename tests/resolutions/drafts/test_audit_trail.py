"""The audit trail is append-only at the database too (a trigger, on PostgreSQL and SQLite)."""
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from resolutions.models import AuditEvent, Draft
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(lead):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    return AuditEvent.objects.create(draft=draft, actor=lead, verb=AuditEvent.Verb.COMMENTED, detail="Facts.")


def refused(statement, *params):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(statement, params)


def test_the_database_refuses_to_change_or_delete_an_event(event):
    table = AuditEvent._meta.db_table
    refused(f"UPDATE {table} SET detail = %s WHERE id = %s", "Rewritten.", event.pk)
    refused(f"UPDATE {table} SET actor_id = NULL, detail = %s WHERE id = %s", "Rewritten.", event.pk)
    refused(f"DELETE FROM {table} WHERE id = %s", event.pk)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(verb=AuditEvent.Verb.SIGNED)  # no ORM path around it
    event.refresh_from_db()
    assert (event.verb, event.detail) == (AuditEvent.Verb.COMMENTED, "Facts.")


def test_a_draft_with_an_audit_trail_is_never_deleted(event):
    draft = event.draft
    with pytest.raises(ValidationError, match="kept, never deleted"):
        draft.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        Draft.objects.filter(pk=draft.pk).delete()  # the cascade reaches the trail: refused
    assert Draft.objects.filter(pk=draft.pk).exists() and draft.audit_events.count() == 1


def test_a_draft_without_a_trail_can_still_be_deleted(lead):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    assert not draft.audit_events.exists()
    draft.delete()
    assert not Draft.objects.filter(pk=draft.pk).exists()


def test_deleting_an_account_blanks_it_in_the_trail_and_keeps_the_event(event, make_user):
    someone = make_user("gone@test.example")
    kept = AuditEvent.objects.create(draft=event.draft, actor=someone, verb=AuditEvent.Verb.SIGNED, detail="Signed.")
    someone.delete()
    kept.refresh_from_db()
    assert (kept.actor, kept.verb, kept.detail) == (None, AuditEvent.Verb.SIGNED, "Signed.")


@pytest.mark.django_db(transaction=True)
def test_flush_still_empties_the_database_and_the_trigger_stays(make_user):
    def trail():
        user = make_user(f"filer{Draft.objects.count()}@test.example", organization="Sisters of Testing")
        draft = factories.draft(user, clauses=[("resolved", "Shareholders request a report.")])
        return AuditEvent.objects.create(draft=draft, verb=AuditEvent.Verb.COMMENTED)

    trail()
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
    event = trail()
    refused(f"DELETE FROM {AuditEvent._meta.db_table} WHERE id = %s", event.pk)
