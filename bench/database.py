"""The bench's own PostgreSQL database: created fresh, dropped at the end.

The server and credentials come from ``DATABASE_URL`` (default: postgres@127.0.0.1:5432). The
database is always a bench database — ``whereas_bench``, or the URL's own name if it already
has ``bench`` in it (``ci_bench``, ``whereas_bench2``) — so ``make bench`` can never drop a
database it did not make.
"""
import os
from urllib.parse import urlsplit, urlunsplit

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/whereas_bench"
BENCH_NAME = "whereas_bench"


class NotPostgres(SystemExit):
    pass


def bench_url(environ=os.environ) -> str:
    """The URL of the bench database, or SystemExit with a clear message on anything but PostgreSQL."""
    url = environ.get("DATABASE_URL") or DEFAULT_URL
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql", "psql", "postgis"):
        raise NotPostgres(
            f"make bench measures PostgreSQL only, and DATABASE_URL is {parts.scheme or url!r}.\n"
            "Unset DATABASE_URL to use postgres://postgres@127.0.0.1:5432/whereas_bench, or point it at a "
            "PostgreSQL server (the bench creates and drops its own database there)."
        )
    name = parts.path.lstrip("/")
    if "bench" not in name:
        name = BENCH_NAME
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))


def _admin_connection(url: str):
    import psycopg2

    parts = urlsplit(url)
    connection = psycopg2.connect(
        dbname="postgres", host=parts.hostname or "127.0.0.1", port=parts.port or 5432,
        user=parts.username or "postgres", password=parts.password,
    )
    connection.autocommit = True
    return connection


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def _execute(url: str, *statements: str) -> None:
    connection = _admin_connection(url)  # autocommit: DROP/CREATE DATABASE refuse transactions
    try:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        connection.close()


def recreate(url: str) -> None:
    name = database_name(url)
    _execute(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')


def drop(url: str) -> None:
    _execute(url, f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')
