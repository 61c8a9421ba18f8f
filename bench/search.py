"""Search: the evidence page (/evidence/?q=, 100,000 snippets) and the precedent page
(/precedents/?q=, 10,000 precedents), rendered in full through django.test.Client — form,
ranking, pagination, highlighting and the template — 50 times per query class. The JSON
reports, per class, the worse of the two pages (by p95); the notes show both, and the same
search as the page's htmx request (results only, what typing in the box fetches).
"""
import time

from .seed import CLASSES
from .stats import summary

PAGES = {"snippets": "/evidence/", "precedents": "/precedents/"}


def measure_page(client, path: str, query: str, runs: int, *, htmx=False) -> list[float]:
    for _ in range(3):  # warm: templates compiled, the table's pages in PostgreSQL's buffers
        _get(client, path, query, htmx)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        _get(client, path, query, htmx)
        times.append(time.perf_counter() - start)
    return times


def _get(client, path, query, htmx=False):
    response = client.get(path, {"q": query}, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
    if response.status_code != 200:
        raise RuntimeError(f"GET {path}?q={query} answered {response.status_code}")
    if b"<mark>" not in response.content:
        raise RuntimeError(f"GET {path}?q={query} highlighted nothing")
    return response


def run(*, seeded, quick, log, runs=None, **_):
    from django.test import Client

    from accounts.models import User

    client = Client()
    user = User.objects.filter(email="lead@example.org").first() or User.objects.order_by("pk").first()
    client.force_login(user)
    runs = runs or (10 if quick else 50)
    figures, notes, detail = {}, [], {}
    for table, path in PAGES.items():
        terms = seeded.terms[table]
        for name in CLASSES:
            query, rows, fraction = terms[name]
            stats = summary(measure_page(client, path, query, runs))
            partial = summary(measure_page(client, path, query, runs, htmx=True))
            detail[(name, table)] = stats
            line = (f"{path}?q={query} ({rows:,} rows, {fraction:.2%}): page p50/p95 {stats['p50']}/{stats['p95']} ms;"
                    f" htmx results {partial['p50']}/{partial['p95']} ms")
            log("  " + line)
            notes.append(f"search {name:<6} {line}")
    for name in CLASSES:
        worse = max((detail[(name, t)] for t in PAGES), key=lambda s: (s["p95"], s["p50"]))
        figures[name] = worse
    figures["precedents"] = seeded.sizes.precedents
    figures["snippets"] = seeded.sizes.snippets
    return figures, notes
