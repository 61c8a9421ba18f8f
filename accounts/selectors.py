"""Reads of organizations and their members."""
from django.core.paginator import Paginator
from django.utils import timezone

from .models import Organization


def organization_for_member(user, pk: int) -> Organization:
    """The organization ``pk`` when ``user`` is one of its members; else Organization.DoesNotExist
    (curators get no extra reach here: they manage memberships in the admin)."""
    if not user.is_authenticated or user.organization_id != pk:
        raise Organization.DoesNotExist
    return Organization.objects.get(pk=pk)


def organization_members_page(organization: Organization, *, trail_page=1) -> dict:
    """Members, open invitations and a page of the membership trail, for the members page."""
    now = timezone.now()
    invitations = [i for i in organization.member_invitations.select_related("created_by")
                   if i.state(now) in ("invited", "expired")]
    trail = Paginator(organization.membership_events.select_related("actor"), 25).get_page(trail_page)
    return {"members": list(organization.members.order_by("last_name", "first_name", "email")),
            "invitations": invitations, "trail": trail, "now": now}
