"""Search: the evidence page (/evidence/?q=) and the precedent page (/precedents/?q=), rendered
in full through django.test.Client — form, ranking, pagination, highlighting and the template —
per class of term, each beside its floor (``bench.floor.compare``: a bare view of the same size
and the page's own SQL), plus the PostgreSQL execution time of the ranked query alone
(``EXPLAIN (ANALYZE)`` of the page's own ``ts_rank`` statement).

Measured at every point of the growth curve (``bench.seed.CURVE``): 1k precedents / 10k
snippets, then 10k / 100k, and in ``make bench-scale`` 50k / 1M, with the same query words.
A class's figure is the worse of the two pages (by ratio).
"""
from . import floor
from .seed import CURVE, QUICK_CURVE, grow, replicate, sizes_at
from .stats import summary
from .terms import CLASSES

PAGES = {"snippets": "/evidence/", "precedents": "/precedents/"}


def _highlighted(response):
    if b"<mark>" not in response.content:
        raise RuntimeError(f"{response.request['PATH_INFO']}?{response.request['QUERY_STRING']} highlighted nothing")


def ranked_query_times(statements: list[str], runs: int) -> dict:
    """p50/p95 (ms) of PostgreSQL's own execution time of the page's ranked (``ts_rank``) query."""
    from django.db import connection

    ranked = [sql for sql in statements if "ts_rank" in sql]
    if not ranked or connection.vendor != "postgresql":
        return {"p50": None, "p95": None}
    times = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            cursor.execute("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + ranked[0])
            plan = cursor.fetchone()[0]
            times.append(plan[0]["Execution Time"] / 1000)
    return summary(times)


def measure_point(client, seeded, *, runs: int, log) -> dict:
    """Every class on both pages at the current size."""
    from .terms import matching

    point = {"precedents": seeded.sizes.precedents, "snippets": seeded.sizes.snippets, "classes": {}}
    for name in CLASSES:
        per_page = {}
        for table, path in PAGES.items():
            query = seeded.terms[table][name][0]
            figures = floor.compare(client, path, params={"q": query}, runs=runs, check=_highlighted)
            figures["ranked_sql"] = ranked_query_times(figures.pop("statements"), runs)
            figures["query"] = query
            figures["rows"] = rows = matching(table, query)
            figures["fraction"] = round(rows / getattr(seeded.sizes, table), 5)
            per_page[table] = figures
            log(f"    {name:<6} {path}?q={query} ({rows:,} rows): {floor.line(figures)}; "
                f"ranked query {figures['ranked_sql']['p50']} ms in PostgreSQL")
        point["classes"][name] = per_page
    return point


def run(*, seeded, quick, log, runs=None, scale=False, curve=None, **_):
    from django.test import Client

    from accounts.models import User

    client = Client()
    client.force_login(User.objects.filter(email="lead@example.org").first() or User.objects.order_by("pk").first())
    runs = runs or (8 if quick else 30)
    curve = (curve or (QUICK_CURVE if quick else CURVE))[:3 if scale else 2]
    points = []
    for i, (precedents, snippets) in enumerate(curve):
        sizes = sizes_at(precedents, snippets, quick=quick)
        if i == 1:
            grow(seeded, sizes, log=log)
        elif i == 2:
            replicate(seeded, sizes, log=log)
        log(f"  {precedents:,} precedents, {snippets:,} snippets:")
        points.append(measure_point(client, seeded, runs=runs, log=log))
    main = points[1] if len(points) > 1 else points[0]
    figures = {"curve": points, "precedents": main["precedents"], "snippets": main["snippets"]}
    for name in CLASSES:
        figures[name] = max(main["classes"][name].values(), key=lambda f: (f["ratio"], f["p95"]))
    notes = [_curve_line(points, table) for table in PAGES]
    if scale:
        figures["growth_1m"] = growth(points[1], points[2], "snippets")
        figures["growth_50k"] = growth(points[1], points[2], "precedents")
    return figures, notes


def growth(before: dict, after: dict, table: str) -> float:
    """The largest p95 growth of a class on ``table``'s page between two points of the curve."""
    return round(max(after["classes"][c][table]["p95"] / before["classes"][c][table]["p95"] for c in CLASSES), 2)


def _curve_line(points, table) -> str:
    cells = []
    for point in points:
        p95s = " ".join(f"{c} {point['classes'][c][table]['p95']}" for c in CLASSES)
        cells.append(f"{point[table]:,}: {p95s}")
    return f"search growth {PAGES[table]} p95 ms by rows — " + " | ".join(cells)

