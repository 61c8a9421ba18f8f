"""``migrate`` alone leaves a working site: it makes the database cache's table (resolutions/apps.py)."""
import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

DATABASE_CACHE = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "whereas_cache"}}


@pytest.mark.django_db(transaction=True)
@override_settings(CACHES=DATABASE_CACHE)
def test_migrate_makes_the_cache_table_a_deployment_would_otherwise_forget():
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE whereas_cache")
    try:
        assert "whereas_cache" not in connection.introspection.table_names()
        call_command("migrate", verbosity=0, interactive=False)
        assert "whereas_cache" in connection.introspection.table_names()
    finally:
        call_command("createcachetable", verbosity=0)
