"""The filing exports, each a service: the proposal PDF, the Word copy, a filer's letter, a filer's cut of
the packet, and the filing packet (requested, started, built by the Celery task ``tasks.packet_build``).
A long draft's proposal PDF and letters are made the packet's way: a PacketExport row of their kind,
requested (``pdf_request``), built by ``tasks.pdf_build``, its progress polled.

Each stores its file and records its audit event in one transaction, so a file is never kept
without its event (a later download of a stored file is served, not audited again).
"""
import logging
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from ..models import AuditEvent, Draft, DraftVersion, PacketExport
from resolutions.drafts.audit import audit_record
from resolutions.drafts.services import version_save
from .docx_export import ProposalWord
from .pdf.letters import letter_with_proposal
from .pdf.packet import packet_pdf
from .pdf.proposal import ProposalDocument
from .pdf.render import DEFAULT_VARIANT
from .selectors import draft_content_sha256, version_to_file
from resolutions.notifications.models import Kind
from resolutions.notifications.services import notification_emit

logger = logging.getLogger(__name__)


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


def proposal_export(*, version: DraftVersion, user, variant: str = DEFAULT_VARIANT,
                    document: ProposalDocument | None = None) -> bytes:
    """The version's proposal PDF: read from storage, or rendered, stored and audited the first time."""
    document = document or ProposalDocument.of(version, variant)
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
    current text (saving a version if it changed since the latest), as a preview: every page
    says PREVIEW_MARK and the proposal carries the DRAFT mark (the lead checks the documents
    before the last signature). The draft's row is locked meanwhile, so a double-click cannot
    start two builds. The caller queues ``tasks.packet_build`` for a new one.
    """
    with transaction.atomic():
        Draft.objects.select_for_update().values_list("pk", flat=True).get(pk=draft.pk)
        version = version_to_file(draft) or _version_to_export(draft, user=user)
        building = draft.packets.packets().building().filter(version=version).first()
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
        with transaction.atomic():
            _done(packet)
            audit_record(draft=packet.draft, actor=packet.requested_by, verb=AuditEvent.Verb.EXPORTED,
                         detail=f"Filing packet of version {version.number} ({version.short_hash}), "
                                f"{len(filers)} filer{'s' if len(filers) != 1 else ''}, {pages} pages"
                                + ("" if version.finalized_at else ", draft"))
            notification_emit(draft=packet.draft, kind=Kind.PACKET_READY, actor=packet.requested_by, target=packet)
    except Exception as error:  # any failure: the row tells the user, the log keeps the traceback
        _failed(packet, error)
    return packet


def pdf_request(*, version: DraftVersion, user, kind: str, organization_id: int | None = None,
                variant: str = "") -> tuple[PacketExport, bool]:
    """A long draft's proposal PDF or letter to make in the background: a new row (True), or the one of
    the same document still being made (False: a second click starts no second render). The caller
    queues ``tasks.pdf_build`` for a new one."""
    with transaction.atomic():
        Draft.objects.select_for_update().values_list("pk", flat=True).get(pk=version.draft_id)
        same = PacketExport.objects.filter(version=version, kind=kind, organization_id=organization_id,
                                           variant=variant)
        building = same.building().first()
        if building is not None:
            return building, False
        return PacketExport.objects.create(draft_id=version.draft_id, version=version, requested_by=user, kind=kind,
                                           organization_id=organization_id, variant=variant,
                                           step="Waiting to start"), True


def pdf_build(*, export: PacketExport) -> PacketExport:
    """Make the row's proposal PDF (stored as ``proposal_export`` stores it) or letter (run by the Celery
    task), and record the outcome on the row: a render stopped at its limit is a failure with its reason."""
    version = export.version
    try:
        _packet_progress(export, 10, "Laying out the pages", status=PacketExport.Status.RUNNING)
        if export.kind == PacketExport.Kind.PROPOSAL:
            document = ProposalDocument.of(version, export.variant)
            proposal_export(version=version, user=export.requested_by, variant=export.variant, document=document)
            export.file.name = document.storage_name
        else:
            pdf = letter_export(version=version, organization_id=export.organization_id, user=export.requested_by)
            if pdf is None:
                raise ValueError("This organization does not file this version.")
            export.file.save(f"draft-{version.draft_id}-v{version.number}-letter-{export.pk}.pdf", ContentFile(pdf),
                             save=False)
        _done(export)
    except Exception as error:
        _failed(export, error)
    return export


def _done(export: PacketExport) -> None:
    export.status, export.progress, export.step = PacketExport.Status.DONE, 100, "Ready"
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "status", "progress", "step", "finished_at"])


def _failed(export: PacketExport, error: Exception) -> None:
    """The row tells the user (a stopped render's own reason), the log keeps the traceback."""
    logger.exception("%s %s failed", export.get_kind_display(), export.pk)
    export.status, export.error, export.finished_at = PacketExport.Status.FAILED, str(error), timezone.now()
    export.save(update_fields=["status", "error", "finished_at"])


def _packet_progress(packet: PacketExport, percent: int, step: str, **fields) -> None:
    """Write progress at once (no transaction), so a page polling the row sees it."""
    PacketExport.objects.filter(pk=packet.pk).update(progress=percent, step=step, **fields)
    packet.progress, packet.step = percent, step
    for name, value in fields.items():
        setattr(packet, name, value)
