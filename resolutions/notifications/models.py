"""Notifications: who did what on which draft, told to each person on it, in the app and by email."""
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.utils import timezone

from resolutions.drafts.models import Draft


class Kind(models.TextChoices):
    """What happened; each user picks, per kind, how (and whether) it reaches them by email."""

    INVITED = "invited", "Co-filers invited"
    JOINED = "joined", "Co-filers joining"
    COMMENTED = "commented", "Comments"
    REPLIED = "replied", "Replies to comments"
    RESOLVED = "resolved", "Comments marked resolved"
    SIGNED = "signed", "Sign-ons"
    DECLINED = "declined", "Declines"
    WITHDREW = "withdrew", "Withdrawn sign-ons"
    NEEDS_RECONFIRMATION = "needs_reconfirmation", "Requests to re-confirm your sign-on"
    RECONFIRMED = "reconfirmed", "Re-confirmed sign-ons"
    VERSION_SAVED = "version_saved", "Versions saved"
    PACKET_READY = "packet_ready", "Filing packets ready"
    DEADLINE = "deadline", "Filing deadlines coming up"


class Delivery(models.TextChoices):
    AT_ONCE = "at_once", "At once"
    DAILY = "daily", "Daily digest"
    NONE = "none", "No email"


# Versions are saved often (on circulate, export, restore): they are never worth an email of their own.
DIGEST_ONLY = {Kind.VERSION_SAVED}


def default_delivery(kind: str) -> str:
    return Delivery.DAILY if kind in DIGEST_ONLY else Delivery.AT_ONCE


def deliveries_for(kind: str) -> list[tuple[str, str]]:
    """The choices a user has for ``kind``."""
    return [(value, label) for value, label in Delivery.choices
            if not (kind in DIGEST_ONLY and value == Delivery.AT_ONCE)]


class NotificationDigest(models.Model):
    """The one daily email to one user: recorded before it is sent, so a day is never mailed twice."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    send_error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recipient", "day"], name="one_digest_per_user_and_day")]

    def __str__(self):
        return f"Digest of {self.day} for {self.recipient}"


def unread_count_key(user_id: int) -> str:
    """Where the bell's count of one user is kept (``selectors.unread_count``)."""
    return f"notifications:unread:{user_id}"


def forget_unread_counts(user_ids) -> None:
    """Drop the kept bell counts of these users: their next page counts afresh."""
    cache.delete_many([unread_count_key(pk) for pk in set(user_ids)])


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The user's own notifications, on drafts they may still see (a removed co-filer's go quiet)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(recipient=user, draft__in=Draft.objects.visible_to(user))

    def unread(self):
        return self.filter(read_at__isnull=True)

    def mark_read(self) -> int:
        unread = self.unread()
        recipients = list(unread.values_list("recipient_id", flat=True).distinct())
        count = unread.update(read_at=timezone.now())
        transaction.on_commit(partial(forget_unread_counts, recipients), robust=True)
        return count

    def awaiting_digest(self):
        return self.filter(delivery=Delivery.DAILY, digest__isnull=True)


class Notification(models.Model):
    """One event on a draft, for one recipient: who did what, and a link to the exact place."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    summary = models.CharField(max_length=500, help_text="Who did what, in a sentence.")
    url = models.CharField(max_length=300, help_text="The path of the place it happened.")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    delivery = models.CharField(max_length=8, choices=Delivery.choices,
                                help_text="How it was to be emailed, by the recipient's choice when it happened.")
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_error = models.CharField(max_length=300, blank=True)
    digest = models.ForeignKey(NotificationDigest, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="notifications")

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return self.summary[:80]


class NotificationPreference(models.Model):
    """How one user wants one kind of notification by email; without a row, ``default_delivery``."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notification_preferences")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    delivery = models.CharField(max_length=8, choices=Delivery.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_user_and_kind")]

    def __str__(self):
        return f"{self.user}: {self.get_kind_display()} {self.get_delivery_display().lower()}"
