from django.db import migrations

from resolutions.search import postgres_only


class Migration(migrations.Migration):
    """A BRIN index on the id, for search's newest-first windows (resolutions.search.newest_matches)."""

    dependencies = [("resolutions", "0025_background_pdfs")]

    operations = [
        postgres_only(
            "CREATE INDEX precedent_id_brin ON resolutions_precedent USING brin (id);",
            "DROP INDEX IF EXISTS precedent_id_brin;",
        ),
    ]
