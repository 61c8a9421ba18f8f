"""Full-text search pieces shared by precedents and evidence.

PostgreSQL keeps a stored ``tsvector`` column with a GIN index; SQLite (the embedded default)
searches the same denormalized ``search_document`` text with ``icontains``.

Ranking is what costs: ``ts_rank`` reads every matching row's vector, so a term found in 30 %
of 100,000 rows took about 250 ms to rank in full. ``ranked_search`` therefore ranks a bounded
candidate set — the ``SEARCH_CANDIDATES`` most recently added matches, found by
``newest_matches`` one window of ids at a time so that their cost does not grow with the
library — and counts them (one past the bound says "more than"). A rarer query (up to
``SEARCH_CANDIDATES`` matches, the usual case) is ranked in full; a commoner one shows the
best-ranked of its most recent matches, and the count reads "more than 1,000".
"""
import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, migrations, models
from django.db.models import F, Max
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"[\w'’-]+")


def postgres_only(sql: str, reverse_sql: str) -> migrations.RunPython:
    """A migration step that runs on PostgreSQL and is a no-op elsewhere."""

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(reverse_sql)

    return migrations.RunPython(forward, backward, elidable=False)


def search_vector_expression(model):
    """The stored vector of a row: its title (or a snippet's quote) weighted A, its search_document B."""
    title_field = "title" if any(f.name == "title" for f in model._meta.fields) else "quote"
    return (SearchVector(title_field, weight="A", config="english")
            + SearchVector("search_document", weight="B", config="english"))


def refresh_search_vector(model, pk) -> None:
    """Recompute the stored vector of one row from its title and search_document."""
    if connection.vendor != "postgresql":
        return
    model.objects.filter(pk=pk).update(search_vector=search_vector_expression(model))


SEARCH_CANDIDATES = 1000
# What a search box accepts: more than any real query, little enough that PostgreSQL's
# websearch_to_tsquery never overflows its stack (33 stacked "-" did: "tsquery stack too small").
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 32
_QUERY_TOKEN = re.compile(r'(-*)"([^"]*)"?|(\S+)')
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


def searchable_query(raw: str | None) -> str:
    """The websearch-syntax query every search path runs: words, ``"phrases"``, ``-excluded``, ``or``.

    Rebuilt from its terms, so stray operators (a run of "-", a dangling "or", an unclosed quote)
    are dropped rather than handed to PostgreSQL; NUL and control characters go (PostgreSQL
    refuses NUL in text); at most MAX_QUERY_TERMS words of the first MAX_QUERY_CHARS count.
    """
    pieces, words = [], 0
    for negated, phrase, token in _query_tokens(raw):
        if words >= MAX_QUERY_TERMS:
            break
        if token is not None and token.lower() == "or":
            if pieces and pieces[-1] != "or":
                pieces.append("or")
            continue
        terms = WORD.findall(phrase if phrase is not None else token)
        terms = [t.strip("-") for t in terms if t.strip("-")][:MAX_QUERY_TERMS - words]
        if not terms:
            continue
        words += len(terms)
        text = f'"{" ".join(terms)}"' if phrase is not None else "-".join(terms)
        pieces.append(("-" if negated else "") + text)
    if pieces and pieces[-1] == "or":
        pieces.pop()
    return " ".join(pieces)


def plain_terms(query: str) -> list[str]:
    """The words and phrases a ``searchable_query`` requires, without its operators (the SQLite path)."""
    terms = []
    for negated, phrase, token in _query_tokens(query):
        if not negated and (phrase or (token and token.lower() != "or")):
            terms.append(phrase if phrase is not None else token)
    return terms


def _query_tokens(raw: str | None):
    """(negated, phrase, token) for each quoted phrase or bare token of ``raw``."""
    text = _CONTROL_CHARS.sub(" ", (raw or "")[:MAX_QUERY_CHARS])
    for match in _QUERY_TOKEN.finditer(text):
        dashes, phrase, token = match.groups()
        if token is not None:
            negated = token.startswith("-")
            yield negated, None, token.lstrip("-").replace('"', "")
        else:
            yield bool(dashes), phrase, None


class MoreThan(int):
    """The count of a search that has more matches than it ranks: it counts as the bound
    (so pages stay consistent with the rows shown) and reads "more than 1,000"."""

    def __str__(self):
        return f"more than {int(self):,}"

    __repr__ = __str__


