from django.urls import path

from . import views_cofilers, views_drafts as views, views_pdf
from .filing import docx_views, views as filing

app_name = "drafts"

urlpatterns = [
    path("", views.draft_list, name="list"),
    path("new/", views.draft_new, name="new"),
    path("<int:pk>/", views.draft_editor, name="editor"),
    path("<int:pk>/settings/", views.draft_settings, name="settings"),
    path("<int:pk>/clauses/", views.clause_add, name="clause_add"),
    path("<int:pk>/clauses/order/", views.clause_reorder, name="clause_reorder"),
    path("<int:pk>/clauses/<int:clause_id>/", views.clause_save, name="clause_save"),
    path("<int:pk>/clauses/<int:clause_id>/delete/", views.clause_delete, name="clause_delete"),
    path("<int:pk>/clauses/<int:clause_id>/move/", views.clause_move, name="clause_move"),
    path("<int:pk>/cite/", views.cite_picker, name="cite_picker"),
    path("<int:pk>/notes/", views.note_add, name="note_add"),
    path("<int:pk>/preview/", views.preview, name="preview"),
    path("<int:pk>/versions/", views.version_list, name="version_list"),
    path("<int:pk>/versions/save/", views.version_save, name="version_save"),
    path("<int:pk>/versions/<int:number>/", views.version_detail, name="version_detail"),
    path("<int:pk>/versions/<int:number>/restore/", views.version_restore, name="version_restore"),
    path("<int:pk>/redline/", views.redline, name="redline"),
]

urlpatterns += [
    # Co-filers (views_cofilers)
    path("<int:pk>/filers/", views_cofilers.filers_dashboard, name="filers"),
    path("<int:pk>/invitations/", views_cofilers.invitation_create, name="invitation_create"),
    path("<int:pk>/invitations/<int:invitation_id>/revoke/", views_cofilers.invitation_revoke, name="invitation_revoke"),
    path("<int:pk>/invitations/<int:invitation_id>/resend/", views_cofilers.invitation_resend, name="invitation_resend"),
    path("<int:pk>/review/", views_cofilers.review, name="review"),
    path("<int:pk>/comments/", views_cofilers.comment_add, name="comment_add"),
    path("<int:pk>/comments/<int:comment_id>/resolve/", views_cofilers.comment_resolve, name="comment_resolve"),
    path("<int:pk>/versions/<int:number>/sign/", views_cofilers.sign, name="sign"),
    path("<int:pk>/sign-on/decline/", views_cofilers.decline, name="decline"),
    path("<int:pk>/sign-on/withdraw/", views_cofilers.withdraw, name="withdraw"),
    path("<int:pk>/circulate/", views_cofilers.circulate, name="circulate"),
    path("<int:pk>/audit/", views_cofilers.audit_timeline, name="audit"),
    path("<int:pk>/audit.csv", views_cofilers.audit_csv, name="audit_csv"),
    # PDFs (views_pdf)
    path("<int:pk>/versions/<int:number>/proposal.pdf", views_pdf.proposal_pdf, name="proposal_pdf"),
    path("<int:pk>/versions/<int:number>/print/", views_pdf.print_preview, name="print_preview"),
    path("<int:pk>/versions/<int:number>/letters/<int:filer_id>.pdf", views_pdf.letter_pdf, name="letter_pdf"),
    path("<int:pk>/packet/", views_pdf.packet_page, name="packet"),
    path("<int:pk>/packet.pdf", views_pdf.packet_pdf, name="packet_pdf"),
    # The Word copy (filing/docx_views)
    path("<int:pk>/versions/<int:number>/proposal.docx", docx_views.proposal_docx, name="proposal_docx"),
    path("<int:pk>/versions/upload/", docx_views.version_upload_docx, name="version_upload_docx"),
]

urlpatterns += [
    # Filing (filing/views)
    path("<int:pk>/versions/<int:number>/statements/", filing.statements, name="statements"),
    path("<int:pk>/filing/", filing.filing, name="filing"),
    path("<int:pk>/finalize/", filing.finalize, name="finalize"),
    path("<int:pk>/proofs/", filing.proof_add, name="proof_add"),
    path("<int:pk>/proofs/<int:proof_id>/remove/", filing.proof_remove, name="proof_remove"),
    path("<int:pk>/proofs/<int:proof_id>/", filing.proof_file, name="proof_file"),
    path("<int:pk>/versions/<int:number>/packets/<int:filer_id>.pdf", filing.filer_packet_pdf, name="filer_packet_pdf"),
    path("<int:pk>/submission/", filing.submission, name="submission"),
    path("<int:pk>/submissions/<int:submission_id>/receipt/", filing.receipt_file, name="receipt_file"),
]
