"""Query terms for the search bench, chosen by their measured document frequency in the seeded rows."""

CLASSES = {"rare": (0.0002, 0.001), "mid": (0.007, 0.015), "common": (0.30, 0.60), "phrase": (0.005, 0.02)}


def pick_terms(result, *, table: str) -> dict:
    """For one table, a query per class chosen by measured document frequency.

    Candidates come from the generator's own counts; the final pick is checked with
    PostgreSQL (stemming can merge words) and the one nearest the middle of its band wins.
    Returns {class: (query, matching rows, fraction)}.
    """
    from evidence.models import Snippet
    from resolutions.models import Precedent

    model = {"snippets": Snippet, "precedents": Precedent}[table]
    df = result.snippet_df if table == "snippets" else result.precedent_df
    bigrams = result.snippet_bigrams if table == "snippets" else result.precedent_bigrams
    total = model.objects.count()
    vocabulary = set(result.vocabulary.words)
    chosen = {}
    for name, (lo, hi) in CLASSES.items():
        target = (lo + hi) / 2 * total
        if name == "phrase":
            collocations = set(result.vocabulary.phrases)
            pool = [(f'"{a} {b}"', c) for (a, b), c in bigrams.items()
                    if (a, b) in collocations and lo * total <= c <= hi * total]
        else:
            pool = [(w, c) for w, c in df.items() if w in vocabulary and lo * total <= c <= hi * total]
        pool.sort(key=lambda item: (abs(item[1] - target), item[0]))
        best = None
        for query, _ in pool[:8]:
            rows = _matching(model, query)
            if lo * total <= rows <= hi * total:
                best = min(best or (query, rows), (query, rows), key=lambda item: abs(item[1] - target))
        if best is None:  # tiny (--quick) data: the nearest candidate that matches at all, whatever its band
            candidates = [q for q, _ in pool] or sorted((w for w in df if w in vocabulary), key=df.get, reverse=True)
            best = next(((q, rows) for q in candidates[:50] if (rows := _matching(model, q)) > 0),
                        (candidates[0], 0))  # English stop words ("the") match nothing in PostgreSQL
        chosen[name] = (best[0], best[1], best[1] / total if total else 0)
    return chosen


def matching(table: str, query: str) -> int:
    """How many rows of "snippets" or "precedents" match ``query`` (PostgreSQL)."""
    from evidence.models import Snippet
    from resolutions.models import Precedent

    return _matching({"snippets": Snippet, "precedents": Precedent}[table], query)


def _matching(model, query: str) -> int:
    from django.contrib.postgres.search import SearchQuery

    return model.objects.filter(search_vector=SearchQuery(query, search_type="websearch", config="english")).count()
