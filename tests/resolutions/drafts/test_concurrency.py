"""Two editors at once on one draft, on PostgreSQL: one save wins and the other is told, no text is
lost; a double-click on Build starts one packet."""
import threading

import pytest
from django.db import connection, connections

from resolutions.filing.exports import packet_request
from resolutions.drafts import services
from tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)"),
]


def at_once(function, names):
    """``function(name)`` in one thread per name, released together; what each returned or raised."""
    barrier = threading.Barrier(len(names))
    outcomes = {}

    def run(name):
        try:
            barrier.wait()
            outcomes[name] = function(name)
        except Exception as error:  # reported to the test, which names what it expects
            outcomes[name] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_concurrent_builds_start_one_packet(lead):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    outcomes = at_once(lambda name: packet_request(draft=draft, user=lead), ["first click", "second click"])

    assert sorted(started for _, started in outcomes.values()) == [False, True]
    assert len({packet.pk for packet, _ in outcomes.values()}) == 1
    assert draft.packets.count() == 1 and draft.versions.count() == 1


def test_two_concurrent_saves_never_lose_either_text(lead):
    draft = factories.draft(lead, clauses=[("whereas", "Original.")])
    clause_id = draft.clauses.get().pk

    def save(name):
        services.clause_update(draft=draft, clause_id=clause_id, expected_revision=0, text=f"Text of {name}.")
        return "saved"

    outcomes = at_once(save, ["alice", "bob"])

    assert sorted(type(outcome).__name__ for outcome in outcomes.values()) == ["StaleRevision", "str"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    draft.refresh_from_db()
    assert draft.revision == 1
    assert draft.clauses.get().text == f"Text of {winner}."
