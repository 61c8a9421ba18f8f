"""Demo data for a newcomer's first look, written for Whereas; idempotent (keyed on natural keys).

Facts about Amazon come from public campaign pages (see the evidence demo); the resolution
texts below are written for this demo, and Lone Star Energy Holdings is fictional.
"""
from datetime import date, datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from accounts.models import Organization, User
from evidence.demo import load_evidence
from evidence.models import Snippet

from resolutions import rule14a8
from .filing import exports, services as filing
from .filing.record import services as record
from .filing.samples import sample_broker_letter
from resolutions.precedents.importer import parse_resolution
from .models import CalendarFeed, Company, Draft, Precedent, SignOn, Topic
from .cofiling import services as cofilers
from .drafts import services as drafts
from resolutions.precedents.services import PrecedentFields, precedent_save_import

DEMO_PASSWORD = "whereas-demo-2026"
DEMO_DRAFT_TITLE = "Report on Customer Due Diligence for Surveillance Products"
DEMO_FILED_TITLE = "Report on Measured Methane Emissions"

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
         annual_meeting_date=date(2026, 5, 21), office_time_zone="America/Los_Angeles"),
    dict(name="Lone Star Energy Holdings", ticker="LSEH", state_of_incorporation="Texas",
         principal_office_state="Texas", exchange="NYSE", texas_opt_in=True,
         prior_proxy_date=date(2026, 3, 20), annual_meeting_date=date(2026, 5, 5),
         principal_office_address="700 Example Plaza, Suite 1200\nHouston, TX 77002",
         corporate_secretary="Dana Example", office_time_zone="America/Chicago"),
]

TOPICS = ["Human rights", "Surveillance technology", "Labor practices", "Climate", "Civil rights"]

PRECEDENTS = [
    # company, year, topics, outcome, support, text
    ("Lone Star Energy Holdings", 2024, ["Climate"], Precedent.Outcome.VOTED, Decimal("12.40"), """\
Methane Leak Disclosure

WHEREAS, methane traps far more heat than carbon dioxide over its first two decades in the air;1

WHEREAS, the Company reports flaring volumes but not the leaks measured at its own wells;2

RESOLVED: Shareholders request that the Board publish, at reasonable cost and omitting proprietary
information, an annual report of measured methane emissions at the Company's operated sites.

1. Demo footnote: an intergovernmental assessment report, 2021. https://example.org/methane-assessment
2. Demo footnote: the Company's 2023 sustainability report, p. 14.
"""),
    ("Lone Star Energy Holdings", 2025, ["Climate"], Precedent.Outcome.VOTED, Decimal("9.10"), """\
Methane Measurement Report

RESOLVED: Shareholders request that the Company report annually on directly measured methane
emissions from its operated assets, and on its plans to reduce them.

Supporting Statement

Investors cannot judge climate risk without measured data.[1] Peers already publish such figures.[2]

Notes
[1] Demo footnote: an investor coalition briefing, 2024. https://example.org/briefing
[2] Demo footnote: peer company disclosures, 2024.
"""),
    ("Amazon.com, Inc.", 2025, ["Surveillance technology", "Human rights"], Precedent.Outcome.UNKNOWN, None, """\
Due Diligence on Surveillance Products

WHEREAS, the Company sells cloud, camera and recognition products that governments can use
to monitor people;1

WHEREAS, investors need to know how the Company checks who buys these products and for what use;2

RESOLVED: Shareholders request that the Board commission an independent report assessing the
Company's customer due diligence for products that may enable surveillance, omitting proprietary
information and prepared at reasonable cost.

1. Demo footnote: a campaign page listing police partnerships. https://example.org/campaign
2. Demo footnote: a research group's company profile, October 2021.
"""),
]


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


def load_precedents(*, curator: User) -> None:
    for company_name, year, topic_names, outcome, support, text in PRECEDENTS:
        parsed = parse_resolution(text, filename="demo")
        if Precedent.objects.filter(company__name=company_name, meeting_year=year, title=parsed.title).exists():
            continue
        structure = parsed.as_dict()
        structure["calls"] = parsed.calls_with_offsets()
        precedent_save_import(
            structure=structure,
            fields=PrecedentFields(company=Company.objects.get(name=company_name), meeting_year=year,
                                   title=parsed.title, outcome=outcome, support_percent=support, curated=True),
            source_text=text, topics=Topic.objects.filter(name__in=topic_names),
            resolved_first=parsed.resolved_first, user=curator,
        )


