"""A read-only list of notifications and digests, to answer "was it emailed, and if not, why?".

Curators may not read drafts (every ``/drafts/`` URL is a 404 to them), so the admin shows who was told
what kind of thing, when and how, never the summary (it quotes comments) or the draft's title.
"""
from django.contrib import admin

from .models import Notification, NotificationDigest


class ReadOnlyAdmin(admin.ModelAdmin):
    """The list only: a row's own page would be titled with its ``str``, which for a notification is the summary."""

    list_display_links = None

    def has_view_permission(self, request, obj=None):
        return obj is None and super().has_view_permission(request)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "recipient__email", "kind", "draft_id", "delivery", "read_at", "emailed_at",
                    "email_error", "digest"]
    list_filter = ["kind", "delivery", ("read_at", admin.EmptyFieldListFilter),
                   ("email_error", admin.EmptyFieldListFilter)]
    search_fields = ["recipient__email"]
    list_select_related = ["recipient", "digest"]
    date_hierarchy = "created_at"


@admin.register(NotificationDigest)
class NotificationDigestAdmin(ReadOnlyAdmin):
    list_display = ["day", "recipient__email", "created_at", "sent_at", "send_error"]
    list_filter = [("send_error", admin.EmptyFieldListFilter)]
    search_fields = ["recipient__email"]
    list_select_related = ["recipient"]
    date_hierarchy = "day"
