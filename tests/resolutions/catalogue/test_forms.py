import pytest
from django.db.models.query import QuerySet

from evidence.forms import EvidenceSearchForm
from resolutions.catalogue.forms import TopicField, TopicsField
from resolutions.models import Topic
from resolutions.precedents.forms import PrecedentSearchForm


@pytest.fixture
def topics(db):
    return [Topic.objects.create(name=name) for name in ("Methane", "Human rights")]


def test_topic_choices_are_read_in_one_plain_query(topics, monkeypatch, django_assert_num_queries):
    """QuerySet.iterator() is a server-side cursor on PostgreSQL: three round trips for a short list."""
    def no_cursor(self, *args, **kwargs):
        raise AssertionError("topic choices read through QuerySet.iterator()")

    monkeypatch.setattr(QuerySet, "iterator", no_cursor)
    for form in (PrecedentSearchForm(), EvidenceSearchForm()):
        with django_assert_num_queries(1):
            html = str(form["topic"])
        assert '<option value="" selected>Any topic</option>' in html and ">Methane</option>" in html


def test_a_topic_is_chosen_and_checked_as_before(topics):
    methane = topics[0]
    assert TopicField(required=False).clean(str(methane.pk)) == methane
    assert list(TopicsField(required=False).clean([str(t.pk) for t in topics])) == sorted(topics, key=lambda t: t.name)
    form = PrecedentSearchForm({"topic": "999999"})
    assert not form.is_valid() and "topic" in form.errors
