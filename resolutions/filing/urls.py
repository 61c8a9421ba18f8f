"""Filing pages of a draft (the filing page, each filer's documents, the exports), included by ``resolutions.drafts.urls`` (namespace "drafts")."""
from django.urls import path

from resolutions.filing.views import documents, exports, filing

urlpatterns = [
    path("<int:pk>/versions/<int:number>/proposal.pdf", exports.proposal_pdf, name="proposal_pdf"),
    path("<int:pk>/versions/<int:number>/print/", exports.print_preview, name="print_preview"),
    path("<int:pk>/versions/<int:number>/letters/<int:filer_id>.pdf", exports.letter_pdf, name="letter_pdf"),
    path("<int:pk>/pdfs/<int:export_id>/", exports.pdf_export, name="pdf_export"),
    path("<int:pk>/pdfs/<int:export_id>/file.pdf", exports.pdf_export_file, name="pdf_export_file"),
    path("<int:pk>/packet/", exports.packet_page, name="packet"),
    path("<int:pk>/packet.pdf", exports.packet_pdf, name="packet_pdf"),
    # The Word copy
    path("<int:pk>/versions/<int:number>/proposal.docx", exports.proposal_docx, name="proposal_docx"),
    path("<int:pk>/versions/upload/", exports.version_upload_docx, name="version_upload_docx"),
    # The filing page: the lead's statements, finalize, proofs, the submission
    path("<int:pk>/versions/<int:number>/statements/", filing.statements, name="statements"),
    path("<int:pk>/filing/", filing.filing, name="filing"),
    path("<int:pk>/finalize/", filing.finalize, name="finalize"),
    path("<int:pk>/proofs/", documents.proof_add, name="proof_add"),
    path("<int:pk>/proofs/<int:proof_id>/remove/", documents.proof_remove, name="proof_remove"),
    path("<int:pk>/proofs/<int:proof_id>/", documents.proof_file, name="proof_file"),
    path("<int:pk>/versions/<int:number>/packets/<int:filer_id>.pdf", exports.filer_packet_pdf, name="filer_packet_pdf"),
    path("<int:pk>/submission/", filing.submission, name="submission"),
    path("<int:pk>/submissions/<int:submission_id>/receipt/", filing.receipt_file, name="receipt_file"),
    # Each filer's own documents, and a represented shareholder's authorization
    path("<int:pk>/documents/", documents.documents, name="documents"),
    path("<int:pk>/representation/", documents.representation_save, name="representation_save"),
    path("<int:pk>/representation/remove/", documents.representation_remove, name="representation_remove"),
    path("<int:pk>/authorizations/<int:representation_id>/", documents.authorization_file,
         name="authorization_file"),
]
