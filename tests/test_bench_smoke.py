"""`make bench` code, exercised on tiny data so it cannot rot between runs (issues #8, #22).

The import part, the floor and the report run on any database; seeding and the search measure
need PostgreSQL (stored vectors) and skip elsewhere.
"""
import json

import pytest
from django.db import connection

from bench import __main__ as bench_main
from bench import capacity, database, floor, importer, report
from bench.seed import Sizes, seed
from bench.vocabulary import resolution_texts

pytestmark = pytest.mark.django_db


def quiet(message):
    pass


def test_the_import_part_runs_the_importer_on_generated_texts_and_a_pdf():
    from resolutions.models import Precedent

    figures, notes = importer.run(quick=True, log=quiet, texts=4)
    assert figures["texts"] == 4 and figures["seconds"] > 0
    assert Precedent.objects.count() == 4
    assert Precedent.objects.filter(parts__kind="resolved").distinct().count() == 4
    assert "0 parser warnings" in notes[0]
    pdf = figures["pdf"]
    assert pdf["pages"] >= 2 and pdf["seconds"] > 0 and pdf["pdftotext_seconds"] > 0
    assert pdf["ratio"] == pytest.approx(pdf["seconds"] / pdf["pdftotext_seconds"], rel=0.2)  # both rounded
    assert "pdftotext -layout" in notes[1]


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
    assert database.bench_url({"DATABASE_URL": "postgres://u@db/whereas_bench2"}).endswith("/whereas_bench2")


@pytest.mark.urls("bench.urls")
def test_a_page_is_measured_beside_a_bare_view_of_its_size_and_its_own_sql(lead_client):
    figures = floor.compare(lead_client, "/", runs=2)
    assert figures["bytes"] > 1000 and figures["queries"] >= 3
    assert figures["replayed"] == len(figures["statements"]) <= figures["queries"]
    assert sum('"django_session"' in sql for sql in figures["statements"]) == 1
    assert all(figures[k] > 0 for k in ("p50", "p95", "bare_p50", "sql_p50"))
    assert figures["ratio"] > 0
    assert len(lead_client.get("/__bench__/bare/1234/").content) == 1234


def test_the_replayed_sql_keeps_one_session_and_user_lookup_and_only_selects():
    session = 'SELECT "django_session"."session_data" FROM "django_session" WHERE "django_session"."session_key" = \'k\''
    user = 'SELECT "accounts_user"."id" FROM "accounts_user" WHERE "accounts_user"."id" = 1'
    page = 'SELECT "resolutions_draft"."id" FROM "resolutions_draft" WHERE "resolutions_draft"."id" = 1'
    captured = [{"sql": s} for s in (session, user, user, page, page, 'SAVEPOINT "s1"', "RELEASE SAVEPOINT")]
    assert floor.replayable(captured) == ([session, user, page, page], 2)


def test_capacity_is_where_p95_crosses_the_limit_and_the_wrk_script_sends_the_cookie():
    steps = [{"rps": 40, "p95": 30}, {"rps": 80, "p95": 150}, {"rps": 90, "p95": 350}]
    assert capacity.crossing(steps) == (85.0, True)
    assert capacity.crossing(steps[:2]) == (80, False)
    script = capacity.lua_script(["/", '/evidence/?q="a b"'], "sessionid=abc")
    assert '["Cookie"] = "sessionid=abc"' in script and r'"/evidence/?q=\"a b\""' in script
    assert "Cookie" not in capacity.lua_script(["/"])
    figures = capacity.parse_done("Running 3s test\nBENCH 300 3000000 12345 250500 2\n")
    assert figures == {"requests": 300, "rps": 100.0, "p50": 12.3, "p95": 250.5, "errors": 2}


def test_the_table_judges_the_ratios_and_prints_the_machine():
    results = {
        "import": {"texts": 1000, "seconds": 25.0,
                   "pdf": {"pages": 14, "per_page": 0.09, "pdftotext_per_page": 0.007, "ratio": 12.9}},
        "pdf": {"floor_p50": 60.0, "export_p50": 66.0, "ratio": 1.1, "stored_p50": 4.0},
        "capacity": {"pages": {"capacity": 70.0}, "bare": {"capacity": 100.0}, "ratio": 0.7},
        "shared_state": True,
    }
    results["ratios"] = report.ratios(results)
    results["machine"] = report.machine((1.5, 1.0, 0.5), (2.0, 1.2, 0.6))
    assert results["ratios"] == {"pdf": 1.1, "import_pdf": 12.9, "load_capacity": 0.7}
    assert set(results["machine"]) == {"cpu", "cores", "load_before", "load_after"}
    text = report.table(results, [])
    assert next(line for line in text.splitlines() if line.startswith("import") and "pdftotext" in line).endswith("NO")
    assert "targets met: 3 of 4" in text and "load average (1/5/15 min) 1.5 1.0 0.5 before" in text


def test_results_say_which_parts_a_run_measured_and_keep_the_last_scale_run(tmp_path, monkeypatch):
    monkeypatch.setattr(bench_main, "RESULTS", tmp_path / "results.json")
    (tmp_path / "results.json").write_text(json.dumps({"scale": {"growth_1m": 1.4}}))

    def run(*parts):
        return bench_main._write({"ratios": {}, "parts": list(parts)}, scale=False)

    assert run("pdf") == "a run of pdf only, with the last scale run's figures"
    assert json.loads((tmp_path / "results.json").read_text())["ratios"]["search_growth_1m"] == 1.4
    assert run(*bench_main.PARTS) == "full run, with the last scale run's figures"
    assert json.loads((tmp_path / "results.json").read_text())["parts"] == list(bench_main.PARTS)


def test_seeding_and_the_search_curve_on_postgresql(django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("the search bench needs PostgreSQL's stored vectors")
    from bench import search
    from bench.seed import replicate, sizes_at

    django_user_model.objects.create_user(email="bench-smoke@example.org", password="x")
    seeded = seed(Sizes(precedents=40, snippets=200, companies=4, sources=10, topics=3), log=quiet)
    figures, notes = _search(search, seeded)
    assert [(p["precedents"], p["snippets"]) for p in figures["curve"]] == [(40, 200), (60, 300), (120, 600)]
    ratios = report.ratios({"search": figures})
    assert set(ratios) == {"search_rare", "search_mid", "search_common", "search_phrase", "search_growth_1m"}
    assert all(r > 0 for r in ratios.values())
    # measured (the ranked statement found and explained); on this tiny library it may round to 0.0 ms
    assert all(figures[c]["ranked_sql"]["p50"] is not None for c in ("rare", "mid", "common", "phrase"))
    assert len(notes) == 2 and "search growth /evidence/" in notes[0]
    from evidence.models import Snippet
    from resolutions.models import Precedent
    from tests import factories

    factories.precedent(source_sha256="f" * 64)  # an imported precedent's full-length digest
    first = Snippet.objects.order_by("pk").first()
    Snippet.objects.filter(pk=first.pk).update(quote_sha256="e" * 64)  # a checked quote, as the app stores one
    seeded.sizes.precedents = have = Precedent.objects.count()
    replicate(seeded, sizes_at(2 * have, 650), log=quiet)  # every row copied once
    assert Precedent.objects.count() == 2 * have
    assert Snippet.objects.count() == 650 and Snippet.objects.filter(search_vector__isnull=True).count() == 0


def _search(search, seeded):
    from django.test import override_settings

    with override_settings(ROOT_URLCONF="bench.urls"):
        return search.run(seeded=seeded, quick=True, log=quiet, runs=2, scale=True,
                          curve=((40, 200), (60, 300), (120, 600)))


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
