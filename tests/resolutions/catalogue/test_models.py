import pytest
from django.core.exceptions import ValidationError

from resolutions.models import Company


def test_a_company_that_cannot_opt_in_to_texas_thresholds_is_refused_the_flag():
    company = Company(name="Example Holdings", state_of_incorporation="Delaware", principal_office_state="Texas",
                      exchange="NYSE", texas_opt_in=True)
    with pytest.raises(ValidationError) as refused:
        company.clean()
    assert "incorporated in Delaware, not Texas" in refused.value.message_dict["texas_opt_in"][0]


def test_a_texas_corporation_listed_nationally_with_its_office_in_texas_may_opt_in():
    Company(name="Example Energy", state_of_incorporation="Texas", principal_office_state="Texas",
            exchange="NYSE", texas_opt_in=True).clean()
