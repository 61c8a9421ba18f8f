import pytest

from accounts.models import Organization, User

PASSWORD = "correct horse battery staple"


@pytest.fixture
def make_user(db):
    def make(email, *, organization=None, staff=False, **extra):
        org = None
        if organization:
            org, _ = Organization.objects.get_or_create(legal_name=organization)
        return User.objects.create_user(
            email=email, password=PASSWORD, organization=org, is_staff=staff, **extra
        )

    return make


@pytest.fixture
def lead(make_user):
    return make_user("lead@test.example", organization="Sisters of Testing", first_name="Lena")


@pytest.fixture
def cofiler(make_user):
    return make_user("cofiler@test.example", organization="Pension Fund of Tests")


@pytest.fixture
def outsider(make_user):
    return make_user("outsider@test.example", organization="Unrelated Foundation")


@pytest.fixture
def curator(make_user):
    return make_user("curator@test.example", organization="Curators", staff=True)


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    return client


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client
