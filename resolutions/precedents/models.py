"""Precedents: proposals filed before, in parts with their footnotes, calls and filers; whole proxy
statements being read for them."""
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from config.private_files import RandomName
from config.uploads import validate_upload_size
from resolutions.catalogue.models import Company, Topic
from resolutions.precedents.import_review import interleave_calls
from resolutions.search import SearchableQuerySet, plain_terms, ranked_search, searchable_query


class PartKind(models.TextChoices):
    RESOLVED = "resolved", "RESOLVED"
    WHEREAS = "whereas", "WHEREAS"
    SUPPORTING = "supporting", "Supporting statement"


class PrecedentQuerySet(SearchableQuerySet):
    def mark_curated(self) -> int:
        return self.update(curated=True)

    def curated(self):
        return self.filter(curated=True)

    def search(self, query: str, *, listing=None):
        """Ranked full-text search: PostgreSQL's stored vector, or a plain scan on SQLite.

        On PostgreSQL at most ``search.SEARCH_CANDIDATES`` matches (the most recently added)
        are ranked, and ``count()`` stops past that bound: see ``resolutions.search``.
        ``listing``: these rows' QuerySet before its filters, to rank the matches from.
        """
        query = searchable_query(query)
        if not query:
            return self
        if connection.vendor == "postgresql":
            return ranked_search(self, query, tiebreak=("-meeting_year", "pk"), listing=listing)
        matches = Q()
        for term in plain_terms(query):
            matches &= Q(search_document__icontains=term)
        return self.filter(matches).order_by("-meeting_year", "pk")


class BoardRecommendation(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    NONE = "none", "No recommendation"


class Precedent(models.Model):
    """A resolution filed in a past year, kept as structure so filers can reuse its wording."""

    class Outcome(models.TextChoices):
        FILED = "filed", "Filed"
        VOTED = "voted", "Voted"
        WITHDRAWN_AGREEMENT = "withdrawn_agreement", "Withdrawn after an agreement"
        WITHDRAWN = "withdrawn", "Withdrawn without agreement"
        OMITTED_NO_ACTION = "omitted_no_action", "Omitted after an SEC no-action letter"
        EXCLUDED_J_NOTICE = "excluded_j_notice", "Excluded by the company after a (j) notice"
        EXCLUDED_J_NONOBJECTION = (
            "excluded_j_nonobjection",
            "Excluded after a (j) notice with staff non-objection",
        )
        UNKNOWN = "unknown", "Unknown"

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="precedents")
    meeting_year = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    topics = models.ManyToManyField(Topic, blank=True, related_name="precedents")
    resolved_first = models.BooleanField(default=True)
    outcome = models.CharField(max_length=32, choices=Outcome.choices, default=Outcome.UNKNOWN)
    support_percent = models.DecimalField(
        "support (%)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    source_url = models.URLField(max_length=500, blank=True)
    source_file = models.FileField(upload_to=RandomName("precedents"), blank=True, validators=[validate_upload_size])
    source_text = models.TextField(blank=True, help_text="The text the import was made from.")
    source_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    import_warnings = models.JSONField(default=list, blank=True)
    curator_notes = models.TextField(blank=True)
    curated = models.BooleanField(default=False)
    # From a proxy statement: the company's preamble naming the proponent, and the board's
    # statement with its recommendation (the company's words, never part of the proposal).
    preamble = models.TextField(blank=True)
    board_statement = models.TextField(blank=True)
    board_recommendation = models.CharField(
        max_length=8, blank=True, choices=BoardRecommendation.choices
    )
    search_document = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PrecedentQuerySet.as_manager()

    class Meta:
        ordering = ["-meeting_year", "company__name", "title"]
        indexes = [models.Index(fields=["company", "meeting_year"])]

    def __str__(self):
        return f"{self.title} — {self.company.name} {self.meeting_year}"

    def search_excerpt_text(self) -> str:
        """The searched text without the lines the result card shows already (title, company, ticker),
        its lines joined by spaces, so an excerpt starts in the resolution's own words."""
        header = [piece for piece in (self.title, self.company.name, self.company.ticker) if piece]
        lines = self.search_document.split("\n")
        if lines[:len(header)] == header:
            lines = lines[len(header):]
        return " ".join(line.strip() for line in lines if line.strip())

    def get_absolute_url(self):
        return reverse("resolutions:precedent_detail", args=[self.pk])

    @property
    def prior_vote(self) -> tuple[int, Decimal | None]:
        """(meeting year, support), as the Rule 14a-8(i)(12) check counts a past vote (None: not voted)."""
        return self.meeting_year, self.support_percent

    @property
    def lead_filer(self):
        return next((f for f in self.filers.all() if f.lead), None)

    def parts_of(self, kind: str):
        return [p for p in self.parts.all() if p.kind == kind]


class PrecedentPart(models.Model):
    """One RESOLVED clause, WHEREAS recital or supporting paragraph; bullets as '- ' lines."""

    precedent = models.ForeignKey(Precedent, on_delete=models.CASCADE, related_name="parts")
    kind = models.CharField(max_length=16, choices=PartKind.choices)
    position = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.position}"

    def pieces(self) -> list[str | int]:
        """The text split at its footnote calls (prefetch ``calls``): segments and note numbers."""
        return interleave_calls(self.text, [(call.offset, call.number) for call in self.calls.all()])


class PrecedentFootnote(models.Model):
    precedent = models.ForeignKey(Precedent, on_delete=models.CASCADE, related_name="footnotes")
    number = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    urls = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["precedent", "number"], name="unique_footnote_number")
        ]

    def __str__(self):
        return f"[{self.number}] {self.text[:60]}"


class FootnoteCall(models.Model):
    """Where a footnote is called: the part and its position among that precedent's calls."""

    part = models.ForeignKey(PrecedentPart, on_delete=models.CASCADE, related_name="calls")
    number = models.PositiveIntegerField()
    offset = models.PositiveIntegerField(null=True, blank=True, help_text="Character offset in the part's text.")

    class Meta:
        ordering = ["part__position", "offset", "number"]


class PrecedentFiler(models.Model):
    precedent = models.ForeignKey(Precedent, on_delete=models.CASCADE, related_name="filers")
    name = models.CharField(max_length=200, blank=True)
    organization = models.CharField(max_length=255, blank=True)
    lead = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-lead", "position"]

    def __str__(self):
        return ", ".join(x for x in (self.name, self.organization) if x)


class ProxyImport(models.Model):
    """A whole proxy statement a curator uploaded, read in the background; its review lists every
    shareholder proposal found, to save as precedents."""

    STALE_AFTER = timedelta(minutes=15)

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to start"
        RUNNING = "running", "Reading"
        DONE = "done", "Read"
        FAILED = "failed", "Could not be read"

    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(upload_to=RandomName("proxies"), max_length=255)
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent done.")
    step = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    # ProxyStatement.as_dict(), each proposal with its precedent structure and source text
    statement = models.JSONField(default=dict, blank=True)
    # proposal index (as text) → the precedent it was saved as
    saved = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        return reverse("resolutions:proxy_import_review", args=[self.pk])

    @property
    def is_reading(self) -> bool:
        """Unfinished and started less than ``STALE_AFTER`` ago (an older one died with its worker)."""
        unfinished = self.status in (self.Status.PENDING, self.Status.RUNNING)
        return unfinished and self.created_at >= timezone.now() - self.STALE_AFTER

    @property
    def has_stalled(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING) and not self.is_reading

    @property
    def proposals(self) -> list[dict]:
        return self.statement.get("proposals", [])
