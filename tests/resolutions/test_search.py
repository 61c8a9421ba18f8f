"""resolutions.search: the newest matches read window by window, and the ranked search built on them
(PostgreSQL only). Every figure is checked against the plain query the windows stand in for."""
import pytest
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from evidence.models import Snippet
from resolutions import search
from resolutions.models import Precedent
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite searches with icontains, no windows"),
]

QUERIES = ("aquifer", '"dry well"', "survey", "aquifer -well", "aquifer or well", "glacier")


def _quote(n: int) -> str:
    words = ["Field survey", f"number {n}:"]
    if n % 3 == 0:
        words.append("the aquifer " * (1 + n % 4))
    if n % 7 == 0:
        words.append("a dry well")
    if n % 5 == 0:
        words.append("the well ran dry")
    return " ".join(words) + "."


@pytest.fixture
def library(monkeypatch):
    """Ninety snippets, matching each query at its own rate; windows of four ids, so a search needs many."""
    monkeypatch.setattr(search, "FIRST_WINDOW", 4)
    water = factories.topic("Groundwater")
    made = []
    for n in range(90):
        made.append(factories.snippet(quote=_quote(n)))
        if n % 2:
            made[-1].topics.add(water)
    return made


def _matching(queryset, query):
    return queryset.filter(search_vector=SearchQuery(query, search_type="websearch", config="english"))


def _plain_newest(queryset, query, limit):
    return list(_matching(queryset, query).order_by("-pk").values_list("pk", flat=True)[:limit])


@pytest.mark.parametrize("query", QUERIES)
def test_the_windows_find_exactly_the_newest_matches_the_plain_query_finds(library, query):
    for limit in (1, 2, 5, 12, 13, 29, 30, 31, 200):
        assert search.newest_matches(Snippet.objects.all(), query, limit=limit) == \
            _plain_newest(Snippet.objects.all(), query, limit), (query, limit)


def test_the_windows_keep_the_querysets_own_filters(library):
    water = factories.topic("Groundwater")
    for queryset in (Snippet.objects.filter(topics=water), Snippet.objects.filter(source__kind="report"),
                     Snippet.objects.exclude(topics=water)):
        for query in QUERIES:
            for limit in (3, 11, 200):
                assert search.newest_matches(queryset, query, limit=limit) == _plain_newest(queryset, query, limit)


def test_after_the_first_window_the_windows_are_planned_without_the_words(library):
    """PostgreSQL underestimates a phrase 60-fold and would read all its matches instead of a window's."""
    with CaptureQueriesContext(connection) as queries:
        found = search.newest_matches(Snippet.objects.all(), "survey", limit=9)
    assert found == _plain_newest(Snippet.objects.all(), "survey", 9)
    windows = [q["sql"] for q in queries if '"evidence_snippet"."id" >=' in q["sql"]]
    assert len(windows) == 2  # four ids, then the five more wanted at the rate the first found
    assert "(SELECT websearch_to_tsquery" not in windows[0]
    assert "(SELECT websearch_to_tsquery" in windows[1]


def test_a_small_table_is_read_whole_in_one_query(library, monkeypatch):
    monkeypatch.setattr(search, "FIRST_WINDOW", 32_768)
    with CaptureQueriesContext(connection) as queries:
        found = search.newest_matches(Snippet.objects.all(), "aquifer", limit=5)
    assert found == _plain_newest(Snippet.objects.all(), "aquifer", 5)
    assert len(queries) == 2  # the newest id, then the matches
    assert '"evidence_snippet"."id" >=' not in queries[1]["sql"]


