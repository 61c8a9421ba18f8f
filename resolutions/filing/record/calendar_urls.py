"""The user's calendar feed of deadlines (not under a draft: it spans all the user's drafts)."""
from django.urls import path

from . import views

app_name = "calendar"

urlpatterns = [
    path("<str:secret>.ics", views.calendar_feed, name="feed"),
    path("new/", views.calendar_feed_new, name="new"),
    path("revoke/", views.calendar_feed_revoke, name="revoke"),
]
