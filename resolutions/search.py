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
from functools import lru_cache

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, migrations, models
from django.db.models import F, Lookup, Max, Q
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

    def __format__(self, spec):  # in an f-string too, whatever the spec: never "1,000 match" for more
        return str(self)

    __repr__ = __str__


class SearchableQuerySet(models.QuerySet):
    """A QuerySet whose ``ranked_search`` result knows its count and ranks a slice before it joins
    (see ``ranked_search``)."""

    # Set on the QuerySet ranked_search returns; not carried by clones (a filter added after would
    # make them wrong).
    _search_count = None
    _ranked_slice = None

    def count(self):
        return super().count() if self._search_count is None else self._search_count

    def __getitem__(self, k):
        if isinstance(k, slice) and self._ranked_slice is not None and self._result_cache is None:
            return self._ranked_slice(k)
        return super().__getitem__(k)


# The newest ids read first for a search's most recent matches (see newest_matches); a table of
# up to four such windows is read whole.
FIRST_WINDOW = 32_768


class UnseenSearchQuery(SearchQuery):
    """A ``SearchQuery`` PostgreSQL plans for without knowing its words (an InitPlan): it then
    assumes 0.5 % of the rows match (``DEFAULT_TS_MATCH_SEL``) rather than its own estimate."""

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = super().as_sql(compiler, connection, function, template)
        return f"(SELECT {sql})", params


def newest_matches(queryset, query: str, *, limit: int) -> list[int]:
    """The pks of the ``limit`` most recently added rows of ``queryset`` matching ``query``
    (websearch syntax), newest first (PostgreSQL).

    ``ORDER BY id DESC LIMIT`` reads either every match (a bitmap scan of the GIN index: a
    mid-frequency word in a million snippets is 13,000 random rows) or every row newest first
    until enough match (a backward scan: 75,000 rows). So the newest ids are read window by
    window, each a range of the primary key that PostgreSQL ANDs with the GIN index, reading
    only the matches inside it; the count of matches per id found so far sizes the next window,
    so a search reads about ``limit`` matches however large the library has grown.

    The first window is planned with the query's words, so that a common word is read newest
    first and stops at ``limit``. Later ones only run for a word known to be rarer, and are
    planned without its words: PostgreSQL estimates a phrase or several words as if they were
    unrelated (the product of their frequencies, 60 times too few for a quoted phrase) and would
    then read every match of the table rather than AND the range; at its default estimate it
    ANDs windows up to a tenth of a 100,000-row table, two fifths of a million-row one
    (``newest // 16`` is the largest asked). When the rest of the table holds no more than a
    few times the matches still wanted, it is read whole.
    """
    seen = SearchQuery(query, search_type="websearch", config="english")
    newest_first = queryset.filter(search_vector=seen).order_by("-pk").values_list("pk", flat=True)
    newest = queryset.model._base_manager.aggregate(newest=Max("pk"))["newest"] or 0
    if newest <= 4 * FIRST_WINDOW:
        return list(newest_first[:limit])
    unseen = UnseenSearchQuery(query, search_type="websearch", config="english")
    windows = queryset.filter(search_vector=unseen).order_by("-pk").values_list("pk", flat=True)
    lower = newest + 1 - FIRST_WINDOW
    found = list(newest_first.filter(pk__gte=lower)[:limit])
    while len(found) < limit:
        wanted, per_id = limit - len(found), len(found) / (newest + 1 - lower)
        if per_id * lower <= 3 * wanted:
            return found + list(newest_first.filter(pk__lt=lower)[:wanted])
        window = max(1, min(int(wanted / per_id * 1.5), newest // 16))
        found += windows.filter(pk__gte=lower - window, pk__lt=lower)[:wanted]
        lower -= window
    return found


class PkAmong(Lookup):
    """``pk = ANY(%s)``, the pks in one array parameter (PostgreSQL, which plans it as it plans
    ``IN``). ``pk__in`` compiles a parameter each: 1.9 ms of Python for 1,000 candidates, 0.36 for 20."""

    def __init__(self, pks):
        super().__init__(F("pk"), list(pks))

    def get_prep_lookup(self):
        return self.rhs

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, self.rhs)


def ranked_search(queryset: SearchableQuerySet, query: str, *, tiebreak: tuple, listing=None):
    """``queryset``'s rows matching ``query`` (websearch syntax), best ``ts_rank`` first (PostgreSQL).

    At most ``SEARCH_CANDIDATES`` rows — the most recent matches — are ranked, so the cost is
    bounded however common the words are. The matches are read here, once; the count is theirs.
    The ranked query names the candidates' pks, which only the primary key's index serves, and
    reads them from ``listing`` (``queryset`` before its filters, with its joins and prefetches):
    they passed the filters already, and a filter repeated there let PostgreSQL start from it
    (``organization=`` sorted every filer of every precedent: 50 ms instead of 2 for a common word).
    Apply filters before calling this. ``query`` is a ``searchable_query``.
    """
    search_query = SearchQuery(query, search_type="websearch", config="english")
    candidates = newest_matches(queryset, query, limit=SEARCH_CANDIDATES + 1)
    among = PkAmong(candidates[:SEARCH_CANDIDATES])
    rows = queryset if listing is None else listing

    def best_first(rows, *conditions):
        return rows.filter(*conditions).annotate(rank=SearchRank(F("search_vector"), search_query)) \
            .order_by("-rank", *tiebreak)

    def ranked_slice(k: slice):
        """A page: its pks ranked on the table alone, then its rows with their joins. Ranked with its
        joins, PostgreSQL joined every candidate before it sorted (1,000 snippets to their sources:
        5.1 ms, 3.4 ranked first)."""
        page = best_first(queryset.model._base_manager.all(), among).values("pk")[k]
        return best_first(rows, Q(pk__in=page))

    results = best_first(rows, among)
    more = len(candidates) > SEARCH_CANDIDATES
    results._search_count = MoreThan(SEARCH_CANDIDATES) if more else len(candidates)
    results._ranked_slice = ranked_slice
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
    terms, pattern = _highlighting(query)
    if max_chars and len(text) > max_chars:
        text = _excerpt(text, terms, max_chars)
    if not terms:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last:match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


@lru_cache(maxsize=64)
def _highlighting(query: str) -> tuple[tuple[str, ...], re.Pattern | None]:
    """The terms of ``query`` worth marking and the pattern that marks them: worked out once per
    query, not once per field of every result (four fields of twenty cards)."""
    terms = tuple(t for t in query_terms(query) if len(t) > 1)
    if not terms:
        return terms, None
    stems = sorted({_stem(t) for t in terms}, key=len, reverse=True)
    return terms, re.compile(r"\b(" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def _stem(word: str) -> str:
    """A crude prefix so 'workers' highlights 'worker' and 'working' as PostgreSQL matches them."""
    word = word.lower()
    for suffix in ("ing", "es", "s", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _excerpt(text: str, terms: tuple[str, ...], max_chars: int) -> str:
    lowered = text.lower()
    hits = [lowered.find(_stem(t)) for t in terms]
    hits = [h for h in hits if h >= 0]
    start = max(0, min(hits) - max_chars // 3) if hits else 0
    end = min(len(text), start + max_chars)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + text[start:end].strip() + suffix
