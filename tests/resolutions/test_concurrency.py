"""Two editors saving the same draft at once, on PostgreSQL: one wins, the other is told; no text is lost."""
import threading

import pytest
from django.db import connection, connections

from resolutions.services import drafts as services
from tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)"),
]


def test_two_concurrent_saves_never_lose_either_text(lead):
    draft = factories.draft(lead, clauses=[("whereas", "Original.")])
    clause_id = draft.clauses.get().pk
    barrier = threading.Barrier(2)
    outcomes = {}

    def editor(name):
        try:
            barrier.wait()
            services.clause_update(draft=draft, clause_id=clause_id, expected_revision=0, text=f"Text of {name}.")
            outcomes[name] = "saved"
        except services.StaleRevision:
            outcomes[name] = "conflict"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=editor, args=(name,)) for name in ("alice", "bob")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["conflict", "saved"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    draft.refresh_from_db()
    assert draft.revision == 1
    assert draft.clauses.get().text == f"Text of {winner}."
