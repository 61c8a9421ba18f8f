"""Writes to the evidence library. Views, the admin, imports and the demo all call these."""
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from resolutions.models import Draft
from resolutions.search import refresh_search_vector

from . import capture, interchange
from .models import Snippet, Source
from .selectors import drafts_citing
from .weburls import normalize_url, validate_web_url

SOURCE_FIELDS = ("kind", "title", "authors", "publisher", "published", "url", "archived_url", "accessed", "full_text")
_CSL_SUFFIXES = {".json", ".csljson"}
_BIBTEX_SUFFIXES = {".bib", ".bibtex"}


# --- Sources -----------------------------------------------------------------


def source_create(*, user, text_file=None, **fields) -> Source:
    """Add a source. Its URL must be a web address new to the library; it is stored normalized."""
    source = Source(added_by=user)
    with transaction.atomic():
        _set_source_fields(source, fields)
        _save_source(source, text_file)
    return source


def source_update(*, user, source: Source, text_file=None, **fields) -> Source:
    """Change a source; its snippets' search text follows a new title or publisher."""
    if not source.can_edit(user):
        raise PermissionDenied("Only the person who added this source, or a curator, can change it.")
    with transaction.atomic():
        source = Source.objects.select_for_update().get(pk=source.pk)
        before = (source.title, source.publisher)
        _set_source_fields(source, fields)
        _save_source(source, text_file)
        if (source.title, source.publisher) != before:
            for snippet in source.snippets.all():
                snippet_refresh_search(snippet=snippet)
    return source


def source_create_with_snippets(*, user, snippets: Sequence[dict], text_file=None, **fields) -> Source:
    """A new source and its first snippets, all saved or none."""
    with transaction.atomic():
        source = source_create(user=user, text_file=text_file, **fields)
        snippets_create(user=user, source=source, snippets=snippets)
    return source


