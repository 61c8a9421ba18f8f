"""The filing packet as one PDF (its documents: ``filing.packet``); ``exports.packet_build`` stores it."""
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format

from resolutions.models import DraftVersion
from resolutions.filing.packet import assemble, packet_parts
from .filers import Filer, version_filers


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