class SearchableQuerySet(models.QuerySet):
    """A QuerySet whose ``ranked_search`` result knows its count (see ``ranked_search``)."""

    _search_count = None  # set on the QuerySet ranked_search returns; not carried by clones

    def count(self):
        if self._search_count is None or self._result_cache is not None:
            return super().count()
        return self._search_count


# The newest ids read first for a search's most recent matches (see newest_matches).
FIRST_WINDOW = 65_536


def newest_matches(matches, *, limit: int) -> list[int]:
    """The pks of the ``limit`` most recently added rows of ``matches``, newest first (PostgreSQL).

    ``ORDER BY id DESC LIMIT`` reads either every match of the term (a bitmap scan of the GIN
    index: a mid-frequency word in a million snippets is 13,000 random rows) or every row newest
    first until enough match (a backward scan: 75,000 rows). So the newest ids are read window by
    window instead: a BRIN index on the id lets PostgreSQL AND the window with the GIN index and
    read only the matches inside it. The first window is ``FIRST_WINDOW`` ids; each next one is
    sized from the matches per id found so far, so a search reads about ``limit`` matches
    however large the library has grown.
    """
    newest = matches.model._base_manager.aggregate(newest=Max("pk"))["newest"] or 0
    found, upper, window = [], newest + 1, FIRST_WINDOW
    while len(found) < limit:
        lower = upper - window
        if lower <= 1:  # the rest of the table: read whole (its BRIN bitmap would cost more than it saves)
            return list(matches.order_by("-pk").values_list("pk", flat=True)[:limit])
        batch = matches.filter(pk__gte=lower, pk__lt=upper).order_by("-pk").values_list("pk", flat=True)
        found += batch[:limit - len(found)]
        per_id = len(found) / (newest + 1 - lower)
        window = int((limit - len(found)) / per_id * 1.5) + 1 if per_id else window * 8
        upper = lower
    return found


def ranked_search(queryset: SearchableQuerySet, query: str, *, tiebreak: tuple):
    """``queryset``'s rows matching ``query`` (websearch syntax), best ``ts_rank`` first (PostgreSQL).

    At most ``SEARCH_CANDIDATES`` rows — the most recent matches — are ranked, so the cost is
    bounded however common the words are. The matches are read here, once; the count is theirs.
    Apply filters before calling this. ``query`` is a ``searchable_query``.
    """
    search_query = SearchQuery(query, search_type="websearch", config="english")
    candidates = newest_matches(queryset.filter(search_vector=search_query), limit=SEARCH_CANDIDATES + 1)
    results = (
        queryset.filter(pk__in=candidates[:SEARCH_CANDIDATES])
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .order_by("-rank", *tiebreak)
    )
    more = len(candidates) > SEARCH_CANDIDATES
    results._search_count = MoreThan(SEARCH_CANDIDATES) if more else len(candidates)
    return results


def query_terms(query: str) -> list[str]:
    """The words a user searched for, without websearch operators, for highlighting."""
    words = []
    for token in WORD.findall(query or ""):
        if token.lower() in {"or", "and"}:
            continue
        words.append(token.strip("-"))
    negated = {t.lstrip("-").lower() for t in (query or "").split() if t.startswith("-")}
    return [w for w in words if w and w.lower() not in negated]


def highlight(text: str, query: str, *, max_chars: int | None = None) -> SafeString:
    """Escape ``text`` and wrap the searched words (and their stems' prefixes) in <mark>.

    With ``max_chars``, returns an excerpt centred on the first match.
    """
    text = text or ""
    terms = [t for t in query_terms(query) if len(t) > 1]
    if max_chars and len(text) > max_chars:
        text = _excerpt(text, terms, max_chars)
    if not terms:
        return escape(text)
    stems = sorted({_stem(t) for t in terms}, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last:match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


def _stem(word: str) -> str:
    """A crude prefix so 'workers' highlights 'worker' and 'working' as PostgreSQL matches them."""
    word = word.lower()
    for suffix in ("ing", "es", "s", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _excerpt(text: str, terms: list[str], max_chars: int) -> str:
    lowered = text.lower()
    hits = [lowered.find(_stem(t)) for t in terms]
    hits = [h for h in hits if h >= 0]
    start = max(0, min(hits) - max_chars // 3) if hits else 0
    end = min(len(text), start + max_chars)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + text[start:end].strip() + suffix
