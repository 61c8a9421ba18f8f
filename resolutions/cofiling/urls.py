"""Co-filing pages of a draft, included by ``resolutions.drafts.urls`` (namespace "drafts")."""
from django.urls import path

from resolutions.cofiling import views

urlpatterns = [
    path("<int:pk>/filers/", views.filers_dashboard, name="filers"),
    path("<int:pk>/invitations/", views.invitation_create, name="invitation_create"),
    path("<int:pk>/invitations/<int:invitation_id>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("<int:pk>/invitations/<int:invitation_id>/resend/", views.invitation_resend, name="invitation_resend"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/comments/", views.comment_add, name="comment_add"),
    path("<int:pk>/comments/<int:comment_id>/resolve/", views.comment_resolve, name="comment_resolve"),
    path("<int:pk>/versions/<int:number>/sign/", views.sign, name="sign"),
    path("<int:pk>/sign-on/decline/", views.decline, name="decline"),
    path("<int:pk>/sign-on/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/circulate/", views.circulate, name="circulate"),
    path("<int:pk>/audit/", views.audit_timeline, name="audit"),
    path("<int:pk>/audit.csv", views.audit_csv, name="audit_csv"),
]
