"""``{% notification_bell %}``: the header's bell with the signed-in user's unread count."""
from django import template
from django.conf import settings

from resolutions.notifications.selectors import unread_count

register = template.Library()


@register.inclusion_tag("notifications/_bell.html", takes_context=True)
def notification_bell(context):
    return {"unread": unread_count(context["request"].user), "poll_seconds": settings.NOTIFICATION_POLL_SECONDS}
