"""The bell, the list of notifications, the email preferences and the unsubscribe link."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import PreferencesForm
from .models import Kind, Notification

PER_PAGE = 25
HTMX_STOP_POLLING = 286  # htmx stops a poll on this status


def notification_list(request):
    page = Paginator(selectors.notifications_for(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page_obj": page,
                                                       "unread": selectors.unread_count(request.user, fresh=True)})


@login_not_required
def bell(request):
    """The header's bell, polled by htmx: signed out (a session that ended), polling stops."""
    if not request.user.is_authenticated:
        return HttpResponse(status=HTMX_STOP_POLLING)
    return render(request, "notifications/_bell.html", {"unread": selectors.unread_count(request.user, fresh=True),
                                                        "poll_seconds": settings.NOTIFICATION_POLL_SECONDS})


def notification_open(request, pk):
    """Mark one notification read and go to the place it names."""
    notification = get_object_or_404(Notification.objects.visible_to(request.user), pk=pk)
    Notification.objects.filter(pk=notification.pk).mark_read()
    if not url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        raise Http404("No such place.")
    return redirect(notification.url)


@require_POST
def mark_all_read(request):
    count = Notification.objects.visible_to(request.user).mark_read()
    messages.success(request, f"{count} notification{'s' if count != 1 else ''} marked read." if count
                     else "Nothing was unread.")
    return redirect("notifications:list")


def preferences(request):
    form = PreferencesForm(request.POST or None, current=selectors.preferences_of(request.user))
    if request.method == "POST" and form.is_valid():
        services.notification_preferences_set(user=request.user, deliveries=form.cleaned_data)
        messages.success(request, "Your email choices are saved.")
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form},
                  status=400 if request.method == "POST" else 200)


@login_not_required
@csrf_exempt  # the signed token is the authority; mail clients' one-click unsubscribe POSTs without a form
def unsubscribe(request, token):
    """An email's unsubscribe link: no sign-in; a GET asks, a POST stops that one kind of email."""
    target = services.unsubscribe_target(token)
    if target is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=404)
    user, kind = target
    done = request.method == "POST"
    if done:
        services.notification_unsubscribe(user=user, kind=kind)
    return render(request, "notifications/unsubscribe.html", {
        "email": user.email, "kind_label": Kind(kind).label.lower(), "done": done})
