"""From a signed text to a filed proposal: finalize, proofs of ownership, the submission.

Each write owns its transaction and its audit event. A file is checked (size, real type,
what it says it covers) before anything is written, so a refused upload leaves nothing behind.
"""
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import Organization

from resolutions import rule14a8
from ..models import AuditEvent, Draft, DraftVersion, PacketExport, SignOn
from resolutions.drafts.audit import audit_record
from .models import OwnershipProof, Submission
from .selectors import finalize_problems, version_to_file
from .packet import UploadedLetterError, uploaded_pages
from .uploads import EML, JPEG, MSG, PDF, PNG, checked_upload

PROOF_TYPES = (PDF, PNG, JPEG)
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
        uploaded_pages(upload.read(), content_type)
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
    packet = (draft.packets.filter(version=version, status=PacketExport.Status.DONE).exclude(file="")
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
