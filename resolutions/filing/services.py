"""From a signed text to a filed proposal: finalize, proofs of ownership, representation, the submission
(the exports are in ``exports``, the Word upload in ``docx_version``).

Each write owns its transaction and its audit event. A file is checked (size, real type,
what it says it covers) before anything is written, so a refused upload leaves nothing behind.
"""
import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organization, organization_name_key
from config.mail import send_or_say_why

from resolutions import rule14a8
from ..models import AuditEvent, Draft, DraftVersion, PacketExport, SignOn
from resolutions.cofiling.services import InvalidInvitation
from resolutions.drafts.audit import audit_record
from .authorization import authorization_paragraphs
from .models import OwnershipProof, Representation, Submission
from .selectors import finalize_problems, version_to_file
from .packet import UploadedLetterError, uploaded_pages
from .uploads import EML, JPEG, MSG, PDF, PNG, checked_upload

PROOF_TYPES = AUTHORIZATION_TYPES = (PDF, PNG, JPEG)
RECEIPT_TYPES = (EML, MSG, PDF, PNG, JPEG)


def draft_finalize(*, draft: Draft, version: DraftVersion, user) -> DraftVersion:
    """Pick ``version`` as the text to file. Refused, with every reason, unless each filer signed its SHA-256."""
    with transaction.atomic():
        locked = Draft.objects.select_for_update().get(pk=draft.pk)
        problems = finalize_problems(locked, version)
        if problems:
            raise ValidationError(problems)
        now = timezone.now()
        DraftVersion.objects.filter(pk=version.pk).update(finalized_at=now, finalized_by=user)
        version.finalized_at, version.finalized_by = now, user
        Draft.objects.filter(pk=locked.pk).update(status=Draft.Status.FINAL)
        draft.status = Draft.Status.FINAL
        audit_record(draft=locked, actor=user, verb=AuditEvent.Verb.FINALIZED,
                     detail=f"Version {version.number} ({version.short_hash}) is the text to file")
    return version


@dataclass(frozen=True)
class ProofInput:
    organization: Organization
    record_holder: str
    period_start: date
    period_end: date
    letter_date: date


def ownership_proof_add(*, draft: Draft, user, data: ProofInput, upload, sample: bool = False) -> OwnershipProof:
    """Keep one record holder's letter for a filer, if it covers the period up to the submission date.

    ``sample``: a letter the app generated (the demo's), marked SAMPLE wherever it is shown.
    """
    content_type = checked_upload(upload, accepted=PROOF_TYPES, what="a proof of ownership letter")
    problems = []
    if data.period_start > data.period_end:
        problems.append("The period the letter covers ends before it starts.")
    if data.letter_date < data.period_end:
        problems.append("A letter cannot verify ownership after the day it is dated.")
    sign_on = SignOn.objects.filter(draft=draft, organization=data.organization).first()
    submission_date = (sign_on.submission_date if sign_on and sign_on.submission_date else None)
    if submission_date is None:
        problems.append(f"{data.organization} has not given its planned submission date yet (its Rule 14a-8(b) "
                        "statements); the letter is checked against it.")
    if problems:
        raise ValidationError(problems)
    needed = (rule14a8.required_holding_start(market_value=sign_on.market_value, submission_date=submission_date)
              if sign_on.market_value is not None else None)
    coverage = rule14a8.check_proof_period(period_start=data.period_start, period_end=data.period_end,
                                         held_since_needed=needed, submission_date=submission_date)
    if coverage.status == rule14a8.ERROR:
        raise ValidationError(coverage.message + " Nothing was saved.")
    try:  # read now, in the sandbox, so a letter that cannot go into the packet is refused here
        uploaded_pages(upload.read(), content_type, check_only=True)
    except UploadedLetterError as error:
        raise ValidationError(str(error)) from error
    upload.seek(0)
    with transaction.atomic():
        proof = OwnershipProof(draft=draft, organization=data.organization, record_holder=data.record_holder.strip(),
                               period_start=data.period_start, period_end=data.period_end,
                               letter_date=data.letter_date, original_name=upload.name[:255],
                               content_type=content_type, uploaded_by=user, sample=sample)
        proof.file.save(upload.name, upload, save=False)
        proof.save()
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.PROOF_ADDED,
                     detail=f"{data.organization}: {proof}, covering {data.period_start:%B %-d, %Y} to "
                            f"{data.period_end:%B %-d, %Y}")
    return proof


def ownership_proof_remove(*, proof: OwnershipProof, user) -> None:
    with transaction.atomic():
        audit_record(draft=proof.draft, actor=user, verb=AuditEvent.Verb.PROOF_REMOVED,
                     detail=f"{proof.organization}: {proof}")
        name = proof.file.name
        proof.delete()
        transaction.on_commit(lambda: proof.file.storage.delete(name))


@dataclass(frozen=True)
class SubmissionInput:
    submitted_on: date
    method: str
    recipient: str


