"""Non-trivial reads of the evidence library."""
import re
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from resolutions.catalogue.selectors import names_by_owner
from resolutions.models import Company, Draft, Precedent, PrecedentFootnote

from .citations import format_footnote
from .freshness import age_label
from .models import Snippet, Source
from .weburls import normalize_url

_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"“”‘’)\]]+", re.IGNORECASE)


def citation_marker(pk: int) -> str:
    """How a draft's clause text cites a snippet."""
    return f"[[snippet:{pk}]]"


LISTING_DEFERS = ("search_vector", "search_document", "source__full_text")


def snippet_search(*, query="", topic=None, company=None, kind="", published_from=None, published_to=None):
    """The evidence list: filters, then ranked full-text search when there is a query.

    Without the columns no listing shows: the stored vector and search text, and the source's
    whole text (a document per row, read for quote capture only).
    """
    listing = Snippet.objects.select_related("source").defer(*LISTING_DEFERS)
    snippets = listing
    if topic:
        snippets = snippets.filter(topics=topic)
    if company:
        snippets = snippets.filter(pk__in=Snippet.companies.through.objects.filter(
            company__in=Company.objects.matching(company)).values("snippet_id"))
    if kind:
        snippets = snippets.filter(source__kind=kind)
    if published_from:
        snippets = snippets.filter(source__published__gte=published_from)
    if published_to:
        snippets = snippets.filter(source__published__lte=published_to)
    return snippets.search(query, listing=listing)


def source_snippets(source: Source):
    return source.snippets.select_related("added_by", "verified_by")


def annotate_snippets(snippets, *, user, today: date, footnotes: bool = False) -> list[Snippet]:
    """Attach what every listing shows: ``topic_names`` and ``company_names`` (``names_by_owner``),
    ``age``, ``stale`` (reason or None), ``editable`` and, on request, the Chicago ``footnote``."""
    rows = list(snippets)
    ids = [snippet.pk for snippet in rows]
    topics, companies = names_by_owner(Snippet.topics, ids), names_by_owner(Snippet.companies, ids)
    for snippet in rows:
        snippet.topic_names, snippet.company_names = topics.get(snippet.pk, ()), companies.get(snippet.pk, ())
        snippet.age = age_label(snippet.source.published, today)
        snippet.stale = snippet.stale_reason(today=today)
        snippet.editable = snippet.can_edit(user)
        if footnotes:
            snippet.footnote = format_footnote(snippet.source.as_citation_source(), pinpoint=snippet.pinpoint)
    return rows


def drafts_citing(snippet_ids, *, among=None):
    """Drafts (from ``among``, default all) whose clauses cite any of these snippets."""
    snippet_ids = list(snippet_ids)
    drafts = Draft.objects.all() if among is None else among
    if not snippet_ids:
        return drafts.none()
    cites = Q()
    for pk in snippet_ids:
        cites |= Q(clauses__text__contains=citation_marker(pk))
    return drafts.filter(cites).distinct()


def precedents_citing_url(url: str) -> list[Precedent]:
    """Precedents with a footnote that gives this (normalized) URL, in its URL list or its text."""
    if not url:
        return []
    bare = url.split("://", 1)[-1].rstrip("/")  # narrows in SQL; the exact check is below
    notes = PrecedentFootnote.objects.filter(Q(text__icontains=bare) | Q(urls__icontains=bare)).select_related(
        "precedent__company"
    )
    precedents = {}
    for note in notes:
        found = [*(u for u in note.urls if isinstance(u, str)), *_URL_IN_TEXT.findall(note.text)]
        if any(normalize_url(candidate.rstrip(".,;:")) == url for candidate in found):
            precedents[note.precedent_id] = note.precedent
    return sorted(precedents.values(), key=lambda p: (-p.meeting_year, p.company.name, p.title))


@dataclass(frozen=True)
class SourceCitations:
    drafts: list[Draft]
    precedents: list[Precedent]


def source_citations(source: Source, user) -> SourceCitations:
    """Where a source is used: the user's drafts citing its snippets (never
    drafts the user cannot see) and precedents whose footnotes give its URL."""
    snippet_ids = source.snippets.values_list("pk", flat=True)
    drafts = drafts_citing(snippet_ids, among=Draft.objects.visible_to(user)).select_related("company")
    return SourceCitations(drafts=list(drafts), precedents=precedents_citing_url(source.url))
