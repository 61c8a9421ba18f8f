"""From a signed text to a filed proposal: the exports (proposal, letters, Word copy, the packet),
an edited Word copy uploaded as a new version, finalize, proofs of ownership, the submission.

Each write owns its transaction and its audit event. A file is checked (size, real type,
what it says it covers) before anything is written, so a refused upload leaves nothing behind.
"""
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from accounts.models import Organization

from resolutions import rule14a8
from ..models import AuditEvent, Draft, DraftVersion, PacketExport, SignOn
from resolutions.drafts.audit import audit_record
from resolutions.drafts.rendering import canonical_content, content_sha256
from resolutions.drafts.services import version_save
from . import docx_version
from .docx_export import ProposalWord
from .docx_read import TrackedChanges, WordFileError, read_word_proposal
from .models import OwnershipProof, Submission
from .pdf.letters import letter_with_proposal
from .pdf.packet import packet_pdf
from .pdf.proposal import ProposalDocument
from .pdf.render import DEFAULT_VARIANT
from .selectors import draft_content_sha256, finalize_problems, version_to_file
from .uploads import EML, JPEG, MSG, PDF, PNG, checked_upload

logger = logging.getLogger(__name__)
PROOF_TYPES = (PDF, PNG, JPEG)
RECEIPT_TYPES = (EML, MSG, PDF, PNG, JPEG)


# --- Exports -------------------------------------------------------------------------------------


def _stored_export(name: str, render: Callable[[], bytes], *, version: DraftVersion, user, detail: str) -> bytes:
    """The file stored under ``name``, or ``render()`` stored there and audited (the first time).

    A fresh render is returned as it is, not read back from storage.
    """
    if default_storage.exists(name):
        with default_storage.open(name) as file:
            return file.read()
    data = render()
    with transaction.atomic():
        audit_record(draft=version.draft, actor=user, verb=AuditEvent.Verb.EXPORTED, detail=detail)
        default_storage.save(name, ContentFile(data))
    return data


def proposal_export(*, version: DraftVersion, user, variant: str = DEFAULT_VARIANT) -> bytes:
    """The version's proposal PDF: read from storage, or rendered, stored and audited the first time."""
    document = ProposalDocument.of(version, variant)
    return _stored_export(document.storage_name, document.render, version=version, user=user,
                          detail=f"Proposal PDF of version {version.number} ({version.short_hash})")


def proposal_docx_export(*, version: DraftVersion, user) -> bytes:
    """The version's Word copy: read from storage, or made, stored and audited the first time."""
    word = ProposalWord.of(version)
    return _stored_export(word.storage_name, word.render, version=version, user=user,
                          detail=f"Proposal Word file of version {version.number} ({version.short_hash})")


def letter_export(*, version: DraftVersion, organization_id: int, user) -> bytes | None:
    """One filer's letter with the proposal attached, audited; None if the organization does not file it."""
    made = letter_with_proposal(version, organization_id)
    if made is None:
        return None
    pdf, filer = made
    audit_record(draft=version.draft, actor=user, verb=AuditEvent.Verb.EXPORTED,
                 detail=f"Letter of {filer.organization}, version {version.number} ({version.short_hash})")
    return pdf


def filer_packet_export(*, version: DraftVersion, organization_id: int, user) -> bytes:
    """The packet cut to one filer's documents (a co-filer filing on its own), audited.

    ValueError when the organization does not file this version.
    """
    pdf, _, _ = packet_pdf(version, organization_id=organization_id)
    audit_record(draft=version.draft, actor=user, verb=AuditEvent.Verb.EXPORTED,
                 detail=f"Filing packet of version {version.number} cut to organization {organization_id}")
    return pdf


def _version_to_export(draft: Draft, *, user) -> DraftVersion:
    """The latest version, or a new one (reason "exported") if the draft changed since it was saved."""
    latest = draft.versions.newest()
    if latest is None or latest.sha256 != draft_content_sha256(draft):
        return version_save(draft=draft, user=user, reason=DraftVersion.Reason.EXPORTED)
    return latest


def packet_request(*, draft: Draft, user) -> tuple[PacketExport, bool]:
    """The Build button: a new packet (True), or the one of that text still building (False).

    Of the finalized version when the draft is final or filed; before that, of the draft's
    current text (saving a version if it changed since the latest), as a draft packet whose
    proposal carries the DRAFT mark. The draft's row is locked meanwhile, so a double-click
    cannot start two builds. The caller queues ``tasks.packet_build`` for a new one.
    """
    with transaction.atomic():
        Draft.objects.select_for_update().values_list("pk", flat=True).get(pk=draft.pk)
        version = version_to_file(draft) or _version_to_export(draft, user=user)
        building = draft.packets.building().filter(version=version).first()
        if building is not None:
            return building, False
        return packet_start(draft=draft, user=user, version=version), True


