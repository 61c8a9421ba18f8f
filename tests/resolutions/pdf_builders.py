"""Drafts, sign-ons and PDF readers shared by the PDF and packet tests.

Drafts are built the way users build them: factories for the rows, DraftNote free-text notes
cited as ``[[note:ID]]``, clauses through resolutions.drafts.services, and version_save.
"""
import re
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal
from io import BytesIO

import pdfplumber
from django.db import transaction
from django.utils import timezone

from accounts.models import Organization, User
from resolutions.models import Invitation, SignOn
from resolutions.drafts import services
from tests import factories

DEMO_TITLE = "Report on Human Rights Due Diligence for Surveillance Products"
DEMO_NOTES = [
    "Example Vision Corp., Annual Report on Form 10-K for fiscal year 2025, p. 12, "
    "https://investors.example.com/10k-2025.",
    "Human Rights Research Institute, “Surveillance exports and human rights,” 2024, "
    "https://research.example.org/surveillance-exports.",
    "United Nations, Guiding Principles on Business and Human Rights, Principles 17–21 (2011).",
    "Algorithm Testing Lab, “Demographic differentials in face recognition,” 2023, "
    "https://lab.example.org/demographics.",
    "Civil Liberties Review, “Wrongful arrests after false face recognition matches,” 2024, "
    "https://review.example.org/false-matches.",
    "Regulation (EU) 2024/1689 (Artificial Intelligence Act), Article 5.",
    "Municipal Technology Tracker, “Local limits on face recognition,” updated 2025, "
    "https://tracker.example.org/face-recognition.",
    "Example Vision Corp., Human Rights Statement, 2025, https://www.example.com/human-rights.",
    "Example Vision Corp., Acceptable Use Policy for Vision Services, section 4, https://www.example.com/aup.",
    "Investor Network on Technology Risk, “Investor expectations on surveillance technology,” 2024, "
    "https://network.example.org/expectations.",
    "Peer Software Inc., Human Rights Impact Assessment of Vision Products, 2024, https://peer.example.com/hria.",
    "Governance Analytics, “The cost of human rights controversies to shareholder value,” 2023, "
    "https://analytics.example.org/controversies.",
]
# (kind, text); {n} is the n-th note's marker. Note 1 is cited twice, as filers do.
DEMO_CLAUSES = [
    ("whereas", "The Company sells cloud-based face recognition and video analytics services to law enforcement "
                "agencies and private customers in more than 40 countries.{1}"),
    ("whereas", "Human rights researchers have warned that surveillance technology sold without adequate safeguards "
                "can facilitate arbitrary detention, discrimination and the suppression of peaceful protest.{2} "
                "The UN Guiding Principles on Business and Human Rights expect companies to identify, prevent and "
                "account for such impacts through ongoing human rights due diligence.{3}"),
    ("whereas", "Independent testing has found that some face recognition systems misidentify women and people with "
                "darker skin at markedly higher rates,{4} and wrongful arrests based on false matches have been "
                "documented in several U.S. cities.{5}"),
    ("whereas", "Regulators are responding: the European Union's Artificial Intelligence Act restricts real-time "
                "remote biometric identification in public spaces,{6} and more than a dozen U.S. municipalities "
                "limit government use of face recognition.{7}"),
    ("whereas", "The Company's public human rights statement does not describe how it assesses the risks of its "
                "surveillance products before sale, or how it monitors their use by customers.{8} Investors cannot "
                "tell whether risks to a business of this size are managed.{1}"),
    ("resolved", "Shareholders request that the Board obtain an outside review, prepared at modest expense and "
                 "leaving out confidential material, of how the Company vets buyers of its surveillance products, "
                 "including how it spots, prevents and remedies harm to people before and after a sale."),
    ("supporting", "Shareholders recommend that the report address, at the Board's discretion:<ul><li>the criteria "
                   "the Company uses to decline or restrict a sale, and who decides;{9}</li><li>how customers' "
                   "compliance with use restrictions is monitored, and what happens when it fails;</li><li>the "
                   "role of affected communities and independent experts in the assessment.{10}</li></ul>"),
    ("supporting", "Peer companies have published such assessments without harm to their competitive position.{11} "
                   "A credible process protects the Company from legal, regulatory and reputational risk, and "
                   "shareholders from the loss of value that follows a human rights controversy.{12} We urge "
                   "shareholders to vote FOR this proposal."),
]