def load_draft(*, lead: User, cofiler: User) -> Draft:
    """The demo lead filer's draft: cited WHEREAS recitals, a RESOLVED clause, a version the co-filer signed."""
    existing = Draft.objects.filter(title=DEMO_DRAFT_TITLE, lead_organization=lead.organization).first()
    if existing:
        return existing
    snippets = list(Snippet.objects.filter(companies__name="Amazon.com, Inc.").order_by("pk").distinct()[:5])
    cite = [f"[[snippet:{s.pk}]]" for s in snippets] + [""] * 5  # a call hugs the word before it
    amazon = Company.objects.get(name="Amazon.com, Inc.")
    with transaction.atomic():
        draft, version = _circulated_draft(lead=lead, cofiler=cofiler, company=amazon, title=DEMO_DRAFT_TITLE,
                                           topics=["Surveillance technology", "Human rights"], texts=[
            ("whereas", f"The Company's doorbell-camera unit has signed data-sharing agreements with a large number of US police departments.{cite[0]}"),
            ("whereas", f"Civil rights groups warn that these partnerships can expose neighbourhoods to surveillance without consent.{cite[1]}"),
            ("whereas", f"Employees have publicly asked the Company to stop selling recognition technology to law enforcement.{cite[2]}"),
            ("whereas", f"Researchers report that the Company's cloud services host data systems used by immigration authorities.{cite[3]}"),
            ("resolved", "Shareholders request that the Board obtain an outside review, prepared at modest expense and leaving out confidential material, of how the Company vets government buyers of its surveillance products."),
            ("supporting", f"Shareholders would benefit from knowing how the Company decides which government customers may use these products, and what limits it places on their use.{cite[4]}"),
        ])
        cofilers.sign_on_create(
            draft=draft, version=version, user=cofiler, ip_address="127.0.0.1", user_agent="load_demo",
            data=cofilers.SignOnData(
                legal_name=str(cofiler.organization), signatory_name=cofiler.get_full_name(),
                signatory_title=cofiler.job_title, email=cofiler.email, phone="+1 518 555 0140", shares=120,
                market_value=Decimal("21600.00"), held_since=date(2021, 3, 1), holder_type=SignOn.Holder.BROKER,
                intends_to_hold=True, authorizes_lead=True, signature=cofiler.get_full_name(),
                availability=[datetime(2026, 12, 8, 10), datetime(2026, 12, 10, 14)],
                submission_date=date(2026, 11, 24),
            ),
        )
    return draft


def _circulated_draft(*, lead: User, cofiler: User, company: Company, title: str, topics: list[str],
                      texts: list[tuple[str, str]]):
    """A demo draft of ``texts`` (kind, clause), the co-filer invited and joined, and the version circulated."""
    draft = drafts.draft_create(user=lead, company=company, meeting_year=2027, title=title,
                                topics=Topic.objects.filter(name__in=topics))
    draft.clauses.all().delete()
    for position, (kind, text) in enumerate(texts):
        draft.clauses.create(kind=kind, text=drafts.clean_clause_text(draft=draft, text=text), position=position)
    drafts.draft_recount(draft=draft)
    invitation, _ = cofilers.invitation_create(
        draft=draft, user=lead, email=cofiler.email, organization_name=str(cofiler.organization),
        contact_name=cofiler.get_full_name(), base_url="http://127.0.0.1:8000", send_email=False,
    )
    cofilers.invitation_accept(invitation=invitation, user=cofiler)
    return draft, drafts.draft_circulate(draft=draft, user=lead)


def _statements(user: User, *, shares: int, price: str, held_since: date, authorizes_lead: bool,
                phone: str) -> cofilers.SignOnData:
    """Both demo filers' Rule 14a-8(b) statements for the filed draft (submitted on November 16, 2026)."""
    return cofilers.SignOnData(
        legal_name=str(user.organization), signatory_name=user.get_full_name(), signatory_title=user.job_title,
        email=user.email, phone=phone, shares=shares, market_value=shares * Decimal(price), held_since=held_since,
        holder_type=SignOn.Holder.BROKER, intends_to_hold=True, authorizes_lead=authorizes_lead,
        signature=user.get_full_name(), availability=[datetime(2026, 11, 30, 10), datetime(2026, 12, 2, 14)],
        submission_date=FILED_ON, valuation_date=date(2026, 11, 2), price_per_share=Decimal(price),
        price_basis=rule14a8.PRICE_HIGHEST_SALE,
    )


