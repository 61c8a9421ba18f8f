import pytest

from resolutions.cofiling import services as cofiling
from resolutions.drafts import services as drafts
from tests import factories


@pytest.fixture
def draft(lead):
    return factories.draft(lead, clauses=[("whereas", "Facts matter."), ("resolved", "Shareholders request a report.")])


@pytest.fixture
def invitation(draft, lead, cofiler):
    invitation, _ = cofiling.invitation_create(draft=draft, user=lead, email=cofiler.email,
                                               organization_name="Pension Fund of Tests", base_url="http://t")
    cofiling.invitation_accept(invitation=invitation, user=cofiler)
    return invitation


@pytest.fixture
def version(draft, lead, invitation):
    """The draft circulated to its co-filer, who joined."""
    return drafts.draft_circulate(draft=draft, user=lead)


@pytest.fixture
def colleague(make_user, lead):
    """A second member of the lead organization."""
    return make_user("colleague@test.example", organization=lead.organization.legal_name, first_name="Cora")
