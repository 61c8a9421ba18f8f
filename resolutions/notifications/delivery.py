"""Sending notification emails: one at once, or the day's digest. Run by the tasks in ``tasks.py``.

The draft gate and the recipient's choice are asked again when the email goes, so a co-filer removed
(or a choice changed) between the event and the email gets nothing.
"""
from django.db import transaction
from django.utils import timezone

from config.mail import send_or_say_why

from .emails import digest_message, notification_message
from .models import Delivery, Notification, NotificationDigest
from .services import delivery_of


def notification_email_send(*, notification_id: int) -> str:
    """Email one notification chosen "at once"; returns "sent", "skipped" or the reason it failed."""
    notification = (Notification.objects.select_related("recipient__organization", "draft__company", "actor")
                    .filter(pk=notification_id, emailed_at__isnull=True).first())
    if notification is None or not _still_wanted(notification, Delivery.AT_ONCE):
        return "skipped"
    error = send_or_say_why(notification_message(notification))
    Notification.objects.filter(pk=notification.pk).update(emailed_at=None if error else timezone.now(),
                                                           email_error=error)
    return error or "sent"


def _still_wanted(notification: Notification, delivery: str) -> bool:
    recipient = notification.recipient
    return (recipient.is_active and notification.draft.is_open_to(recipient, "read")
            and delivery_of(recipient, notification.kind) == delivery)


def digests_send(*, now=None) -> int:
    """The daily digest: per user, one email with every event awaiting it, none when there are none.

    The day's digest is recorded (one per user and day, a unique constraint) with its events in the
    same transaction before the email goes, so a second run, even a concurrent one, sends nothing twice.
    Returns how many digests were sent.
    """
    now = now or timezone.now()
    day = timezone.localdate(now)
    waiting = Notification.objects.awaiting_digest().filter(created_at__lte=now)
    sent = 0
    for recipient_id in sorted(set(waiting.values_list("recipient_id", flat=True))):
        with transaction.atomic():
            if NotificationDigest.objects.filter(recipient_id=recipient_id, day=day).exists():
                continue
            events = list(waiting.filter(recipient_id=recipient_id).select_for_update(of=("self",))
                          .select_related("recipient__organization", "draft__company", "actor"))
            wanted = [n for n in events if _still_wanted(n, Delivery.DAILY)]
            if not wanted:  # every one of them unsubscribed, or on a draft no longer theirs
                Notification.objects.filter(pk__in=[n.pk for n in events]).update(delivery=Delivery.NONE)
                continue
            digest, created = NotificationDigest.objects.get_or_create(recipient_id=recipient_id, day=day)
            if not created:
                continue
            Notification.objects.filter(pk__in=[n.pk for n in events]).update(digest=digest)
        error = send_or_say_why(digest_message(wanted[0].recipient, wanted, day=day))
        NotificationDigest.objects.filter(pk=digest.pk).update(sent_at=None if error else timezone.now(),
                                                               send_error=error)
        sent += not error
    return sent
