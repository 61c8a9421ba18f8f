import sys

from django.db import InterfaceError, OperationalError, close_old_connections
from django.template import loader
from django.http import HttpResponse, HttpResponseServerError
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request):
    """The styled 500 page; a lost database connection gets a 503 instead, and is dropped
    so that the next request reconnects (no restart needed)."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)) or isinstance(
        getattr(error, "__context__", None), (OperationalError, InterfaceError)
    ):
        close_old_connections()
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
