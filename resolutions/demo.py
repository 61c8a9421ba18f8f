"""Demo data for a newcomer's first look. Written for Whereas; idempotent (get-or-create by natural keys)."""
from datetime import date

from django.db import transaction

from accounts.models import Organization, User
from .models import Company, Topic

DEMO_PASSWORD = "whereas-demo-2026"

ORGANIZATIONS = [
    ("Sisters of the Demo Valley", Organization.Kind.FAITH_BASED, "12 Convent Road, Springfield, NY 10001"),
    ("Greenfield Pension Trust", Organization.Kind.PENSION_FUND, "400 Main Street, Albany, NY 12207"),
    ("Whereas Curators", Organization.Kind.OTHER, ""),
]

USERS = [
    # email, first, last, organization, staff, job title
    ("lead@example.org", "Lena", "Ortiz", "Sisters of the Demo Valley", False, "Director of Corporate Responsibility"),
    ("cofiler@example.org", "Colin", "Fairweather", "Greenfield Pension Trust", False, "Stewardship Officer"),
    ("curator@example.org", "Cora", "Reyes", "Whereas Curators", True, "Librarian"),
]

COMPANIES = [
    dict(name="Amazon.com, Inc.", ticker="AMZN", cik="0001018724", state_of_incorporation="Delaware",
         principal_office_state="Washington", exchange="Nasdaq", prior_proxy_date=date(2026, 4, 10),
         annual_meeting_date=date(2026, 5, 21)),
    dict(name="Lone Star Energy Holdings", ticker="LSEH", state_of_incorporation="Texas",
         principal_office_state="Texas", exchange="NYSE", texas_opt_in=True,
         prior_proxy_date=date(2026, 3, 20), annual_meeting_date=date(2026, 5, 5)),
]

TOPICS = ["Human rights", "Surveillance technology", "Labor practices", "Climate", "Civil rights"]


@transaction.atomic
def load_people() -> list[User]:
    orgs = {}
    for legal_name, kind, address in ORGANIZATIONS:
        orgs[legal_name], _ = Organization.objects.update_or_create(
            legal_name=legal_name, defaults={"kind": kind, "address": address}
        )
    users = []
    for email, first, last, org, staff, title in USERS:
        user, created = User.objects.update_or_create(
            email=email,
            defaults={"first_name": first, "last_name": last, "organization": orgs[org],
                      "is_staff": staff, "is_superuser": staff, "job_title": title},
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        users.append(user)
    return users


@transaction.atomic
def load_reference_data() -> None:
    for fields in COMPANIES:
        Company.objects.update_or_create(name=fields["name"], defaults=fields)
    for name in TOPICS:
        Topic.objects.get_or_create(name=name)


def load_all() -> list[User]:
    users = load_people()
    load_reference_data()
    return users
