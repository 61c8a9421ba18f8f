"""Sign-in throttling (django-axes) and the rate limits on password reset and change (django-ratelimit).

Failures count per account (from any address) and per client address (over any accounts),
separately: a spray of one password over many accounts from one address is stopped, and so is a
slow guess at one account from many addresses. A throttled account waits a back-off that starts
short and doubles while the failures go on (``cool_off``), so a stranger can delay a victim's
sign-in by minutes, never lock it for long. The client address is the real one: with a trusted
proxy in front, from its header (``client_ip``).
"""
from datetime import timedelta

from django.conf import settings
from django.db.models import Q, Sum
from django.shortcuts import render

# django-axes keeps the username in varchar(255) columns; a longer one (no real email is) made
# PostgreSQL refuse the failure record, a 500 instead of "wrong email or password".
AXES_USERNAME_CHARS = 255


def login_username(request, credentials=None) -> str | None:
    """The email a sign-in attempt names, lower-cased so 'A@x.org' and 'a@x.org' share one count,
    and cut to what axes can store (a name that long counts by its first 255 characters)."""
    username = (credentials or {}).get("username") or request.POST.get("username")
    return username.strip().lower()[:AXES_USERNAME_CHARS] if username else None


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or, behind ``TRUSTED_PROXY_COUNT`` proxies that set
    ``TRUSTED_PROXY_HEADER`` (e.g. X-Forwarded-For), the address the outermost trusted proxy saw.

    Entries left of that one are whatever the client sent and are ignored, so a forged header
    cannot pick someone else's address.
    """
    remote = request.META.get("REMOTE_ADDR")
    header, count = settings.TRUSTED_PROXY_HEADER, settings.TRUSTED_PROXY_COUNT
    if not header or count < 1:
        return remote
    hops = [hop.strip() for hop in request.META.get(header, "").split(",") if hop.strip()]
    return hops[-count] if len(hops) >= count else remote


def cool_off(request) -> timedelta:
    """``SIGN_IN_BACKOFF`` once the failure limit is reached, doubled for every further limit's
    worth of failures, at most ``SIGN_IN_BACKOFF_MAX``."""
    from axes.models import AccessAttempt

    failures = getattr(request, "axes_failures_since_start", None)
    if failures is None and request is not None:
        username, address = login_username(request), client_ip(request)
        matching = Q(username=username) if username else Q()
        if address:
            matching |= Q(ip_address=address)
        failures = (AccessAttempt.objects.filter(matching).aggregate(n=Sum("failures_since_start"))["n"] or 0
                    if matching else 0)
    limit = max(1, settings.AXES_FAILURE_LIMIT)
    doublings = max(0, (failures or 0) - limit) // limit
    return min(settings.SIGN_IN_BACKOFF * 2 ** min(doublings, 20), settings.SIGN_IN_BACKOFF_MAX)


def rate_limited(request, exception):
    """django-ratelimit's answer: 429 and what to do, not a bare 403."""
    return render(request, "registration/rate_limited.html", status=429)


def password_reset_rate(group, request) -> str:
    return settings.PASSWORD_RESET_RATE


def password_change_rate(group, request) -> str:
    return settings.PASSWORD_CHANGE_RATE
