"""Non-trivial reads of the resolutions app."""
from .models import Precedent


def precedents_recent(*, limit: int = 5):
    return Precedent.objects.select_related("company").order_by("-created_at")[:limit]
