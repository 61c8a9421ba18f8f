"""The filing packet as one PDF (its documents: ``filing.packet``), built in the background.

``packet_request`` is the Build button: it picks the version (saving one if the draft changed
since the latest) and makes the PacketExport row with ``packet_start``, unless a packet of that
same version is still building; ``packet_build`` (run by the Celery task) fills it in, writing its
progress to the row so the packet page can show it.
"""
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format

from resolutions.drafts.rendering import content_sha256
from resolutions.models import AuditEvent, Draft, DraftVersion, PacketExport
from resolutions.drafts.selectors import draft_content
from resolutions.drafts.audit import audit_record
from resolutions.drafts.services import version_save
from resolutions.filing.packet import assemble, packet_parts
from resolutions.filing.selectors import version_to_file
from resolutions.notifications.models import Kind
from resolutions.notifications.services import notification_emit
from .filers import Filer, version_filers

logger = logging.getLogger(__name__)


def draft_content_sha256(draft: Draft) -> str:
    """The SHA-256 a version saved now would get (the same content as ``version_save`` builds)."""
    return content_sha256(draft_content(draft))


def version_to_export(draft: Draft, *, user) -> DraftVersion:
    """The latest version, or a new one (reason "exported") if the draft changed since it was saved."""
    latest = draft.versions.newest()
    if latest is None or latest.sha256 != draft_content_sha256(draft):
        return version_save(draft=draft, user=user, reason=DraftVersion.Reason.EXPORTED)
    return latest


def packet_request(*, draft: Draft, user) -> tuple[PacketExport, bool]:
    """A new packet (True), or the one of that text still building (False).

    Of the finalized version when the draft is final or filed; before that, of the draft's
    current text, as a preview: every page says PREVIEW_MARK and the proposal carries the DRAFT mark
    (the lead checks the documents before the last signature). The draft's row is
    locked meanwhile, so a double-click cannot start two builds.
    """
    with transaction.atomic():
        Draft.objects.select_for_update().values_list("pk", flat=True).get(pk=draft.pk)
        version = version_to_file(draft) or version_to_export(draft, user=user)
        building = draft.packets.building().filter(version=version).first()
        if building is not None:
            return building, False
        return packet_start(draft=draft, user=user, version=version), True


def packet_start(*, draft: Draft, user, version: DraftVersion | None = None) -> PacketExport:
    with transaction.atomic():
        version = version or version_to_file(draft) or version_to_export(draft, user=user)
        return PacketExport.objects.create(draft=draft, version=version, requested_by=user,
                                           step="Waiting to start")


def packet_pdf(version: DraftVersion, *, organization_id: int | None = None, progress=lambda percent, step: None,
               ) -> tuple[bytes, list[Filer], int]:
    """The packet's PDF, its filers and its page count; with ``organization_id``, cut to that filer's documents
    (a co-filer filing on its own: its cover letter, the proposal, its letter and proofs, the certificate)."""
    progress(0, "Listing the filers")
    filers = version_filers(version)
    if organization_id is not None:
        filers = [f for f in filers if f.organization_id == organization_id]
        if not filers:
            raise ValueError("This organization does not file this version.")
    sender = filers[0]
    proofs = list(version.draft.ownership_proofs.select_related("organization"))
    parts = packet_parts(version, filers, proofs=proofs, today=timezone.localdate(),
                         certificate_html=lambda bookmark: certificate_html(version, filers, bookmark=bookmark))
    content = version.content
    pdf, pages = assemble(version, filers, parts, sender=sender, progress=progress, metadata={
        "title": f"Filing packet: {content['title']}", "authors": [sender.organization],
        "description": f"{content['company']}, {content['meeting_year']} annual meeting",
        "keywords": content["topics"],
    })
    return pdf, filers, pages


def packet_build(packet: PacketExport) -> PacketExport:
    """Render the packet's documents and join them; a failure is recorded on the row, not raised."""
    version = packet.version
    try:
        pdf, filers, pages = packet_pdf(version, progress=lambda percent, step: _progress(
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
            notification_emit(draft=packet.draft, kind=Kind.PACKET_READY, actor=packet.requested_by, target=packet)
    except Exception as error:  # any failure: the row tells the user, the log keeps the traceback
        logger.exception("Filing packet %s failed", packet.pk)
        packet.status, packet.error, packet.finished_at = PacketExport.Status.FAILED, str(error), timezone.now()
        packet.save(update_fields=["status", "error", "finished_at"])
    return packet


def _progress(packet: PacketExport, percent: int, step: str, **fields) -> None:
    """Write progress at once (no transaction), so a page polling the row sees it."""
    PacketExport.objects.filter(pk=packet.pk).update(progress=percent, step=step, **fields)
    packet.progress, packet.step = percent, step
    for name, value in fields.items():
        setattr(packet, name, value)


def certificate_html(version: DraftVersion, filers: list[Filer], *, bookmark: str = "") -> str:
    def when(moment) -> str:
        return date_format(timezone.localtime(moment), "F j, Y, g:i A T") if moment else ""

    rows = []
    for filer in filers:
        sign_on = filer.sign_on
        if sign_on:
            signed, sha256 = when(sign_on.signed_at), sign_on.version_sha256 or sign_on.version.sha256
        else:  # a lead filer without a sign-on prepared the version
            signed, sha256 = f"Saved version {version.number} on {when(version.created_at)}", version.sha256
        rows.append({"signer": filer.name, "organization": filer.organization, "lead": filer.lead,
                     "when": signed, "sha256": sha256})
    return render_to_string("filing/pdf/certificate.html", {
        "version": version, "content": version.content, "lead": filers[0], "rows": rows,
        "generated_at": timezone.now(), "bookmark": bookmark,
    })
