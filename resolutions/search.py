"""Full-text search pieces shared by precedents and evidence.

PostgreSQL keeps a stored ``tsvector`` column with a GIN index; SQLite (the embedded default)
searches the same denormalized ``search_document`` text with ``icontains``.
"""
import re

from django.contrib.postgres.search import SearchVector
from django.db import connection, migrations
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
