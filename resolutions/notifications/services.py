"""Writes of notifications: the one emitter every other service calls, preferences and unsubscribing."""
import logging
from functools import partial

from django.core import signing
from django.db import transaction
from django.db.models import Q

from accounts.models import User

from resolutions.models import Draft
from .events import EVERYONE, LEAD, event_for
from .models import (Delivery, Kind, Notification, NotificationPreference, default_delivery, deliveries_for,
                     forget_unread_counts)

logger = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "resolutions.notifications.unsubscribe"


def _audience(draft: Draft, event) -> list[User]:
    organizations = set(event.organization_ids)
    if event.audience in (LEAD, EVERYONE):
        organizations.add(draft.lead_organization_id)
    if event.audience == EVERYONE:
        organizations.update(draft.invitations.filter(revoked_at__isnull=True, organization__isnull=False)
                             .values_list("organization_id", flat=True))
    people = Q(organization_id__in=organizations) | Q(pk__in=event.user_ids)
    return list(User.objects.filter(people, is_active=True).select_related("organization").order_by("pk"))


def delivery_of(user, kind: str) -> str:
    chosen = NotificationPreference.objects.filter(user=user, kind=kind).values_list("delivery", flat=True).first()
    return chosen or default_delivery(kind)


def notification_emit(*, draft: Draft, kind: str, actor=None, target=None) -> list[Notification]:
    """Tell the people on ``draft`` that ``actor`` did ``kind`` (to ``target``): one row each, and an email
    after the transaction commits to those who want it at once.

    Call it inside the transaction of the action it reports. Only people the draft gate lets read the
    draft hear of it (so a removed co-filer hears nothing more); the actor is not told of their own act.
    """
    event = event_for(kind, draft=draft, actor=actor, target=target)
    recipients = [user for user in _audience(draft, event)
                  if (event.tell_actor or actor is None or user.pk != actor.pk) and draft.is_open_to(user, "read")]
    if not recipients:
        return []
    chosen = dict(NotificationPreference.objects.filter(user__in=recipients, kind=kind)
                  .values_list("user_id", "delivery"))
    notifications = Notification.objects.bulk_create(
        Notification(recipient=user, draft=draft, kind=kind, actor=actor, summary=event.summary[:500],
                     url=event.url, delivery=chosen.get(user.pk, default_delivery(kind)))
        for user in recipients)
    transaction.on_commit(partial(forget_unread_counts, [user.pk for user in recipients]), robust=True)
    at_once = [n.pk for n in notifications if n.delivery == Delivery.AT_ONCE]
    if at_once:
        transaction.on_commit(partial(_queue_emails, at_once), robust=True)
    return notifications


def _queue_emails(notification_ids: list[int]) -> None:
    from .tasks import send_notification_email  # the task module imports the emails, which import this one

    for pk in notification_ids:
        send_notification_email.delay(pk)


def notification_preferences_set(*, user, deliveries: dict[str, str]) -> None:
    """Keep the user's choice per kind; a choice a kind does not offer (an email at once of every
    saved version) is refused."""
    for kind, delivery in deliveries.items():
        if delivery not in dict(deliveries_for(kind)):
            raise ValueError(f"{delivery!r} is not a choice for {kind!r}")
    with transaction.atomic():
        for kind, delivery in deliveries.items():
            NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})


def unsubscribe_token(user, kind: str) -> str:
    """What an email's unsubscribe link carries: the user and one kind, signed (no sign-in needed)."""
    return signing.dumps([user.pk, kind], salt=UNSUBSCRIBE_SALT)


def unsubscribe_target(token: str) -> tuple[User, str] | None:
    """The user and kind a token names, or None for a token we did not sign (or an account since deleted)."""
    try:
        user_id, kind = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    user = User.objects.filter(pk=user_id).first()
    if user is None or kind not in Kind.values:
        return None
    return user, kind


def notification_unsubscribe(*, user, kind: str) -> None:
    """No more email of ``kind`` for ``user``; every other choice stays as it was."""
    notification_preferences_set(user=user, deliveries={kind: Delivery.NONE})