def submission_record(*, draft: Draft, user, data: SubmissionInput, upload) -> Submission:
    """Mark the finalized text as submitted, with the company's proof of receipt (SLB 14M)."""
    if draft.status == Draft.Status.FILED:
        raise ValidationError("This draft is marked as submitted already.")
    version = version_to_file(draft)
    if version is None:
        raise ValidationError("Finalize the text to file before marking it as submitted.")
    content_type = checked_upload(upload, accepted=RECEIPT_TYPES, what="a proof of receipt")
    if data.submitted_on > timezone.localdate():
        raise ValidationError("The submission date is in the future; record the submission once it is sent.")
    packet = (draft.packets.packets().filter(version=version, status=PacketExport.Status.DONE).exclude(file="")
              .order_by("-created_at").first())
    with transaction.atomic():
        submission = Submission(draft=draft, version=version, packet=packet, submitted_on=data.submitted_on,
                                method=data.method, recipient=data.recipient.strip(), proof_name=upload.name[:255],
                                proof_type=content_type, recorded_by=user)
        submission.proof.save(upload.name, upload, save=False)
        submission.save()
        Draft.objects.filter(pk=draft.pk).update(status=Draft.Status.FILED)
        draft.status = Draft.Status.FILED
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.SUBMITTED,
                     detail=f"Version {version.number} submitted on {data.submitted_on:%B %-d, %Y} by "
                            f"{submission.get_method_display().lower()} to {submission.recipient}; proof of "
                            f"receipt “{submission.proof_name}”")
    return submission


# --- Rule 14a-8(b)(1)(iv): a filer that submits for a shareholder ------------------------

@dataclass(frozen=True)
class RepresentationInput:
    shareholder_name: str
    shareholder_kind: str
    basis: str
    self_evident_role: str = ""
    signer_name: str = ""
    signer_title: str = ""
    signer_email: str = ""
    document_date: date | None = None


def _representation_problems(organization: Organization, data: RepresentationInput, upload) -> list[str]:
    Basis = Representation.Basis
    problems = []
    name = " ".join(data.shareholder_name.split())
    if not organization_name_key(name):
        problems.append("Give the shareholder's legal name.")
    elif organization_name_key(name) == organization.name_key:
        problems.append(f"{name} is your own organization: a filer that holds the shares itself files for itself, "
                        "with no representative.")
    if data.basis == Basis.SELF_EVIDENT:
        if data.shareholder_kind != Representation.Kind.ENTITY:
            problems.append("Rule 14a-8(b)(1)(iv): only an entity's agent can rely on authority that is apparent and "
                            "self-evident; an individual shareholder signs and dates an authorization.")
        if not data.self_evident_role.strip():
            problems.append("Rule 14a-8(b)(1)(iv): say why your authority is apparent and self-evident "
                            "(for example “is the fund's general partner”).")
    elif data.basis == Basis.SIGNED_HERE:
        if not data.signer_name.strip() or not data.signer_email.strip():
            problems.append("Rule 14a-8(b)(1)(iv): the authorization is signed and dated by the shareholder: name "
                            "the person who signs for it and give their email, where the signing link goes.")
    else:
        if upload is None:
            problems.append("Rule 14a-8(b)(1)(iv): attach the authorization the shareholder signed and dated.")
        if not data.signer_name.strip():
            problems.append("Say who signed the authorization for the shareholder.")
        if data.document_date is None:
            problems.append("Rule 14a-8(b)(1)(iv): give the date on the signed authorization.")
        elif data.document_date > timezone.localdate():
            problems.append("The authorization's date is in the future; upload it once it is signed.")
    return problems


