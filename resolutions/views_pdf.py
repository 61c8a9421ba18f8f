"""PDF endpoints: the proposal, the print preview, letters and the filing packet.

Every view starts with ``get_draft_for`` or ``get_version_for``. The proposal is for everyone who reads the draft;
letters and the packet are for the lead organization, except that a co-filer may fetch its
own organization's letter.
"""
from functools import partial

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from config.private_files import private_file_response

from .filing.selectors import version_to_file
from .models import DraftVersion, PacketExport
from .pdf.filers import version_filers
from .pdf.letters import letter_with_proposal
from .pdf.packet import draft_content_sha256, packet_request
from .pdf.pages import page_images
from .pdf.proposal import ProposalDocument, stored_proposal
from .pdf.render import DEFAULT_VARIANT, VARIANTS, PDFRenderTimeout
from .selectors import get_draft_for, get_version_for
from .tasks import build_packet


def _pdf(pdf: bytes, filename: str):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _too_slow(request, error: PDFRenderTimeout):
    response = render(request, "pdf/too_slow.html", {"error": error}, status=503)
    response["Retry-After"] = "60"
    return response


def _filename(version: DraftVersion, what: str) -> str:
    return f"{slugify(version.content['title'])[:60] or 'proposal'}-v{version.number}-{what}.pdf"


@require_GET
def proposal_pdf(request, pk, number):
    """The stored PDF of the version, made on the first request (``?variant=a-3u`` for PDF/A-3u)."""
    version = get_version_for(request.user, pk, number)
    variant = request.GET.get("variant", DEFAULT_VARIANT)
    if variant not in VARIANTS:
        raise Http404("No such PDF variant.")
    try:
        pdf = stored_proposal(version, user=request.user, variant=variant)
    except PDFRenderTimeout as error:
        return _too_slow(request, error)
    return _pdf(pdf, _filename(version, "proposal"))


@require_GET
def print_preview(request, pk, number):
    """The PDF's own HTML in the browser; ``?pages=1`` shows the stored PDF's pages as images."""
    version = get_version_for(request.user, pk, number)
    if request.GET.get("pages") != "1":
        return HttpResponse(ProposalDocument.of(version).html())
    try:
        images = page_images(stored_proposal(version, user=request.user))
    except PDFRenderTimeout as error:
        return _too_slow(request, error)
    return render(request, "pdf/pages.html", {"draft": version.draft, "version": version, "images": images})


@require_GET
def letter_pdf(request, pk, number, filer_id):
    """One filer's letter with the proposal: the lead organization gets any, a co-filer its own."""
    version = get_version_for(request.user, pk, number)
    if request.user.organization_id not in (version.draft.lead_organization_id, filer_id):
        raise Http404("No such letter.")
    try:
        pdf = letter_with_proposal(version, filer_id, user=request.user)
    except PDFRenderTimeout as error:
        return _too_slow(request, error)
    if pdf is None:
        raise Http404("This organization does not file this version.")
    return _pdf(pdf, _filename(version, f"letter-{filer_id}"))


@require_http_methods(["GET", "POST"])
def packet_page(request, pk):
    """The packet's progress (polled by htmx while it builds); POST builds one of the latest version."""
    draft = get_draft_for(request.user, pk, need="edit")
    if request.method == "POST":
        packet, started = packet_request(draft=draft, user=request.user)
        if started:
            transaction.on_commit(partial(build_packet.delay, packet.pk))
            messages.info(request, f"Building the filing packet of version {packet.version.number}.")
        else:
            messages.info(request, f"The filing packet of version {packet.version.number} is already being built.")
        return redirect("drafts:packet", pk=draft.pk)
    packet = draft.packets.select_related("version").first()
    context = {"draft": draft, "packet": packet}
    if request.htmx:
        return render(request, "drafts/_packet_status.html", context)
    latest = draft.versions.order_by("-number").first()
    final = version_to_file(draft)
    context.update(
        latest=final or latest, final=final, filers=version_filers(final or latest) if latest else [],
        changed=latest is None or latest.sha256 != draft_content_sha256(draft),
    )
    return render(request, "drafts/packet.html", context)


@require_GET
def packet_pdf(request, pk):
    """The latest packet that finished building; without one, the packet page to build it."""
    draft = get_draft_for(request.user, pk, need="edit")
    packet = draft.packets.filter(status=PacketExport.Status.DONE).exclude(file="").select_related("version").first()
    if packet is None:
        messages.info(request, "No filing packet has been built yet: build one here.")
        return redirect("drafts:packet", pk=draft.pk)
    return private_file_response(packet.file, filename=_filename(packet.version, "packet"),
                                 content_type="application/pdf")
