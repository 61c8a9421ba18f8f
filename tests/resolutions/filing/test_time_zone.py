"""Rule 14a-8(b)(1)(iii): engagement times are given in the time zone of the company's principal executive office."""
import pytest
from django.core.exceptions import ValidationError

from resolutions.filing.exports import letter_export
from resolutions.models import SignOn

from tests.resolutions import pdf_builders as b
from tests.resolutions.filing.test_filing_record import draft, lead_signs, version  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def test_the_letter_says_the_office_time_zone_and_each_time_in_it(lead_client, draft, version, lead):
    draft.company.office_time_zone = "America/Chicago"
    draft.company.save()
    page = lead_client.get(f"/drafts/{draft.pk}/versions/{version.number}/statements/").content.decode()
    assert "Central Time (America/Chicago)" in page and "names no time zone" not in page
    assert lead_signs(lead_client, draft, version).status_code == 302
    draft.company.office_time_zone = "America/Los_Angeles"  # a later edit does not change what was signed
    draft.company.save()
    assert SignOn.objects.get(draft=draft, organization=lead.organization).availability_time_zone == "America/Chicago"
    text = " ".join(" ".join(b.page_texts(letter_export(version=version, organization_id=lead.organization_id, user=lead))).split())
    text = text.replace("/ ", "/")  # a line may break after the slash
    assert "Central Time (America/Chicago), the time zone of the Company's principal executive offices" in text
    assert "Thursday, November 12, 2026, 10:00 AM CST" in text and "9:00 to 17:30" in text


def test_without_a_zone_the_page_says_so_and_the_check_names_the_zone_when_known(lead_client, draft, version):
    page = lead_client.get(f"/drafts/{draft.pk}/versions/{version.number}/statements/").content.decode()
    assert "names no time zone yet" in page
    draft.company.office_time_zone = "America/Denver"
    draft.company.save()
    response = lead_signs(lead_client, draft, version, slot_2="2026-11-13T18:00")
    assert response.status_code == 400
    assert "business hours (9:00 to 17:30, Mountain Time (America/Denver)); outside them: November 13, 2026, 18:00" in \
        response.content.decode().replace("&#x27;", "'")


def test_a_time_zone_that_does_not_exist_is_refused(draft):
    draft.company.office_time_zone = "America/Atlantis"
    with pytest.raises(ValidationError, match="not a time zone name"):
        draft.company.full_clean()
