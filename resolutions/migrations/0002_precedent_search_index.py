from django.db import migrations

from resolutions.search import postgres_only


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0001_initial")]

    operations = [
        postgres_only(
            "CREATE INDEX precedent_search_gin ON resolutions_precedent USING gin (search_vector);",
            "DROP INDEX IF EXISTS precedent_search_gin;",
        ),
    ]
