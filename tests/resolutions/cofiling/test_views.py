"""The co-filer's pages: what the sign-on form says before and after it is posted."""
import pytest

from resolutions.models import Company
from tests.resolutions.cofiling.test_services import draft, joined  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
UNVERIFIED = "was proposed by a filer and no curator has verified it yet"


def test_the_sign_on_checks_say_the_company_is_unverified_until_a_curator_verifies_it(client, draft, joined,
                                                                                      cofiler, lead):
    Company.objects.filter(pk=draft.company_id).update(verified=False)
    client.force_login(cofiler)
    sign = f"/drafts/{draft.pk}/versions/{joined.number}/sign/"
    page = client.get(sign).content.decode()
    assert f"{draft.company} {UNVERIFIED}: the business hours and time zone of the engagement times" in page
    posted = client.post(sign, {"shares": "40"}).content.decode()  # refused: the checks are shown again
    assert posted.count(UNVERIFIED) == 1

    client.force_login(lead)
    assert UNVERIFIED in client.get(f"/drafts/{draft.pk}/versions/{joined.number}/statements/").content.decode()

    Company.objects.filter(pk=draft.company_id).verify()
    client.force_login(cofiler)
    assert UNVERIFIED not in client.get(sign).content.decode()
