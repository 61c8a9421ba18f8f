"""The filing record's pages under a draft, included by ``resolutions.drafts.urls`` (namespace "drafts")."""
from django.urls import path

from . import views

urlpatterns = [
    path("<int:pk>/record/", views.filing_record, name="filing_record"),
    path("<int:pk>/record/meeting/", views.meeting_save, name="record_meeting"),
    path("<int:pk>/record/deficiency-notices/", views.deficiency_notice_add, name="record_deficiency_notice"),
    path("<int:pk>/record/deficiency-notices/<int:notice_id>/response/", views.deficiency_cure, name="record_cure"),
    path("<int:pk>/record/deficiency-notices/<int:notice_id>/proof/", views.cure_proof_file, name="cure_proof_file"),
    path("<int:pk>/record/engagements/", views.engagement_add, name="record_engagement"),
    path("<int:pk>/record/engagements/<int:meeting_id>/", views.engagement_status, name="record_engagement_status"),
    path("<int:pk>/record/exclusion-notice/", views.exclusion_notice_save, name="record_exclusion_notice"),
    path("<int:pk>/record/opposition/", views.opposition_save, name="record_opposition"),
    path("<int:pk>/record/withdrawal/", views.withdrawal_save, name="record_withdrawal"),
    path("<int:pk>/record/vote/", views.vote_save, name="record_vote"),
    path("<int:pk>/record/vote/precedent/", views.vote_to_precedent, name="record_vote_precedent"),
]
