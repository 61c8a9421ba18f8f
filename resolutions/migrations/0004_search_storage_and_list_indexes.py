"""Physical tuning found by `make bench` (issue #8); the models' state is unchanged.

- B-tree indexes for the newest-first lists: without them the evidence list (ordered by
  -created_at) sorted all 100,000 snippets for every page (~100 ms) and the dashboard's recent
  precedents sorted all 10,000 precedents (~13 ms). Plain SQL, so SQLite gets them too.
- A precedent's search vector (~2.7 kB) was TOASTed out of line, so every row a search filtered
  or ranked cost a TOAST fetch; STORAGE MAIN keeps it compressed in the row (the long texts
  still move out), which took a common-term precedent search from ~29 to ~18 ms. It applies to
  rows written from now on; existing rows move on their next update or a VACUUM FULL.
"""
from django.db import migrations

from resolutions.search import postgres_only


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0003_drafts_cofilers_packets"), ("evidence", "0002_snippet_search_index")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS snippet_created_at ON evidence_snippet (created_at);",
            "DROP INDEX IF EXISTS snippet_created_at;",
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS precedent_created_at ON resolutions_precedent (created_at);",
            "DROP INDEX IF EXISTS precedent_created_at;",
        ),
        postgres_only(
            "ALTER TABLE resolutions_precedent ALTER COLUMN search_vector SET STORAGE MAIN;",
            "ALTER TABLE resolutions_precedent ALTER COLUMN search_vector SET STORAGE EXTENDED;",
        ),
    ]