def packet_start(*, draft: Draft, user, version: DraftVersion | None = None) -> PacketExport:
    """The PacketExport row, waiting for ``packet_build``."""
    with transaction.atomic():
        version = version or version_to_file(draft) or _version_to_export(draft, user=user)
        return PacketExport.objects.create(draft=draft, version=version, requested_by=user,
                                           step="Waiting to start")


def packet_build(*, packet: PacketExport) -> PacketExport:
    """Render the packet's documents and join them (run by the Celery task), writing progress to the
    row so the packet page can show it; a failure is recorded on the row, not raised."""
    version = packet.version
    try:
        pdf, filers, pages = packet_pdf(version, progress=lambda percent, step: _packet_progress(
            packet, percent, step, status=PacketExport.Status.RUNNING))
        packet.file.save(f"draft-{version.draft_id}-v{version.number}-packet-{packet.pk}.pdf", ContentFile(pdf),
                         save=False)
        packet.status, packet.progress, packet.step = PacketExport.Status.DONE, 100, "Ready"
        packet.finished_at = timezone.now()
        with transaction.atomic():
            packet.save(update_fields=["file", "status", "progress", "step", "finished_at"])
            audit_record(draft=packet.draft, actor=packet.requested_by, verb=AuditEvent.Verb.EXPORTED,
                         detail=f"Filing packet of version {version.number} ({version.short_hash}), "
                                f"{len(filers)} filer{'s' if len(filers) != 1 else ''}, {pages} pages"
                                + ("" if version.finalized_at else ", draft"))
    except Exception as error:  # any failure: the row tells the user, the log keeps the traceback
        logger.exception("Filing packet %s failed", packet.pk)
        packet.status, packet.error, packet.finished_at = PacketExport.Status.FAILED, str(error), timezone.now()
        packet.save(update_fields=["status", "error", "finished_at"])
    return packet


def _packet_progress(packet: PacketExport, percent: int, step: str, **fields) -> None:
    """Write progress at once (no transaction), so a page polling the row sees it."""
    PacketExport.objects.filter(pk=packet.pk).update(progress=percent, step=step, **fields)
    packet.progress, packet.step = percent, step
    for name, value in fields.items():
        setattr(packet, name, value)


# --- An edited Word copy uploaded as a new version --------------------------------------------------


TITLE_MAX = 300
@dataclass
class WordUpload:
    version: DraftVersion
    base: DraftVersion
    tracked: TrackedChanges


def version_from_docx(*, draft: Draft, user, data: bytes, filename: str) -> WordUpload:
    """Read ``data`` (an edited Word copy of one of the draft's versions) and save it as the next version.

    Raises ValidationError, saving nothing, when the file cannot be read, came from another
    draft or an unknown version, holds a part over the clause limit, or changes nothing.
    """
    try:
        word = read_word_proposal(data)
    except WordFileError as error:
        raise ValidationError(str(error)) from error
    base = docx_version.base_version(draft, word)
    with transaction.atomic():
        locked = Draft.objects.select_for_update().get(pk=draft.pk)
        rendered = docx_version.rendered_parts(locked, base, word)
        content = canonical_content(
            title=(word.title or base.content["title"])[:TITLE_MAX], company=base.content["company"],
            meeting_year=base.content["meeting_year"], layout=base.content["layout"], rendered=rendered,
            topics=base.content.get("topics", []),
        )
        if docx_version.reading(content) == docx_version.reading(base.content):
            raise ValidationError(f"“{filename}” has the same text as version {base.number}: no version was made.")
        number = locked.versions.next_number()
        version = DraftVersion.objects.create(draft=locked, number=number, content=content,
                                              sha256=content_sha256(content),
                                              reason=DraftVersion.Reason.UPLOADED, created_by=user)
        tracked = f"; tracked changes read as accepted ({word.tracked})" if word.tracked else ""
        audit_record(draft=locked, actor=user, verb=AuditEvent.Verb.VERSION_SAVED,
                     detail=f"Version {number} ({version.short_hash}), uploaded from the Word file “{filename}”, "
                            f"edited from version {base.number}{tracked}")
    return WordUpload(version=version, base=base, tracked=word.tracked)


def tracked_message(tracked: TrackedChanges) -> str:
    return (f"The Word file had tracked changes ({tracked}); they were read as accepted. Check the redline "
            "before you circulate this version.") if tracked else ""


# --- The record of filing ------------------------------------------------------------------------


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
