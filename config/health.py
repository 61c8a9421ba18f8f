"""GET /health/ for load balancers and `docker compose`: can this process reach what it needs?"""
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@login_not_required
@require_GET
def health(request):
    """200 and {"database": "ok", ...} when every part answers; 503 naming the part that does not."""
    parts = {"database": _database()}
    if settings.REDIS_URL:
        parts["cache"] = _cache()
    return JsonResponse(parts, status=200 if set(parts.values()) == {"ok"} else 503)


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except DatabaseError:
        connection.close()  # the next request reconnects
        return "unreachable"


def _cache() -> str:
    try:
        cache.set("health", "ok", 10)
        return "ok" if cache.get("health") == "ok" else "not answering"
    except Exception:  # redis-py raises its own ConnectionError family
        return "unreachable"
