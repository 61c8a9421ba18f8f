"""Search boxes take any text: operators a user (or a fuzzer) strings together are tidied, not sent raw."""
import pytest

from resolutions.search import MAX_QUERY_TERMS, plain_terms, searchable_query
from tests import factories

DASHES = "-" * 33


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/evidence/", "/precedents/", "/evidence/export/snippets.csv", "cite"])
def test_a_run_of_dashes_is_an_empty_search_not_a_server_error(client, lead, path):
    """On PostgreSQL 33 stacked "-" made websearch_to_tsquery fail with "tsquery stack too small"."""
    if path == "cite":
        path = f"/drafts/{factories.draft(lead).pk}/cite/"
    factories.snippet(quote="Emissions rose.")
    client.force_login(lead)
    for query in (DASHES, f"climate {'- ' * 40}report", "- " * 200 + "x"):
        assert client.get(path, {"q": query}).status_code == 200


def test_the_query_keeps_words_phrases_exclusions_and_or():
    assert searchable_query('say-on-pay -lobbying "net zero" or climate') == 'say-on-pay -lobbying "net zero" or climate'


def test_stray_operators_and_control_characters_are_dropped():
    assert searchable_query(DASHES) == ""
    assert searchable_query("a " + "- " * 40 + "b") == "a b"
    assert searchable_query('or or "unclosed phrase or') == '"unclosed phrase or"'
    assert searchable_query("lob\x00bying\ttax") == "lob bying tax"
    assert searchable_query("!!(&|<->:*)") == ""


def test_the_query_is_bounded():
    words = [f"w{n}" for n in range(100)]
    assert searchable_query(" ".join(words)).split() == words[:MAX_QUERY_TERMS]


def test_plain_terms_are_what_sqlite_requires():
    assert plain_terms(searchable_query('tax -lobbying "net zero" or')) == ["tax", "net zero"]
