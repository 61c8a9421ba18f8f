from django.db import migrations

from resolutions.search import postgres_only


class Migration(migrations.Migration):
    dependencies = [("evidence", "0001_initial")]

    operations = [
        postgres_only(
            "CREATE INDEX snippet_search_gin ON evidence_snippet USING gin (search_vector);",
            "DROP INDEX IF EXISTS snippet_search_gin;",
        ),
    ]
