"""Filing pages of a draft (PDFs, letters, the packet), included by ``resolutions.drafts.urls`` (namespace "drafts")."""
from django.urls import path

from resolutions.filing import docx_views, views

urlpatterns = [
    path("<int:pk>/versions/<int:number>/proposal.pdf", views.proposal_pdf, name="proposal_pdf"),
    path("<int:pk>/versions/<int:number>/print/", views.print_preview, name="print_preview"),
    path("<int:pk>/versions/<int:number>/letters/<int:filer_id>.pdf", views.letter_pdf, name="letter_pdf"),
    path("<int:pk>/packet/", views.packet_page, name="packet"),
    path("<int:pk>/packet.pdf", views.packet_pdf, name="packet_pdf"),
    # The Word copy (filing/docx_views)
    path("<int:pk>/versions/<int:number>/proposal.docx", docx_views.proposal_docx, name="proposal_docx"),
    path("<int:pk>/versions/upload/", docx_views.version_upload_docx, name="version_upload_docx"),
]
