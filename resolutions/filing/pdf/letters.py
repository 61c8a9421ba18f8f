"""Submission letters: one per filer, to the company's Corporate Secretary, with the 14a-8(b) statements.

The statements come from the filer's sign-on. The lead filer may have none: its letter then
says what is still to be confirmed instead of asserting ownership or availability it was
never given.
"""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format

from resolutions import rule14a8
from resolutions.catalogue.models import time_zone_label
from resolutions.models import DraftVersion, SignOn
from resolutions.filing.authorization import self_evident_statement
from .filers import Filer, version_filers
from .proposal import ProposalDocument
from .render import combined_pdf


def engagement_slots(values: list, *, zone: str = "") -> list[str]:
    """Offered meeting times as a reader wants them: "Monday, December 14, 2026, 10:00 AM CST".

    The times are the office's wall-clock times; ``zone`` (an IANA name) is the office's time zone
    they were given in. Without one they are shown as they were typed, with the server's zone.
    """
    office = ZoneInfo(zone) if zone else None
    slots = []
    for value in values:
        text = str(value)
        try:
            if len(text) == 10:
                slots.append(date_format(date.fromisoformat(text), "l, F j, Y"))
                continue
            moment = datetime.fromisoformat(text)
        except ValueError:
            slots.append(text)
            continue
        if office is not None:
            moment = timezone.make_aware(moment.replace(tzinfo=None), office)
        else:
            moment = timezone.localtime(moment if timezone.is_aware(moment) else timezone.make_aware(moment))
        slots.append(date_format(moment, "l, F j, Y, g:i A T"))
    return slots


def letter_context(version: DraftVersion, filer: Filer, *, lead: Filer, today: date, bookmark: str = "") -> dict:
    draft = version.draft
    sign_on: SignOn | None = filer.sign_on
    author = version.created_by or draft.created_by
    if sign_on:
        signer = {"name": filer.name, "title": sign_on.signatory_title, "signature": sign_on.signature,
                  "email": sign_on.email or (sign_on.user.email if sign_on.user else ""), "phone": sign_on.phone}
    else:
        signer = {"name": filer.name, "title": getattr(author, "job_title", ""), "signature": "",
                  "email": getattr(author, "email", ""), "phone": getattr(author, "phone", "")}
    return {
        "version": version, "content": version.content, "filer": filer, "lead": lead, "sign_on": sign_on,
        "address": (sign_on.organization if sign_on else draft.lead_organization).address,
        "date": timezone.localdate(sign_on.signed_at) if sign_on and sign_on.signed_at else today,
        "signer": signer, "statements": statements(version, filer, lead=lead),
        "slots": engagement_slots(sign_on.availability, zone=sign_on.availability_time_zone) if sign_on else [],
        "zone": time_zone_label(sign_on.availability_time_zone) if sign_on else "", "bookmark": bookmark,
        "company": draft.company,
    }