def _set_source_fields(source: Source, fields: dict) -> None:
    """Set ``fields`` on ``source`` and check them all at once (ValidationError by field)."""
    unknown = set(fields) - set(SOURCE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown source fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(source, name, value.strip() if isinstance(value, str) and name != "full_text" else value)
    errors = {}
    if not source.title:
        errors["title"] = ["Give the source's title."]
    for name in ("url", "archived_url"):
        if getattr(source, name):
            try:
                setattr(source, name, validate_web_url(getattr(source, name)))
            except ValueError as error:
                errors[name] = [str(error)]
    if source.url and "url" not in errors:
        source.url = normalize_url(source.url)
        existing = Source.objects.filter(url=source.url).exclude(pk=source.pk).first()
        if existing:
            errors["url"] = [f"This web address is already in the library, as “{existing.title}”."]
    try:
        source.full_clean(exclude=[*errors, "text_file"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)


def _save_source(source: Source, text_file) -> None:
    """``text_file``: an upload to store, None to keep the stored one, False to clear it (the admin's checkbox)."""
    if text_file is False:
        source.text_file = ""
    elif text_file is not None:
        text_file.seek(0)
        source.text_file.save(PurePath(text_file.name).name, text_file, save=False)
    try:
        with transaction.atomic():
            source.save()
    except IntegrityError:  # another request saved the same URL a moment ago
        raise ValidationError({"url": ["This web address is already in the library."]}) from None


# --- Snippets ------------------------------------------------------------------


def snippet_create(*, user, source: Source, quote: str, pinpoint="", paraphrase="", topics=(), companies=()) -> Snippet:
    """Add a snippet. When the source has stored text, the quote must be in
    it; it is kept as the source words it, and a blank pinpoint is filled in."""
    quote, found_pinpoint = snippet_quote_checked(source=source, quote=quote)
    snippet = Snippet(
        source=source, quote=quote, pinpoint=pinpoint.strip() or found_pinpoint, paraphrase=paraphrase.strip(),
        added_by=user,
    )
    snippet.full_clean(exclude=["source", "added_by"])
    with transaction.atomic():
        _save_snippet(snippet)
        snippet.topics.set(topics)
        snippet.companies.set(companies)
        snippet_refresh_search(snippet=snippet)
    return snippet


def snippets_create(*, user, source: Source, snippets: Sequence[dict]) -> list[Snippet]:
    """Several snippets of one source (dicts of snippet_create's fields), all saved or none."""
    created = []
    with transaction.atomic():
        for number, fields in enumerate(snippets, start=1):
            try:
                created.append(snippet_create(user=user, source=source, **fields))
            except ValidationError as error:
                raise ValidationError([f"Snippet {number}: {message}" for message in error.messages]) from None
    return created


def snippet_capture(*, user, source: Source, quote: str) -> Snippet:
    """Save a passage selected in the source's stored text; the pinpoint comes from where it is found."""
    try:
        captured = capture.capture_snippet(source.full_text, quote)
    except (capture.EmptyQuote, capture.QuoteNotFound) as error:
        raise ValidationError(str(error)) from None
    return snippet_create(user=user, source=source, quote=captured.quote, pinpoint=captured.pinpoint)


def snippet_update(
    *, user, snippet: Snippet, quote: str, pinpoint="", paraphrase="", topics=(), companies=()
) -> Snippet:
    """Change a snippet; a changed quote needs verifying again."""
    _require_editor(user, snippet)
    quote, found_pinpoint = snippet_quote_checked(source=snippet.source, quote=quote, snippet=snippet)
    with transaction.atomic():
        snippet = Snippet.objects.select_for_update().select_related("source").get(pk=snippet.pk)
        if quote != snippet.quote:
            snippet.verified_by, snippet.verified_at = None, None
        snippet.quote = quote
        snippet.pinpoint = pinpoint.strip() or found_pinpoint
        snippet.paraphrase = paraphrase.strip()
        snippet.full_clean(exclude=["source", "added_by"])
        _save_snippet(snippet)
        snippet.topics.set(topics)
        snippet.companies.set(companies)
        snippet_refresh_search(snippet=snippet)
    return snippet


def snippet_delete(*, user, snippet: Snippet) -> None:
    """Delete a snippet no draft cites. The refusal names the drafts the
    user can see and only counts the others, so no draft's title leaks."""
    _require_editor(user, snippet)
    with transaction.atomic():
        citing = drafts_citing([snippet.pk])
        if citing.exists():
            visible = list(drafts_citing([snippet.pk], among=Draft.objects.visible_to(user)).order_by("title"))
            hidden = citing.count() - len(visible)
            raise ValidationError(_cited_message([draft.title for draft in visible], hidden))
        snippet.delete()


def _cited_message(titles: list[str], hidden: int) -> str:
    parts = []
    if titles:
        parts.append("It is cited in " + ", ".join(f"“{title}”" for title in titles) + ".")
    if hidden:
        others = "1 draft of another organization" if hidden == 1 else f"{hidden} drafts of other organizations"
        parts.append(f"It is {'also ' if titles else ''}cited in {others}.")
    return " ".join(["This snippet cannot be deleted while a draft cites it.", *parts,
                     "Remove those citations first."])


def snippet_verify(*, user, snippet: Snippet) -> Snippet:
    """A curator confirms the quote and pinpoint against the source."""
    if not user.is_staff:
        raise PermissionDenied("Only curators can mark evidence as verified.")
    snippet.verified_by, snippet.verified_at = user, timezone.now()
    snippet.save(update_fields=["verified_by", "verified_at", "updated_at"])
    return snippet


def snippet_refresh_search(*, snippet: Snippet) -> None:
    """Rebuild the denormalized search text (quote, paraphrase, source title and publisher) and the vector."""
    source = snippet.source
    document = "\n".join(part for part in (snippet.quote, snippet.paraphrase, source.title, source.publisher) if part)
    # PostgreSQL's parser skips anything shaped like an HTML tag, words inside included.
    document = document.replace("<", " ").replace(">", " ")
    Snippet.objects.filter(pk=snippet.pk).update(search_document=document)
    snippet.search_document = document
    refresh_search_vector(Snippet, snippet.pk)


def _require_editor(user, snippet: Snippet) -> None:
    if not snippet.can_edit(user):
        raise PermissionDenied("Only the person who added this snippet, or a curator, can change or delete it.")


_DUPLICATE_SNIPPET = "This passage is already saved as a snippet of this source."


def snippet_quote_checked(*, source: Source, quote: str, snippet: Snippet | None = None) -> tuple[str, str]:
    """The quote as it will be saved and the pinpoint found for it (the forms and the admin check
    with this before saving). ValidationError when the source's stored text does not have it, or
    another snippet of the source has it: snippets are shared, one per passage."""
    quote, pinpoint = _checked_quote(source, quote)
    same = source.snippets.filter(quote=quote)
    if snippet is not None and snippet.pk is not None:
        same = same.exclude(pk=snippet.pk)
    if same.exists():
        raise ValidationError(_DUPLICATE_SNIPPET)
    return quote, pinpoint


def _save_snippet(snippet: Snippet) -> None:
    try:
        with transaction.atomic():
            snippet.save()
    except IntegrityError:  # the same passage, saved by a double submit a moment ago
        raise ValidationError(_DUPLICATE_SNIPPET) from None


def _checked_quote(source: Source, quote: str) -> tuple[str, str]:
    """The quote as the source's stored text words it (whitespace folded) and
    its pinpoint there; the quote as given when there is no stored text."""
    if quote.strip() and not source.full_text.strip():
        return " ".join(quote.split()), ""
    try:
        captured = capture.capture_snippet(source.full_text, quote)
    except (capture.EmptyQuote, capture.QuoteNotFound) as error:
        raise ValidationError(str(error)) from None
    return " ".join(captured.quote.split()), captured.pinpoint


# --- Import --------------------------------------------------------------------


@dataclass
class ImportReport:
    new: int = 0
    merged: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (label, reason)


def sources_import(*, user, data: bytes, filename: str) -> ImportReport:
    """Add the sources of a CSL-JSON or BibTeX file in one transaction.

    A source already in the library (same normalized URL, or same title and
    date) is merged: its blank fields are filled in, nothing is overwritten.
    Unusable entries are reported, not saved; an unreadable file saves nothing.
    """
    batch = _parse_sources_file(data, filename)
    report = ImportReport(rejected=list(batch.rejected))
    with transaction.atomic():
        for record in batch.records:
            try:
                url = normalize_url(validate_web_url(record.url)) if record.url.strip() else ""
            except ValueError as error:
                report.rejected.append((record.title, str(error)))
                continue
            existing = _matching_source(record, url)
            if existing:
                _merge_into(existing, record, url)
                report.merged += 1
                continue
            try:
                source_create(
                    user=user, kind=record.kind, title=record.title, authors=record.authors,
                    publisher=record.publisher, published=record.published, url=url, accessed=record.accessed,
                )
            except ValidationError as error:
                report.rejected.append((record.title, " ".join(error.messages)))
            else:
                report.new += 1
    return report


def _parse_sources_file(data: bytes, filename: str) -> interchange.ParsedBatch:
    if not data.strip():
        raise ValidationError("The file is empty.")
    suffix = PurePath(filename).suffix.lower()
    first = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if suffix in _CSL_SUFFIXES or (suffix not in _BIBTEX_SUFFIXES and first in (b"[", b"{")):
        parse = interchange.parse_csl_json
    elif suffix in _BIBTEX_SUFFIXES or first == b"@":
        parse = interchange.parse_bibtex
    else:
        raise ValidationError(
            f"“{filename}” is neither CSL-JSON nor BibTeX. Export your library as CSL-JSON (.json) or BibTeX (.bib)."
        )
    try:
        return parse(data)
    except interchange.InterchangeError as error:
        raise ValidationError(str(error)) from None


def _matching_source(record: interchange.SourceRecord, url: str) -> Source | None:
    """Same URL; or same title and date (among sources without a URL when the record has one)."""
    if url and (found := Source.objects.filter(url=url).first()):
        return found
    key = interchange.dedupe_key(interchange.SourceRecord(kind=record.kind, title=record.title,
                                                          published=record.published))
    candidates = Source.objects.filter(published=record.published)
    if url:
        candidates = candidates.filter(url="")
    for source in candidates:
        if interchange.dedupe_key(
            interchange.SourceRecord(kind=source.kind, title=source.title, published=source.published)
        ) == key:
            return source
    return None


def _merge_into(source: Source, record: interchange.SourceRecord, url: str) -> None:
    offered = {"authors": record.authors, "publisher": record.publisher, "published": record.published,
               "url": url, "accessed": record.accessed}
    blanks = [name for name, value in offered.items() if value and not getattr(source, name)]
    if not blanks:
        return
    for name in blanks:
        setattr(source, name, offered[name])
    source.save(update_fields=blanks)
    if "publisher" in blanks:
        for snippet in source.snippets.all():
            snippet_refresh_search(snippet=snippet)
