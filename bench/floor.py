"""The floor a page is measured against, in the same run and on the same stack.

- the bare view (``bare``, mounted by ``bench.urls`` at /__bench__/bare/<bytes>/): the same
  middleware and template engine, rendering a template of the page's size, with no queries —
  asked without the session cookie, since a signed-in request makes every view look up the
  session and the user (``LoginRequiredMiddleware``);
- the page's own SQL: every SELECT the page ran (captured from ``connection.queries``),
  replayed on the raw DB-API cursor from this client — the session and user lookups counted
  here, once.

``compare`` times page, bare view and SQL replay in turn, run after run, so all three see
the same machine; the ratio page ÷ (bare + SQL), on medians, is what our Python adds.
"""
import time
from functools import cache

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.template import engines
from django.utils.safestring import mark_safe

from .stats import ms, percentile

BARE_PATH = "/__bench__/bare/{size}/"  # bench.urls
_ONCE = ("django_session", "accounts_user")  # looked up once per request, however often the page asks


@cache
def _template():
    return engines["django"].from_string("{{ body }}")


@cache
def filler(size: int) -> str:
    """``size`` characters of plain HTML paragraphs."""
    paragraph = "<p>" + "Whereas the shareholders request a report on the matter. " * 4 + "</p>\n"
    return (paragraph * (size // len(paragraph) + 1))[:size]


@login_not_required
def bare(request, size):
    """A template of ``size`` characters through the app's own stack: no queries."""
    return HttpResponse(_template().render({"body": mark_safe(filler(size))}, request))


def replayable(captured: list[dict]) -> tuple[list[str], int]:
    """The SELECTs of a captured request, each session/user lookup kept once; and how many other statements."""
    kept, seen, skipped = [], set(), 0
    for query in captured:
        sql = query["sql"]
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            skipped += 1
            continue
        if any(f'"{table}"' in sql.split(" WHERE ")[0] for table in _ONCE):
            if sql in seen:
                continue
            seen.add(sql)
        kept.append(sql)
    return kept, skipped


def replay(statements: list[str]) -> float:
    """Seconds to run ``statements`` on the raw cursor and fetch every row."""
    from django.db import connection

    connection.ensure_connection()
    cursor = connection.connection.cursor()
    start = time.perf_counter()
    for sql in statements:
        cursor.execute(sql)
        cursor.fetchall()
    elapsed = time.perf_counter() - start
    cursor.close()
    return elapsed


def _timed_get(client, path, params, headers, check):
    start = time.perf_counter()
    response = client.get(path, params, **headers)
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise RuntimeError(f"GET {path} {params or ''} answered {response.status_code}")
    if check:
        check(response)
    return elapsed, response


def compare(client, path: str, *, params=None, headers=None, runs: int, check=None) -> dict:
    """Page, bare view of the same size and the page's own SQL, ``runs`` times each, interleaved.

    Returns p50/p95 of each (ms), the page's bytes, queries (all, replayed, skipped) and
    ``ratio`` = page p50 ÷ (bare p50 + SQL p50); ``statements`` holds the replayed SQL.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    params, headers, anonymous = params or {}, headers or {}, Client()
    for _ in range(3):  # warm: templates compiled, the rows in PostgreSQL's buffers
        _timed_get(client, path, params, headers, check)
    with CaptureQueriesContext(connection) as captured:
        _, response = _timed_get(client, path, params, headers, check)
    queries = list(captured.captured_queries)  # the next request empties the log
    statements, skipped = replayable(queries)
    size = len(response.content)
    bare_path = BARE_PATH.format(size=size)
    with CaptureQueriesContext(connection) as bare_captured:
        _, bare_response = _timed_get(anonymous, bare_path, {}, {}, None)
    if bare_captured.captured_queries or len(bare_response.content) != size:
        raise RuntimeError(f"the bare view made {len(bare_captured.captured_queries)} queries "
                           f"and {len(bare_response.content)} bytes (wanted 0 and {size})")
    replay(statements)
    page, floor_view, sql = [], [], []
    for _ in range(runs):
        page.append(_timed_get(client, path, params, headers, check)[0])
        floor_view.append(_timed_get(anonymous, bare_path, {}, {}, None)[0])
        sql.append(replay(statements))
    p50 = {name: percentile(times, 50) for name, times in (("page", page), ("bare", floor_view), ("sql", sql))}
    return {
        "p50": ms(p50["page"]), "p95": ms(percentile(page, 95)),
        "bare_p50": ms(p50["bare"]), "bare_p95": ms(percentile(floor_view, 95)),
        "sql_p50": ms(p50["sql"]), "sql_p95": ms(percentile(sql, 95)),
        "ratio": round(p50["page"] / (p50["bare"] + p50["sql"]), 2),
        "bytes": size, "queries": len(queries), "replayed": len(statements), "skipped": skipped,
        "statements": statements,
    }


def line(figures: dict) -> str:
    """One report line: page p50/p95 beside its floor."""
    return (f"page {figures['p50']}/{figures['p95']} ms, bare {figures['bare_p50']}/{figures['bare_p95']} ms, "
            f"own SQL {figures['sql_p50']}/{figures['sql_p95']} ms ({figures['replayed']} of {figures['queries']} "
            f"queries), {figures['bytes']:,} bytes: ×{figures['ratio']}")