def statements(version: DraftVersion, filer: Filer, *, lead: Filer) -> dict[str, str]:
    """The Rule 14a-8(b) statements of one filer, in plain words, from what its sign-on records."""
    sign_on, org = filer.sign_on, filer.proponent  # a representative's letter speaks of the shareholder's shares
    company, year = version.content["company"], version.content["meeting_year"]
    said = {}
    if filer.representation is not None:
        said["representation"] = representation_statement(filer)
    if sign_on and (sign_on.shares or sign_on.market_value is not None or sign_on.held_since):
        holding = (f"{sign_on.shares:,} shares of the voting stock of {company}" if sign_on.shares
                   else f"voting shares of {company}")
        if sign_on.market_value is not None and not sign_on.valuation_date:
            holding += f", with a market value of ${sign_on.market_value:,.2f},"
        if sign_on.held_since:
            said["ownership"] = (f"{org} has continuously held {holding} since "
                                 f"{date_format(sign_on.held_since, 'F j, Y')}.")
        else:
            said["ownership"] = f"{org} holds {holding}".rstrip(",") + "."
        if sign_on.valuation_date and sign_on.price_per_share is not None and sign_on.market_value is not None:
            basis = rule14a8.PRICE_BASES.get(sign_on.price_basis, rule14a8.PRICE_BASES[rule14a8.PRICE_BID_ASK])
            said["ownership"] += (
                f" On {date_format(sign_on.valuation_date, 'F j, Y')}, within the 60 calendar days before this "
                f"submission, these shares were worth ${sign_on.market_value:,.2f} at ${sign_on.price_per_share:,.2f} "
                f"per share, {basis}."
            )
        if sign_on.market_value is not None and sign_on.held_since and sign_on.submission_date:
            verdict = rule14a8.ownership_verdict(market_value=sign_on.market_value, held_since=sign_on.held_since,
                                               as_of=sign_on.submission_date)
            if verdict.status == rule14a8.OK:
                amount, years = verdict.details["tier"]
                said["ownership"] += (f" This meets the threshold of Rule 14a-8(b)(1)(i): at least ${amount:,.0f} "
                                      f"held continuously for at least {years} year{'s' if years > 1 else ''}.")
        said["proof"] = {
            SignOn.Holder.RECORD: f"{org} is a registered holder of these shares; the Company can verify its "
                                  "ownership in its own records.",
            SignOn.Holder.BROKER: f"The shares are held through a broker or bank, which will provide a letter "
                                  f"verifying {org}'s continuous ownership.",
        }.get(sign_on.holder_type, "Proof of ownership will follow.")
    else:
        said["ownership"] = (f"{org} holds voting shares of {company}; its ownership is to be confirmed by proof "
                             "of ownership.")
    if sign_on and sign_on.intends_to_hold:
        said["intent"] = (f"{org} intends to continue to hold the required amount of shares through the date of "
                          f"the Company's {year} annual meeting of shareholders.")
    else:
        said["intent"] = (f"{org}'s intent to hold the shares through the date of the {year} annual meeting is to "
                          "be confirmed.")
    if not filer.lead and sign_on and sign_on.authorizes_lead:
        said["authorization"] = (
            f"{filer.organization} authorizes {lead.organization} to act on its behalf in all matters relating to this proposal, "
            f"submitted to {company} for its {year} annual meeting, including engagement with the Company and "
            "the withdrawal of the proposal."
        )
    return said


def representation_statement(filer: Filer) -> str:
    """Rule 14a-8(b)(1)(iv): who the representative submits for, and what authorizes it."""
    representation = filer.representation
    shareholder = representation.shareholder_name
    said = (f"{filer.organization} submits this proposal as the representative of {shareholder}, the proponent, "
            "under Rule 14a-8(b)(1)(iv).")
    if representation.basis == representation.Basis.SELF_EVIDENT:
        return said + " " + self_evident_statement(shareholder=shareholder, representative=filer.organization,
                                                   role=representation.self_evident_role)
    if representation.authorized:
        return said + (f" {shareholder}'s authorization, signed and dated by {representation.signer_name} on "
                       f"{date_format(representation.dated, 'F j, Y')}, is enclosed.")
    return said + f" {shareholder}'s signed and dated authorization is to follow."


def letter_html(version: DraftVersion, filer: Filer, *, lead: Filer, today: date, bookmark: str = "") -> str:
    return render_to_string("filing/pdf/letter.html",
                            letter_context(version, filer, lead=lead, today=today, bookmark=bookmark))


def letter_with_proposal(version: DraftVersion, organization_id: int) -> tuple[bytes, Filer] | None:
    """One filer's letter with the proposal attached, and the filer; None if the organization does not file
    this version."""
    filers = version_filers(version)
    filer = next((f for f in filers if f.organization_id == organization_id), None)
    if filer is None:
        return None
    letter = letter_html(version, filer, lead=filers[0], today=timezone.localdate(),
                         bookmark=f"Letter of {filer.organization}")
    proposal = ProposalDocument.of(version).html(bookmark="Proposal")
    content = version.content
    pdf = combined_pdf([(letter, {}), (proposal, {})], metadata={
        "title": f"Submission letter of {filer.organization}: {content['title']}",
        "authors": [filer.organization],
        "description": f"{content['company']}, {content['meeting_year']} annual meeting",
        "keywords": content["topics"],
    })
    return pdf, filer
