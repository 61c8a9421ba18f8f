from django.db import migrations

from resolutions.search import postgres_only


class Migration(migrations.Migration):
    """A BRIN index on the id, for search's newest-first windows (resolutions.search.newest_matches)."""

    dependencies = [("evidence", "0005_snippet_one_per_source_and_quote")]

    operations = [
        postgres_only(
            "CREATE INDEX snippet_id_brin ON evidence_snippet USING brin (id);",
            "DROP INDEX IF EXISTS snippet_id_brin;",
        ),
    ]
