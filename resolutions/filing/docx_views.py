"""The Word copy of a version: download it (lead organization and co-filers), upload an edited one (lead)."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from resolutions.drafts.selectors import get_draft_for, get_version_for
from .docx_export import stored_proposal_docx
from .docx_forms import WordUploadForm
from .docx_services import tracked_message, version_from_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@require_GET
def proposal_docx(request, pk, number):
    """The stored Word copy of the version, made on the first request."""
    version = get_version_for(request.user, pk, number)
    response = HttpResponse(stored_proposal_docx(version, user=request.user), content_type=DOCX)
    name = f"{slugify(version.content['title'])[:60] or 'proposal'}-v{version.number}-proposal.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def version_upload_docx(request, pk):
    """An edited Word copy becomes a new version; the answer is its redline against the version it came from."""
    draft = get_draft_for(request.user, pk, need="edit")
    form = WordUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            made = version_from_docx(draft=draft, user=request.user, data=upload.read(), filename=upload.name)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, f"“{upload.name}” is now version {made.version.number}, compared here with "
                                      f"version {made.base.number}, which it was edited from. The draft's text is "
                                      "unchanged: restore the version to make it the draft's text.")
            if made.tracked:
                messages.warning(request, tracked_message(made.tracked))
            redline = reverse("drafts:redline", args=[draft.pk])
            return redirect(f"{redline}?a={made.base.number}&b={made.version.number}")
    return render(request, "drafts/version_list.html",
                  {"draft": draft, "versions": draft.versions.newest_first(), "upload_form": form}, status=400)
