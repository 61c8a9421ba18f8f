from django.db import OperationalError, InterfaceError, close_old_connections
from django.shortcuts import render


class DatabaseUnavailableMiddleware:
    """Answer a styled 503 while the database is unreachable; the next request reconnects."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)) and _is_connection_error(exception):
            close_old_connections()
            response = render(request, "503.html", status=503)
            response["Retry-After"] = "30"
            return response
        return None


def _is_connection_error(exception) -> bool:
    text = str(exception).lower()
    return any(
        phrase in text
        for phrase in ("connection", "could not connect", "server closed", "terminating", "database is locked")
    )
