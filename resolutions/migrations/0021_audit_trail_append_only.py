"""The audit trail append-only at the database: a trigger refusing UPDATE and DELETE (see drafts/audit_trail_sql)."""
from django.db import migrations

from resolutions.drafts import audit_trail_sql as sql


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in statements.get(vendor, []):
            schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):

    dependencies = [
        ('resolutions', '0020_company_verified'),
    ]

    operations = [
        migrations.RunPython(
            _run({"postgresql": sql.POSTGRESQL_CREATE, "sqlite": sql.SQLITE_CREATE}),
            _run({"postgresql": sql.POSTGRESQL_DROP, "sqlite": sql.SQLITE_DROP}),
        ),
    ]
