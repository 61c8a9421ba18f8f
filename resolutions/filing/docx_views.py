"""The Word copy of a version: download it (lead organization and co-filers), upload an edited one (lead)."""
from django.http import HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from ..selectors import get_version_for
from .docx_export import stored_proposal_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@require_GET
def proposal_docx(request, pk, number):
    """The stored Word copy of the version, made on the first request."""
    version = get_version_for(request.user, pk, number)
    response = HttpResponse(stored_proposal_docx(version, user=request.user), content_type=DOCX)
    name = f"{slugify(version.content['title'])[:60] or 'proposal'}-v{version.number}-proposal.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