def _plain_ranked(queryset, query, *, tiebreak):
    """The reference: the SEARCH_CANDIDATES newest matches by one plain query, ranked, and their count."""
    candidates = _plain_newest(queryset, query, search.SEARCH_CANDIDATES)
    ranked = (queryset.filter(pk__in=candidates)
              .annotate(rank=SearchRank(F("search_vector"), SearchQuery(query, search_type="websearch",
                                                                         config="english")))
              .order_by("-rank", *tiebreak))
    total = _matching(queryset, query).count()
    return [row.pk for row in ranked], (search.MoreThan(search.SEARCH_CANDIDATES)
                                        if total > search.SEARCH_CANDIDATES else total)


@pytest.mark.parametrize("candidates", (5, 20, 1000))
def test_a_snippet_search_ranks_and_counts_as_the_plain_query_does(library, monkeypatch, candidates):
    monkeypatch.setattr(search, "SEARCH_CANDIDATES", candidates)
    for query in QUERIES:
        found = Snippet.objects.search(query)
        rows, count = _plain_ranked(Snippet.objects.all(), query, tiebreak=("-pk",))
        assert [s.pk for s in found] == rows, query
        assert found.count() == count and str(found.count()) == str(count), query


def test_a_precedent_search_ranks_and_counts_as_the_plain_query_does(monkeypatch):
    monkeypatch.setattr(search, "FIRST_WINDOW", 3)
    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 8)
    company = factories.company()
    for n in range(40):
        factories.precedent(company=company, meeting_year=2012 + n % 9, title=f"Report on {_quote(n)}")
    Precedent.objects.update(search_document=F("title"))
    for precedent in Precedent.objects.all():
        search.refresh_search_vector(Precedent, precedent.pk)
    for query in QUERIES:
        found = Precedent.objects.search(query)
        rows, count = _plain_ranked(Precedent.objects.all(), query, tiebreak=("-meeting_year", "pk"))
        assert [p.pk for p in found] == rows, query
        assert found.count() == count, query


def test_a_filtered_search_ranks_its_matches_without_repeating_the_filter(library, monkeypatch):
    """The candidates passed the filter already: the ranked query reads them by pk alone."""
    from evidence.selectors import snippet_search

    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 10)
    water = factories.topic("Groundwater")
    for query in QUERIES:
        with CaptureQueriesContext(connection) as queries:
            found = list(snippet_search(query=query, topic=water))
        rows, count = _plain_ranked(Snippet.objects.filter(topics=water), query, tiebreak=("-pk",))
        assert [s.pk for s in found] == rows, query
        assert snippet_search(query=query, topic=water).count() == count, query
        ranked = [q["sql"] for q in queries if "ts_rank" in q["sql"]]
        assert all('"evidence_snippet_topics"' not in sql for sql in ranked), query


def test_a_page_of_a_search_is_its_slice_of_the_whole_ranking(library, monkeypatch):
    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 20)
    for query in QUERIES:
        whole = [s.pk for s in Snippet.objects.select_related("source").search(query)]
        for start, stop in ((0, 5), (5, 10), (3, 17), (15, 25), (0, 0), (None, 4), (18, None)):
            page = Snippet.objects.select_related("source").search(query)[start:stop]
            assert [s.pk for s in page] == whole[start:stop], (query, start, stop)


def test_a_page_is_ranked_on_the_table_alone_then_joined(library):
    """Ranked with its joins, PostgreSQL joined every candidate to its source before it sorted them."""
    with CaptureQueriesContext(connection) as queries:
        page = list(Snippet.objects.select_related("source").search("survey")[0:5])
    assert len(page) == 5 and all(s.source.title for s in page)
    (ranked,) = [q["sql"] for q in queries if "ts_rank" in q["sql"]]
    inner = ranked[ranked.index("IN (SELECT"):]
    assert "LIMIT 5" in inner and "evidence_source" not in inner.split(")", 1)[0]


def test_a_count_past_the_bound_reads_more_than_it_wherever_it_is_written():
    count = search.MoreThan(search.SEARCH_CANDIDATES)
    assert (str(count), f"{count}", f"{count:,}") == ("more than 1,000",) * 3
    assert count == 1000 and count + 1 == 1001
