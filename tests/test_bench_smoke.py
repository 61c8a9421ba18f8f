"""`make bench` code, exercised on tiny data so it cannot rot between runs (issue #8).

The import part runs on any database; seeding and the search measure need PostgreSQL (stored
vectors) and skip elsewhere.
"""
import pytest
from django.db import connection

from bench import database, importer, report
from bench.seed import Sizes, resolution_texts, seed

pytestmark = pytest.mark.django_db


def quiet(message):
    pass


def test_the_import_part_runs_the_importer_on_generated_texts():
    from resolutions.models import Precedent

    figures, notes = importer.run(quick=True, log=quiet, texts=4)
    assert figures["texts"] == 4 and figures["seconds"] > 0
    assert Precedent.objects.count() == 4
    assert Precedent.objects.filter(parts__kind="resolved").distinct().count() == 4
    assert "0 parser warnings" in notes[0]


def test_generated_texts_are_deterministic_resolutions():
    first, again = resolution_texts(3), resolution_texts(3)
    assert first == again
    assert all("WHEREAS," in t and "RESOLVED: Shareholders request" in t for t in first)


def test_the_bench_refuses_sqlite_and_never_drops_another_database():
    with pytest.raises(SystemExit, match="PostgreSQL only"):
        database.bench_url({"DATABASE_URL": "sqlite:///db.sqlite3"})
    assert database.bench_url({}).endswith("/whereas_bench")
    assert database.bench_url({"DATABASE_URL": "postgres://u:p@db:5433/whereas"}) == "postgres://u:p@db:5433/whereas_bench"
    assert database.bench_url({"DATABASE_URL": "postgres://u@db/ci_bench"}).endswith("/ci_bench")


def test_the_table_says_which_targets_are_missed():
    text = report.table({"import": {"texts": 1000, "seconds": 25.0},
                         "pdf": {"bare_weasyprint_p50": 60.0, "export_p50": 66.0, "ratio": 1.1, "stored_p50": 4.0}}, [])
    import_row = next(line for line in text.splitlines() if line.startswith("import"))
    assert import_row.endswith("NO") and "targets met: 2 of 3" in text


def test_seeding_and_the_search_measure_on_postgresql(django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("the search bench needs PostgreSQL's stored vectors")
    from bench import search

    django_user_model.objects.create_user(email="bench-smoke@example.org", password="x")
    seeded = seed(Sizes(precedents=40, snippets=200, companies=4, sources=10, topics=3), log=quiet)
    figures, notes = search.run(seeded=seeded, quick=True, log=quiet, runs=2)
    assert set(figures) == {"rare", "mid", "common", "phrase", "precedents", "snippets"}
    assert figures["snippets"] == 200 and all(figures[c]["p95"] > 0 for c in ("rare", "mid", "common", "phrase"))
    assert len(notes) == 8


def test_a_common_search_ranks_a_bounded_set_and_says_more_than(monkeypatch, lead_client):
    """What the bench's common-term fix changed (resolutions.search.ranked_search): PostgreSQL only."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite searches with icontains, unbounded")
    from evidence.models import Snippet
    from resolutions import search
    from tests import factories

    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 3)
    made = [factories.snippet(quote=f"Aquifer depletion report number {n}.") for n in range(5)]
    found = Snippet.objects.search("aquifer")
    assert found.count() == 3 and str(found.count()) == "more than 3"
    assert {s.pk for s in found} == {s.pk for s in made[-3:]}  # the most recent matches are ranked
    assert Snippet.objects.search("depletion number").filter(pk=made[0].pk).count() == 0
    page = lead_client.get("/evidence/", {"q": "aquifer"}).content.decode()
    assert "more than 3 snippets matching" in page
    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 10)
    assert Snippet.objects.search("aquifer").count() == 5