def draft_with_notes(user, *, title, notes, clauses, **fields):
    """A draft whose clauses cite free-text notes: ``{n}`` in a clause becomes note n's marker."""
    draft = factories.draft(user, title=title, **fields)
    made = [services.note_add(draft=draft, text=text) for text in notes]
    for kind, text in clauses:
        text = re.sub(r"\{(\d+)\}", lambda m: f"[[note:{made[int(m.group(1)) - 1].pk}]]", text)
        services.clause_add(draft=draft, expected_revision=draft.revision, kind=kind, text=text)
        draft.refresh_from_db()
    return draft


def demo_like_draft(user, **fields):
    return draft_with_notes(user, title=DEMO_TITLE, notes=DEMO_NOTES, clauses=DEMO_CLAUSES, **fields)


def many_notes_draft(user, count=25):
    """One cited recital per note, long enough that the draft runs to several pages."""
    notes = [f"Source {i:02d}: Research Group, “Findings on supply chain risk, part {i},” report {2000 + i}, "
             f"pages 1–40, https://research.example.org/report-{i}." for i in range(1, count + 1)]
    clauses = [("whereas", f"Recital {i:02d} records that the Company's suppliers in region {i} reported labor "
                           "violations, missed audits and unpaid overtime in each of the last three years, and that "
                           f"the Company has not disclosed how it responded to any of these findings.{{{i}}}")
               for i in range(1, count + 1)]
    clauses.append(("resolved", "Shareholders request a report on supply chain due diligence."))
    return draft_with_notes(user, title="Report on Supply Chain Labor Risks", notes=notes, clauses=clauses)


def filer_user(email, organization, **fields) -> User:
    org, _ = Organization.objects.get_or_create(legal_name=organization)
    return User.objects.create_user(email=email, password="x", organization=org, **fields)


def sign(text, user, *, signed_at: datetime, **fields) -> SignOn:
    """A co-filer's sign-on on the version ``text`` with every Rule 14a-8(b) statement filled in."""
    defaults = dict(
        version=text, version_sha256=text.sha256, status=SignOn.Status.SIGNED,
        legal_name=user.organization.legal_name, signatory_name=user.get_full_name() or user.email,
        signatory_title="Chief Investment Officer", email=user.email, phone="+1 212 555 0100", shares=120,
        market_value=Decimal("18250.00"), held_since=date(2021, 3, 1), holder_type=SignOn.Holder.BROKER,
        intends_to_hold=True, availability=["2026-12-14T10:00:00", "2026-12-16T14:30:00"], authorizes_lead=True,
        signature=user.get_full_name() or user.email, signed_at=signed_at,
    )
    return SignOn.objects.create(draft=text.draft, organization=user.organization, user=user,
                                 **{**defaults, **fields})


def join(draft, user) -> Invitation:
    """``user``'s organization co-files ``draft`` (an accepted invitation), so it may read the draft."""
    now = timezone.now()
    return Invitation.objects.create(
        draft=draft, email=user.email, organization_name=user.organization.legal_name,
        token_sha256=f"{draft.pk:032d}{user.pk:032d}", expires_at=now + timedelta(days=30),
        accepted_at=now, accepted_by=user, organization=user.organization,
    )


def at(day: int, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime(2026, 11, day, hour))


@contextmanager
def rolled_back(django_db_blocker):
    """Database work for a module-scoped fixture: whatever it makes is gone when the block ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


# --- reading PDFs back -------------------------------------------------------

CALL_SIZE = 7  # points; print.css sets footnote calls in 7pt, smaller than any other text


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text with whitespace collapsed (line breaks become spaces)."""
    with pdfplumber.open(BytesIO(pdf)) as document:
        return [" ".join((page.extract_text() or "").split()) for page in document.pages]


def footnote_calls(pdf: bytes) -> list[list[int]]:
    """The footnote numbers called on each page, in reading order: the 7-point digits."""
    with pdfplumber.open(BytesIO(pdf)) as document:
        return [[int(w["text"]) for w in page.extract_words(extra_attrs=["size"])
                 if w["text"].isdigit() and abs(w["size"] - CALL_SIZE) < 0.5] for page in document.pages]


def page_of(texts: list[str], needle: str) -> int | None:
    """The 1-based page whose text contains ``needle`` (whitespace collapsed), or None."""
    needle = " ".join(needle.split())
    return next((i for i, text in enumerate(texts, 1) if needle in text), None)


def table_rows(pdf: bytes, *, page: int) -> list[list[str]]:
    """The first table on a page, each cell's text with whitespace collapsed."""
    with pdfplumber.open(BytesIO(pdf)) as document:
        table = document.pages[page].extract_table()
    return [[" ".join((cell or "").split()) for cell in row] for row in table]
