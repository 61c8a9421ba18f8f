"""resolutions.search: the newest matches, read window by window (PostgreSQL only)."""
import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evidence.models import Snippet
from resolutions import search
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite searches with icontains, no windows"),
]


def _matching(word):
    return Snippet.objects.filter(search_vector=SearchQuery(word, config="english"))


@pytest.fixture
def library(monkeypatch):
    """Forty snippets, every third about aquifers; windows of five ids, so a search needs several."""
    monkeypatch.setattr(search, "FIRST_WINDOW", 5)
    made = [factories.snippet(quote=f"{'Aquifer' if n % 3 == 0 else 'Forest'} survey number {n}.")
            for n in range(40)]
    return made


def test_the_newest_matches_are_found_window_by_window_newest_first(library):
    aquifers = [s.pk for s in reversed(library) if s.quote.startswith("Aquifer")]
    with CaptureQueriesContext(connection) as queries:
        found = search.newest_matches(_matching("aquifer"), limit=4)
    assert found == aquifers[:4]
    windows = [q["sql"] for q in queries if '"evidence_snippet"."id" >=' in q["sql"]]
    assert len(windows) >= 2  # read in bounded windows, not one scan of every match


def test_a_search_that_runs_out_of_windows_reads_the_rest_whole(library):
    aquifers = [s.pk for s in reversed(library) if s.quote.startswith("Aquifer")]
    assert search.newest_matches(_matching("aquifer"), limit=100) == aquifers
    assert search.newest_matches(_matching("glacier"), limit=100) == []


def test_the_windows_keep_the_querysets_own_filters(library):
    topic = factories.topic("Water")
    tagged = [s for s in library if s.quote.startswith("Aquifer")][:3]
    for snippet in tagged:
        snippet.topics.add(topic)
    found = search.newest_matches(_matching("survey").filter(topics=topic), limit=2)
    assert found == [tagged[2].pk, tagged[1].pk]


def test_a_ranked_search_counts_the_matches_it_read(library, monkeypatch):
    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 20)
    assert Snippet.objects.search("aquifer").count() == 14
    common = Snippet.objects.search("survey")
    assert str(common.count()) == "more than 20"
    assert {s.pk for s in common} == {s.pk for s in library[-20:]}
