"""Delete confirmations that count what would go, without naming it.

A company or organization reaches drafts, which are private to their filers: the admin's
confirmation page would otherwise list every draft's title (protected or cascaded) to a curator.
"""
from collections import Counter

from django.contrib.admin.utils import NestedObjects, get_deleted_objects
from django.db import router
from django.utils.text import capfirst


class CountsOnlyDeleteMixin:
    """The objects to delete, and those that protect them, as one count per kind."""

    def get_deleted_objects(self, objs, request):
        _, model_count, perms_needed, protected = get_deleted_objects(objs, request, self.admin_site)
        summary = [f"{capfirst(name)}: {count}" for name, count in model_count.items() if count]
        if protected:
            collector = NestedObjects(using=router.db_for_write(self.model))
            collector.collect(objs)
            kinds = Counter(capfirst(obj._meta.verbose_name_plural) for obj in collector.protected)
            protected = [f"{name}: {count}" for name, count in kinds.items()]
        return summary, model_count, perms_needed, protected