def representation_save(*, draft: Draft, user, organization: Organization, data: RepresentationInput, upload=None,
                        base_url: str = "") -> Representation:
    """Record that ``organization`` files ``draft`` for a shareholder, and how the shareholder authorizes it.

    Saving again replaces the authorization (a signed one too: what the shareholder signed named
    the old details), and a link sent before stops working. With ``basis`` SIGNED_HERE the signer
    is emailed a single-use link once the transaction commits.
    """
    content_type = (checked_upload(upload, accepted=AUTHORIZATION_TYPES, what="a signed authorization")
                    if upload is not None and data.basis == Representation.Basis.UPLOADED else "")
    problems = _representation_problems(organization, data, upload)
    if problems:
        raise ValidationError(problems)
    if content_type:  # read now, in the sandbox, as a broker letter is: one the packet cannot place is refused here
        try:
            uploaded_pages(upload.read(), content_type, check_only=True)
        except UploadedLetterError as error:
            raise ValidationError(str(error)) from error
        upload.seek(0)
    token = secrets.token_urlsafe(32) if data.basis == Representation.Basis.SIGNED_HERE else ""
    with transaction.atomic():
        found = Representation.objects.select_for_update().filter(draft=draft, organization=organization).first()
        old_file = found.file.name if found and found.file else ""
        representation = Representation(pk=found.pk if found else None, draft=draft, organization=organization,
                                        created_by=user)
        representation.shareholder_name = " ".join(data.shareholder_name.split())
        representation.shareholder_kind, representation.basis = data.shareholder_kind, data.basis
        if data.basis == Representation.Basis.SELF_EVIDENT:
            representation.self_evident_role = data.self_evident_role.strip()
        else:
            representation.signer_name, representation.signer_title = data.signer_name.strip(), data.signer_title.strip()
            representation.signer_email = data.signer_email.strip().lower()
        if token:
            representation.token_sha256 = hashlib.sha256(token.encode()).hexdigest()
            representation.expires_at = timezone.now() + timedelta(days=settings.INVITATION_DAYS)
        if content_type:
            representation.document_date, representation.proposal_title = data.document_date, draft.title
            representation.original_name, representation.content_type = upload.name[:255], content_type
            representation.file.save(upload.name, upload, save=False)
        representation.save(force_insert=found is None, force_update=found is not None)
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.REPRESENTATION,
                     detail=f"{organization} files for {representation.shareholder_name}: "
                            f"{representation.get_basis_display()}")
        if old_file:
            transaction.on_commit(lambda: representation.file.storage.delete(old_file))
        if token:
            link = base_url.rstrip("/") + reverse("authorization_sign", args=[token])
            transaction.on_commit(lambda: _send_authorization_request(representation, link))
    return representation


def _send_authorization_request(representation: Representation, link: str) -> None:
    draft = representation.draft
    context = {"representation": representation, "draft": draft, "link": link, "days": settings.INVITATION_DAYS}
    message = EmailMultiAlternatives(
        subject=f"Please authorize {representation.organization} to submit “{draft.title}” for "
                f"{representation.shareholder_name}",
        body=render_to_string("filing/email/authorization_request.txt", context), to=[representation.signer_email])
    representation.send_error = send_or_say_why(message)
    Representation.objects.filter(pk=representation.pk).update(send_error=representation.send_error)


def representation_remove(*, representation: Representation, user) -> None:
    """The filer files for itself after all: the representation and any authorization go."""
    with transaction.atomic():
        audit_record(draft=representation.draft, actor=user, verb=AuditEvent.Verb.REPRESENTATION,
                     detail=f"{representation.organization} no longer files for {representation.shareholder_name}")
        name = representation.file.name if representation.file else ""
        storage = representation.file.storage
        representation.delete()
        if name:
            transaction.on_commit(lambda: storage.delete(name))


def representation_for_token(token: str) -> Representation:
    """The representation a signing link is for; ``InvalidInvitation`` says why a link cannot be used."""
    representation = (Representation.objects.select_related("draft__company", "organization")
                      .filter(token_sha256=hashlib.sha256((token or "").encode()).hexdigest()).first()
                      if token else None)
    if representation is None or representation.basis != Representation.Basis.SIGNED_HERE:
        raise InvalidInvitation("This signing link is not valid, or it was replaced by a newer one. Ask the "
                                "representative to send it again.")
    if representation.expires_at and representation.expires_at <= timezone.now():
        raise InvalidInvitation(f"This signing link expired on {representation.expires_at:%B %-d, %Y}. Ask the "
                                "representative to send it again.")
    return representation


@dataclass(frozen=True)
class AuthorizationInput:
    signer_name: str
    signer_title: str
    support_statement: str
    signature: str


def authorization_sign(*, representation: Representation, data: AuthorizationInput, ip_address=None,
                       user_agent: str = "") -> Representation:
    """The shareholder's signer signs and dates the authorization; the link is used up."""
    with transaction.atomic():
        locked = (Representation.objects.select_for_update().select_related("draft__company", "organization")
                  .get(pk=representation.pk))
        if locked.token_sha256 != representation.token_sha256 or not locked.token_sha256:
            raise InvalidInvitation("This signing link was used or replaced already.")
        draft = locked.draft
        locked.signer_name, locked.signer_title = data.signer_name.strip(), data.signer_title.strip()
        locked.support_statement, locked.signature = data.support_statement.strip(), data.signature.strip()
        locked.proposal_title = draft.title
        locked.signed_text = authorization_paragraphs(
            company=draft.company.name, meeting_year=draft.meeting_year, title=draft.title,
            topics=[t.name for t in draft.topics.all()], shareholder=locked.shareholder_name,
            representative=locked.organization.legal_name, support=locked.support_statement)
        locked.signed_at, locked.token_sha256 = timezone.now(), ""
        locked.signed_ip, locked.signed_user_agent = ip_address, (user_agent or "")[:500]
        locked.save()
        audit_record(draft=draft, actor=None, verb=AuditEvent.Verb.AUTHORIZED,
                     detail=f"{locked.shareholder_name} authorized {locked.organization}: signed by "
                            f"{locked.signer_name} <{locked.signer_email}>")
    return locked
