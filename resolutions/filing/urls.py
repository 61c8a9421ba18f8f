"""Filing pages of a draft (PDFs, letters, the packet), included by ``resolutions.drafts.urls`` (namespace "drafts")."""
from django.urls import path

from resolutions.filing import filer_views, views

urlpatterns = [
    path("<int:pk>/versions/<int:number>/proposal.pdf", views.proposal_pdf, name="proposal_pdf"),
    path("<int:pk>/versions/<int:number>/print/", views.print_preview, name="print_preview"),
    path("<int:pk>/versions/<int:number>/letters/<int:filer_id>.pdf", views.letter_pdf, name="letter_pdf"),
    path("<int:pk>/pdfs/<int:export_id>/", views.pdf_export, name="pdf_export"),
    path("<int:pk>/pdfs/<int:export_id>/file.pdf", views.pdf_export_file, name="pdf_export_file"),
    path("<int:pk>/packet/", views.packet_page, name="packet"),
    path("<int:pk>/packet.pdf", views.packet_pdf, name="packet_pdf"),
    # The Word copy
    path("<int:pk>/versions/<int:number>/proposal.docx", views.proposal_docx, name="proposal_docx"),
    path("<int:pk>/versions/upload/", views.version_upload_docx, name="version_upload_docx"),
    # The filing record
    path("<int:pk>/versions/<int:number>/statements/", views.statements, name="statements"),
    path("<int:pk>/filing/", views.filing, name="filing"),
    path("<int:pk>/finalize/", views.finalize, name="finalize"),
    path("<int:pk>/proofs/", views.proof_add, name="proof_add"),
    path("<int:pk>/proofs/<int:proof_id>/remove/", views.proof_remove, name="proof_remove"),
    path("<int:pk>/proofs/<int:proof_id>/", views.proof_file, name="proof_file"),
    path("<int:pk>/versions/<int:number>/packets/<int:filer_id>.pdf", views.filer_packet_pdf, name="filer_packet_pdf"),
    path("<int:pk>/submission/", views.submission, name="submission"),
    path("<int:pk>/submissions/<int:submission_id>/receipt/", views.receipt_file, name="receipt_file"),
    # Each filer's own documents, and a represented shareholder's authorization (filing/filer_views)
    path("<int:pk>/documents/", filer_views.documents, name="documents"),
    path("<int:pk>/representation/", filer_views.representation_save, name="representation_save"),
    path("<int:pk>/representation/remove/", filer_views.representation_remove, name="representation_remove"),
    path("<int:pk>/authorizations/<int:representation_id>/", filer_views.authorization_file,
         name="authorization_file"),
]
