"""resolutions.catalogue.selectors: the names a listing prints, by owner."""
import pytest

from evidence.models import Snippet
from resolutions.catalogue.selectors import names_by_owner
from resolutions.models import Precedent
from tests import factories

pytestmark = pytest.mark.django_db


def test_names_come_in_name_order_per_owner_and_owners_without_any_are_left_out(django_assert_num_queries):
    tagged, bare, other = factories.precedent(), factories.precedent(), factories.precedent()
    tagged.topics.add(factories.topic("Water"), factories.topic("Climate"))
    other.topics.add(factories.topic("Labor"))

    with django_assert_num_queries(1):
        names = names_by_owner(Precedent.topics, [tagged.pk, bare.pk])

    assert names == {tagged.pk: ["Climate", "Water"]}


def test_no_owners_cost_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert names_by_owner(Snippet.companies, []) == {}
