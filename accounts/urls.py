from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("<int:pk>/members/", views.members, name="members"),
    path("<int:pk>/members/invite/", views.member_invite, name="member_invite"),
    path("<int:pk>/members/<int:user_id>/remove/", views.member_remove, name="member_remove"),
    path("<int:pk>/members/invitations/<int:invitation_id>/resend/", views.member_invitation_resend,
         name="member_invitation_resend"),
    path("<int:pk>/members/invitations/<int:invitation_id>/revoke/", views.member_invitation_revoke,
         name="member_invitation_revoke"),
    path("join/<str:token>/", views.member_join, name="member_join"),
]
