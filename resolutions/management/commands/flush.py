"""Django's ``flush``, able to empty the append-only audit trail on SQLite too.

PostgreSQL empties tables with TRUNCATE, which row triggers do not see; SQLite deletes row by
row, which the trail's trigger refuses. Emptying the whole database is the one sanctioned way
to remove audit events (the test suite does it between browser tests), so on SQLite the
trigger is lifted for the flush and put back after it.
"""
from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

from resolutions.drafts import audit_trail_sql


class Command(FlushCommand):
    def handle(self, **options):
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            return super().handle(**options)
        with connection.cursor() as cursor:
            for statement in audit_trail_sql.SQLITE_DROP:
                cursor.execute(statement)
        try:
            return super().handle(**options)
        finally:
            with connection.cursor() as cursor:
                for statement in audit_trail_sql.SQLITE_CREATE:
                    cursor.execute(statement)