FILED_ON = date(2026, 11, 16)
SAMPLE_RECEIPT = (
    "From: Office of the Corporate Secretary <secretary@lonestar-energy.example>\r\n"
    "To: lead@example.org\r\nDate: Mon, 16 Nov 2026 16:12:00 -0600\r\n"
    "Subject: Re: Shareholder proposal for the 2027 annual meeting\r\n\r\n"
    "SAMPLE (generated for the Whereas demo). We acknowledge receipt today of your shareholder proposal "
    "and its enclosures.\r\n"
)


def load_filed_draft(*, lead: User, cofiler: User) -> Draft:
    """A second demo draft, finalized and submitted: both filers' statements, SAMPLE broker letters, a packet."""
    existing = Draft.objects.filter(title=DEMO_FILED_TITLE, lead_organization=lead.organization).first()
    if existing:
        if not existing.deficiency_notices.exists():  # a database loaded before the filing record existed
            load_filing_record(draft=existing, lead=lead, cofiler=cofiler)
        return existing
    company = Company.objects.get(name="Lone Star Energy Holdings")
    with transaction.atomic():
        draft, version = _circulated_draft(lead=lead, cofiler=cofiler, company=company, title=DEMO_FILED_TITLE,
                                           topics=["Climate"], texts=[
            ("whereas", "Methane warms the atmosphere far faster than carbon dioxide in the years after it escapes."),
            ("whereas", "The Company estimates its methane emissions from engineering factors rather than measuring them at its sites."),
            ("resolved", "Shareholders request that the Board publish, at reasonable cost and omitting proprietary information, an annual report of methane emissions measured at the Company's operated sites."),
        ])
        for user, shares, price, since, phone in ((lead, 90, "41.20", date(2020, 6, 1), "+1 212 555 0110"),
                                                  (cofiler, 400, "41.20", date(2021, 3, 1), "+1 518 555 0140")):
            cofilers.sign_on_create(draft=draft, version=version, user=user, ip_address="127.0.0.1",
                                    user_agent="load_demo", data=_statements(
                                        user, shares=shares, price=price, held_since=since, phone=phone,
                                        authorizes_lead=user is cofiler))
            letter = sample_broker_letter(record_holder="Example Custody Bank, N.A.",
                                          organization=str(user.organization), company=company.name,
                                          shares=shares, held_since=since, through=FILED_ON)
            filing.ownership_proof_add(
                draft=draft, user=lead, upload=ContentFile(letter, name="sample-broker-letter.pdf"), sample=True,
                data=filing.ProofInput(organization=user.organization, record_holder="Example Custody Bank, N.A.",
                                       period_start=since, period_end=FILED_ON, letter_date=FILED_ON))
        filing.draft_finalize(draft=draft, version=version, user=lead)
    exports.packet_build(packet=exports.packet_start(draft=draft, user=lead))
    filing.submission_record(
        draft=draft, user=lead, upload=ContentFile(SAMPLE_RECEIPT.encode(), name="sample-receipt.eml"),
        data=filing.SubmissionInput(submitted_on=FILED_ON, method="email",
                                    recipient="Dana Example, Corporate Secretary, secretary@lonestar-energy.example"))
    load_filing_record(draft=draft, lead=lead, cofiler=cofiler)
    return draft


def load_filing_record(*, draft: Draft, lead: User, cofiler: User) -> None:
    """After the submission: the presenter named, and the company's deficiency notice to the co-filer, its cure pending."""
    record.filing_record_save(draft=draft, user=lead, data=record.MeetingInput(
        meeting_date=None, presenter=f"{lead.get_full_name()}, {lead.organization}", proxy_filed_on=None))
    record.deficiency_notice_record(draft=draft, user=lead, data=record.DeficiencyNoticeInput(
        organization_id=cofiler.organization_id, sent_on=date(2026, 11, 25), received_on=date(2026, 11, 27),
        says="SAMPLE (demo): the broker's letter does not show that the shares were held continuously for the "
             "full period up to and including the date of submission."))


def load_all() -> list[User]:
    users = load_people()
    lead, cofiler, curator = users
    load_reference_data()
    load_evidence(user=curator)
    load_precedents(curator=curator)
    load_draft(lead=lead, cofiler=cofiler)
    load_filed_draft(lead=lead, cofiler=cofiler)
    for user in (lead, cofiler):
        if not CalendarFeed.objects.filter(user=user).active().exists():
            record.calendar_feed_create(user=user)
    return users
