from functools import wraps

from django.core.exceptions import PermissionDenied


def curator_required(view):
    """Curators (staff) only; a signed-in filer gets a 403 page that says why."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied("This page is for curators, who keep the precedent library. Ask a curator if you need it.")
        return view(request, *args, **kwargs)

    return wrapped
