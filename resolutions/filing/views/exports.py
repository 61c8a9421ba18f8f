"""The exports of a version: the proposal PDF, its print preview, letters, the filing packet (built in the
background) and the Word copy (download, and upload of an edited one as a new version).

Every view starts with ``get_draft_for`` or ``get_version_for``; the stored files are served here,
after that check, never from a media URL. A long draft's proposal and letters are made in the background, the packet's way
(``pdf_export`` shows the progress). The proposal is for everyone who reads the draft; letters
and the packet are for the lead organization, except that a co-filer may fetch its own
organization's letter and packet.
"""
from functools import partial

from django.contrib import messages
from django.core.files.storage import default_storage
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST, require_http_methods

from config.private_files import private_file_response

from resolutions.drafts.gate import get_draft_for, get_version_for
from resolutions.drafts.models import Need
from resolutions.filing import docx_version, exports, tasks
from resolutions.filing.forms import WordUploadForm
from resolutions.filing.pdf.filers import version_filers
from resolutions.filing.pdf.pages import page_images
from resolutions.filing.pdf.proposal import ProposalDocument
from resolutions.filing.pdf.render import DEFAULT_VARIANT, PDFRenderStopped, VARIANTS
from resolutions.filing.selectors import draft_content_sha256, renders_in_background, version_to_file
from resolutions.models import DraftVersion, PacketExport

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _lead_or_own(version: DraftVersion, user, filer_id: int, missing: str) -> None:
    """A filer's document: the lead organization gets any filer's, a co-filer its own."""
    if not (version.draft.is_led_by(user) or user.organization_id == filer_id):
        raise Http404(missing)


@require_GET
def filer_packet_pdf(request, pk, number, filer_id):
    """A co-filer filing on its own: the packet cut to its documents (the lead organization gets any filer's)."""
    version = get_version_for(request.user, pk, number)
    _lead_or_own(version, request.user, filer_id, "No such packet.")
    try:
        pdf = exports.filer_packet_export(version=version, organization_id=filer_id, user=request.user)
    except ValueError as error:
        raise Http404(str(error)) from error
    except PDFRenderStopped as error:
        return _too_slow(request, error)
    return _pdf(pdf, f"draft-{pk}-v{number}-packet-{filer_id}.pdf")


def _pdf(pdf: bytes, filename: str):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _too_slow(request, error: PDFRenderStopped):
    response = render(request, "filing/pdf/too_slow.html", {"error": error}, status=503)
    response["Retry-After"] = "60"
    return response


def _filename(version: DraftVersion, what: str, extension: str = "pdf") -> str:
    return f"{slugify(version.content['title'])[:60] or 'proposal'}-v{version.number}-{what}.{extension}"


@require_GET
def proposal_pdf(request, pk, number):
    """The stored PDF of the version, made on the first request (``?variant=a-3u`` for PDF/A-3u); a long
    draft's is made in the background, the answer its progress page."""
    version = get_version_for(request.user, pk, number)
    variant = request.GET.get("variant", DEFAULT_VARIANT)
    if variant not in VARIANTS:
        raise Http404("No such PDF variant.")
    document = ProposalDocument.of(version, variant)
    if renders_in_background(version) and not default_storage.exists(document.storage_name):
        return _in_background(request, version, PacketExport.Kind.PROPOSAL, variant=variant)
    try:
        pdf = exports.proposal_export(version=version, user=request.user, variant=variant, document=document)
    except PDFRenderStopped as error:
        return _too_slow(request, error)
    return _pdf(pdf, _filename(version, "proposal"))


def _in_background(request, version, kind, **document):
    export, started = exports.pdf_request(version=version, user=request.user, kind=kind, **document)
    if started:
        transaction.on_commit(partial(tasks.pdf_build.delay, export.pk))
    return redirect("drafts:pdf_export", pk=version.draft_id, export_id=export.pk)


def _export_of(request, pk, export_id):
    """A long draft's proposal or letter made in the background, for whoever may have the document."""
    draft = get_draft_for(request.user, pk)
    export = (draft.packets.exclude(kind=PacketExport.Kind.PACKET).filter(pk=export_id)
              .select_related("version", "organization").first())
    mine = export is not None and (export.kind == PacketExport.Kind.PROPOSAL or draft.is_led_by(request.user)
                                   or export.organization_id == request.user.organization_id)
    if not mine:
        raise Http404("No such PDF.")
    return draft, export


@require_GET
def pdf_export(request, pk, export_id):
    """The progress of a PDF made in the background (polled by htmx), then its download link."""
    draft, export = _export_of(request, pk, export_id)
    template = "filing/_export_status.html" if request.htmx else "filing/pdf_export.html"
    return render(request, template, {"draft": draft, "export": export})


