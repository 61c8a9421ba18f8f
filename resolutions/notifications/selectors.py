"""Reads of notifications: the bell's count and a user's list, both through the drafts they may see."""
from django.conf import settings
from django.core.cache import cache

from .models import Kind, Notification, NotificationPreference, unread_count_key


def unread_count(user, *, fresh: bool = False) -> int:
    """The bell's count. Every page shows it, and counting through the drafts a user may see costs
    more Python than the rest of a small page's queries (1.5 ms), so the count is kept for one poll
    of the bell: new notifications and reading them drop it at once (``forget_unread_counts``), a
    change of who may see a draft shows by the next poll, which counts ``fresh``."""
    key = unread_count_key(user.pk)
    count = None if fresh else cache.get(key)
    if count is None:
        count = Notification.objects.visible_to(user).unread().count()
        cache.set(key, count, timeout=settings.NOTIFICATION_POLL_SECONDS)
    return count


def notifications_for(user):
    return Notification.objects.visible_to(user).select_related("draft__company", "actor__organization")


def preferences_of(user) -> dict[str, str]:
    """The user's chosen delivery per kind (kinds without a choice are left out: their default holds)."""
    return dict(NotificationPreference.objects.filter(user=user, kind__in=Kind.values)
                .values_list("kind", "delivery"))
