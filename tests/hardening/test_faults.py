"""Faults: a lost database connection, and writes that must happen together or not at all."""
from unittest import mock

import pytest
from django.db import connection

from resolutions.models import Draft, DraftVersion, SignOn
from resolutions.drafts import services as draft_services
from tests import factories
from tests.resolutions import pdf_builders as b


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a PostgreSQL server to cut off")
def test_a_dropped_database_connection_gives_a_styled_503_and_the_next_request_recovers(client, lead):
    import psycopg2

    client.force_login(lead)
    client.raise_request_exception = False
    assert client.get("/").status_code == 200
    pid = connection.connection.get_backend_pid()
    settings = connection.settings_dict
    killer = psycopg2.connect(dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"],
                              port=settings["PORT"] or 5432, password=settings["PASSWORD"] or None)
    killer.autocommit = True
    with killer.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    killer.close()

    response = client.get("/")
    assert response.status_code == 503
    assert "Temporarily unavailable" in response.content.decode()
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_circulating_writes_the_version_status_and_audit_event_together(lead):
    draft = factories.draft(lead, clauses=[("whereas", "Facts.")])
    with mock.patch("resolutions.drafts.services.audit_record", side_effect=RuntimeError("crash")):
        with pytest.raises(RuntimeError):
            draft_services.draft_circulate(draft=draft, user=lead)
    assert not DraftVersion.objects.exists()
    assert Draft.objects.get(pk=draft.pk).status == Draft.Status.DRAFTING


@pytest.mark.django_db
def test_a_crash_between_the_version_and_the_sign_ons_it_unsettles_leaves_neither(lead, cofiler):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    first = draft_services.version_save(draft=draft, user=lead)
    draft_services.clause_update(draft=draft, clause_id=draft.clauses.get().pk, expected_revision=0,
                                 text="Shareholders urge a report.")
    draft.refresh_from_db()
    second = draft_services.version_save(draft=draft, user=lead)
    sign_on = b.sign(second, cofiler, signed_at=b.at(1))
    draft_services.clause_update(draft=draft, clause_id=draft.clauses.get().pk, expected_revision=1,
                                 text="Shareholders urge an annual report.")  # unsaved: the restore keeps it as a version
    SignOn.objects.filter(pk=sign_on.pk).update(status=SignOn.Status.SIGNED)  # as if signed after that edit
    draft.refresh_from_db()

    with mock.patch("resolutions.drafts.services.sign_ons_flag_for_reconfirmation",
                    side_effect=RuntimeError("crash")):
        with pytest.raises(RuntimeError):
            draft_services.version_restore(draft=draft, version=first, expected_revision=draft.revision, user=lead)

    assert list(draft.versions.values_list("number", flat=True)) == [1, 2], "no version of the restore"
    assert draft.clauses.get().text == "Shareholders urge an annual report."
    assert SignOn.objects.get(pk=sign_on.pk).status == SignOn.Status.SIGNED
    assert Draft.objects.get(pk=draft.pk).revision == draft.revision
