"""Non-trivial reads of precedents: search, display, history, and the reading text redlines compare."""
from django.db.models import Prefetch

from resolutions.drafts.redline import Document, text_document
from resolutions.catalogue.selectors import names_by_owner
from resolutions.models import Company, FootnoteCall, Precedent, PrecedentPart
from resolutions.precedents.import_review import precedent_note_text
from resolutions.precedents.services import source_fingerprint


# What a list of precedents shows: not the long columns (the source text, the board's statement…),
# nor the company's deadlines and thresholds, which cost Django more to compile and build than to read.
LISTING_FIELDS = ("title", "company__name", "company__ticker", "meeting_year", "outcome", "support_percent",
                  "curated", "search_document")


def _listing():
    return Precedent.objects.select_related("company").only(*LISTING_FIELDS)


def precedents_recent(*, limit: int = 5):
    return _listing().order_by("-created_at")[:limit]


def precedent_search(*, query="", company=None, year_from=None, year_to=None, topic=None,
                     outcome="", organization=""):
    """The precedent list: filters, then ranked full-text search when there is a query."""
    listing = _listing()
    precedents = listing
    if company:
        precedents = precedents.filter(company__in=Company.objects.matching(company))
    if year_from:
        precedents = precedents.filter(meeting_year__gte=year_from)
    if year_to:
        precedents = precedents.filter(meeting_year__lte=year_to)
    if topic:
        precedents = precedents.filter(topics=topic)
    if outcome:
        precedents = precedents.filter(outcome=outcome)
    if organization:
        precedents = precedents.filter(filers__organization__icontains=organization).distinct()
    return precedents.search(query, listing=listing)


def with_topic_names(precedents) -> list[Precedent]:
    """The precedents with the ``topic_names`` their cards show (``names_by_owner``)."""
    rows = list(precedents)
    names = names_by_owner(Precedent.topics, [precedent.pk for precedent in rows])
    for precedent in rows:
        precedent.topic_names = names.get(precedent.pk, ())
    return rows


def precedent_for_display(pk: int) -> Precedent:
    parts = PrecedentPart.objects.prefetch_related(Prefetch("calls", queryset=FootnoteCall.objects.order_by("offset")))
    return (
        Precedent.objects.select_related("company")
        .prefetch_related(Prefetch("parts", queryset=parts), "footnotes", "filers", "topics")
        .get(pk=pk)
    )


def precedent_matching_source(*, fingerprint: str) -> Precedent | None:
    return Precedent.objects.select_related("company").filter(source_sha256=fingerprint).first()


def precedent_history(precedent: Precedent):
    """Other precedents at the same company sharing a topic, newest first."""
    topic_ids = [t.pk for t in precedent.topics.all()]
    if not topic_ids:
        return Precedent.objects.none()
    return (
        Precedent.objects.filter(company=precedent.company, topics__in=topic_ids)
        .exclude(pk=precedent.pk)
        .distinct()
        .order_by("-meeting_year")
    )


def precedent_document(precedent: Precedent) -> Document:
    """A precedent as plain reading text, in the same shape as a draft's, for redlines."""
    parts = precedent.parts.prefetch_related("calls").order_by("position")
    notes = {n.number: n for n in precedent.footnotes.all()}
    texts, numbers = [], []
    for part in parts:
        pieces = part.pieces()
        numbers += [p for p in pieces if isinstance(p, int) and p not in numbers]
        texts.append({"kind": part.kind, "text": "".join(f"[{p}]" if isinstance(p, int) else p for p in pieces)})
    return text_document(texts, [precedent_note_text(n, notes.get(n)) for n in numbers])


def proxy_import_proposals(proxy_import) -> list[dict]:
    """Each proposal read from a proxy statement, with ``index``, ``saved_as`` (the precedent this review
    saved it as) and ``previous`` (a precedent already made from the same text, which saving updates)."""
    proposals = proxy_import.proposals
    fingerprints = [source_fingerprint(p["source_text"]) for p in proposals]
    known = {p.source_sha256: p for p in
             Precedent.objects.select_related("company").filter(source_sha256__in=fingerprints)}
    saved = {int(index): pk for index, pk in proxy_import.saved.items()}
    return [
        {**proposal, "index": index, "previous": known.get(fingerprint),
         "saved_as": known.get(fingerprint) if saved.get(index) == getattr(known.get(fingerprint), "pk", None) else None}
        for index, (proposal, fingerprint) in enumerate(zip(proposals, fingerprints))
    ]


def company_named(name: str) -> Company | None:
    """The company of that name, ignoring case and spacing (how a proxy import matches its cover)."""
    return Company.objects.filter(name__iexact=" ".join(name.split())).first() if name.strip() else None
