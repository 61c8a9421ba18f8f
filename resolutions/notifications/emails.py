"""The emails of notifications, HTML and text from templates, each with its unsubscribe link."""
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .events import excerpt
from .models import Kind, Notification
from .services import unsubscribe_token


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def open_link(notification: Notification) -> str:
    """The link an email carries: it marks the notification read and goes on to the place it names."""
    return absolute(reverse("notifications:open", args=[notification.pk]))


def unsubscribe_link(user, kind: str) -> str:
    return absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kind)]))


def _message(*, to, subject: str, template: str, context: dict, unsubscribe: str = "") -> EmailMultiAlternatives:
    """With ``unsubscribe`` (an email of one kind), mail clients offer a one-click unsubscribe that
    POSTs to it (RFC 8058)."""
    context = {**context, "settings_link": absolute(reverse("notifications:preferences")),
               "unsubscribe_link": unsubscribe}
    headers = {"List-Unsubscribe": f"<{unsubscribe}>",
               "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"} if unsubscribe else {}
    message = EmailMultiAlternatives(
        subject=excerpt(subject, 200), body=render_to_string(f"notifications/email/{template}.txt", context), to=[to],
        headers=headers)
    message.attach_alternative(render_to_string(f"notifications/email/{template}.html", context), "text/html")
    return message


def _subject(notification: Notification) -> str:
    title = notification.draft.title
    if notification.kind == Kind.NEEDS_RECONFIRMATION:
        return f"“{title}” changed after you signed: please re-confirm"
    if notification.kind == Kind.DEADLINE:  # a filer has proposals at many companies: the company first
        return f"{notification.summary} — {notification.draft.company.name}, “{title}”"
    return f"{notification.summary} — “{title}”"


def notification_message(notification: Notification) -> EmailMultiAlternatives:
    recipient = notification.recipient
    return _message(
        to=recipient.email, subject=_subject(notification), template="notification",
        context={"notification": notification, "draft": notification.draft, "link": open_link(notification),
                 "kind_label": notification.get_kind_display().lower()},
        unsubscribe=unsubscribe_link(recipient, notification.kind))


def digest_message(recipient, notifications: list[Notification], *, day) -> EmailMultiAlternatives:
    """Every event of the day in one email, by draft, with an unsubscribe link for each kind in it."""
    drafts = {}
    for notification in sorted(notifications, key=lambda n: (n.draft_id, n.created_at, n.pk)):
        entry = drafts.setdefault(notification.draft_id, {"draft": notification.draft, "items": []})
        entry["items"].append({"notification": notification, "link": open_link(notification),
                               "when": timezone.localtime(notification.created_at)})
    kinds = sorted({n.kind for n in notifications}, key=Kind.values.index)
    stop = [{"label": Kind(kind).label.lower(), "link": unsubscribe_link(recipient, kind)} for kind in kinds]
    count = len(notifications)
    return _message(
        to=recipient.email, subject=f"Whereas: {count} update{'s' if count != 1 else ''} on your drafts, "
                                    f"{day:%B} {day.day}",
        template="digest", context={"drafts": list(drafts.values()), "day": day, "count": count, "stop": stop},
        unsubscribe=stop[0]["link"] if len(stop) == 1 else "")
