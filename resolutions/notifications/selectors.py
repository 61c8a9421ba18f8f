"""Reads of notifications: the bell's count and a user's list, both through the drafts they may see."""
from .models import Kind, Notification, NotificationPreference


def unread_count(user) -> int:
    return Notification.objects.visible_to(user).unread().count()


def notifications_for(user):
    return Notification.objects.visible_to(user).select_related("draft__company", "actor__organization")


def preferences_of(user) -> dict[str, str]:
    """The user's chosen delivery per kind (kinds without a choice are left out: their default holds)."""
    return dict(NotificationPreference.objects.filter(user=user, kind__in=Kind.values)
                .values_list("kind", "delivery"))