@require_GET
def pdf_export_file(request, pk, export_id):
    draft, export = _export_of(request, pk, export_id)
    if export.status != PacketExport.Status.DONE or not export.file:
        return redirect("drafts:pdf_export", pk=draft.pk, export_id=export.pk)
    what = "proposal" if export.kind == PacketExport.Kind.PROPOSAL else f"letter-{export.organization_id}"
    return private_file_response(export.file, filename=_filename(export.version, what),
                                 content_type="application/pdf")


@require_GET
def print_preview(request, pk, number):
    """The PDF's own HTML in the browser; ``?pages=1`` shows the stored PDF's pages as images."""
    version = get_version_for(request.user, pk, number)
    document = ProposalDocument.of(version)
    if request.GET.get("pages") != "1":
        return HttpResponse(document.html())
    if renders_in_background(version) and not default_storage.exists(document.storage_name):
        return _in_background(request, version, PacketExport.Kind.PROPOSAL, variant=DEFAULT_VARIANT)
    try:
        images = page_images(exports.proposal_export(version=version, user=request.user, document=document))
    except PDFRenderStopped as error:
        return _too_slow(request, error)
    return render(request, "filing/pdf/pages.html", {"draft": version.draft, "version": version, "images": images})


@require_GET
def letter_pdf(request, pk, number, filer_id):
    """One filer's letter with the proposal: the lead organization gets any, a co-filer its own."""
    version = get_version_for(request.user, pk, number)
    _lead_or_own(version, request.user, filer_id, "No such letter.")
    if renders_in_background(version):
        if not any(filer.organization_id == filer_id for filer in version_filers(version)):
            raise Http404("This organization does not file this version.")
        return _in_background(request, version, PacketExport.Kind.LETTER, organization_id=filer_id)
    try:
        pdf = exports.letter_export(version=version, organization_id=filer_id, user=request.user)
    except PDFRenderStopped as error:
        return _too_slow(request, error)
    if pdf is None:
        raise Http404("This organization does not file this version.")
    return _pdf(pdf, _filename(version, f"letter-{filer_id}"))


@require_http_methods(["GET", "POST"])
def packet_page(request, pk):
    """The packet's progress (polled by htmx while it builds); POST builds one of the latest version."""
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    if request.method == "POST":
        packet, started = exports.packet_request(draft=draft, user=request.user)
        if started:
            transaction.on_commit(partial(tasks.packet_build.delay, packet.pk))
            messages.info(request, f"Building the filing packet of version {packet.version.number}.")
        else:
            messages.info(request, f"The filing packet of version {packet.version.number} is already being built.")
        return redirect("drafts:packet", pk=draft.pk)
    packet = draft.packets.packets().select_related("version").first()
    context = {"draft": draft, "export": packet}
    if request.htmx:
        return render(request, "filing/_export_status.html", context)
    latest = draft.versions.newest()
    final = version_to_file(draft)
    context.update(
        latest=final or latest, final=final, filers=version_filers(final or latest) if latest else [],
        changed=latest is None or latest.sha256 != draft_content_sha256(draft),
    )
    return render(request, "filing/packet.html", context)


@require_GET
def packet_pdf(request, pk):
    """The latest packet that finished building; without one, the packet page to build it."""
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    packet = (draft.packets.packets().filter(status=PacketExport.Status.DONE).exclude(file="")
              .select_related("version").first())
    if packet is None:
        messages.info(request, "No filing packet has been built yet: build one here.")
        return redirect("drafts:packet", pk=draft.pk)
    what = "packet" if packet.version.finalized_at else "preview-packet"
    return private_file_response(packet.file, filename=_filename(packet.version, what),
                                 content_type="application/pdf")


# --- The Word copy --------------------------------------------------------------------------------


@require_GET
def proposal_docx(request, pk, number):
    """The stored Word copy of the version, made on the first request."""
    version = get_version_for(request.user, pk, number)
    response = HttpResponse(exports.proposal_docx_export(version=version, user=request.user), content_type=DOCX)
    name = _filename(version, "proposal", "docx")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def version_upload_docx(request, pk):
    """An edited Word copy becomes a new version; the answer is its redline against the version it came from."""
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    form = WordUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            made = docx_version.version_from_docx(draft=draft, user=request.user, data=upload.read(), filename=upload.name)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, f"“{upload.name}” is now version {made.version.number}, compared here with "
                                      f"version {made.base.number}, which it was edited from. The draft's text is "
                                      "unchanged: restore the version to make it the draft's text.")
            if made.tracked:
                messages.warning(request, docx_version.tracked_message(made.tracked))
            redline = reverse("drafts:redline", args=[draft.pk])
            return redirect(f"{redline}?a={made.base.number}&b={made.version.number}")
    return render(request, "drafts/version_list.html",
                  {"draft": draft, "versions": draft.versions.listed(), "upload_form": form}, status=400)
