from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = "Resolutions"

    def ready(self):
        post_migrate.connect(create_cache_table, sender=self)


def create_cache_table(using, **_):
    """``migrate`` makes the database cache's table as well (settings' CACHES without Redis): every page
    reads that cache, so a deployment that ran only ``migrate`` would fail on its first page. Nothing
    happens when the table is there or the cache is Redis."""
    call_command("createcachetable", database=using, verbosity=0)
