from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection, models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify


class Company(models.Model):
    """A company that receives proposals, with what 14a-8 deadlines and Texas thresholds need."""

    name = models.CharField(max_length=255, unique=True)
    ticker = models.CharField(max_length=12, blank=True)
    cik = models.CharField("SEC CIK", max_length=10, blank=True)
    state_of_incorporation = models.CharField(max_length=40, blank=True)
    principal_office_state = models.CharField(max_length=40, blank=True)
    exchange = models.CharField(max_length=40, blank=True)
    texas_opt_in = models.BooleanField(
        "opted in to Texas §21.373 thresholds", default=False,
        help_text="The company amended its governing documents under Texas BOC §21.373.",
    )
    prior_proxy_date = models.DateField("date of last year's proxy statement", null=True, blank=True)
    annual_meeting_date = models.DateField(null=True, blank=True)
    stated_deadline = models.DateField(
        "14a-8 deadline stated by the company", null=True, blank=True,
        help_text="The date printed in last year's proxy statement; it wins over the computed date.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"

    def __str__(self):
        return f"{self.name} ({self.ticker})" if self.ticker else self.name


class Topic(models.Model):
    """The shared taxonomy of subjects used by precedents, snippets and drafts."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=140, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:140]
        super().save(*args, **kwargs)


class PartKind(models.TextChoices):
    RESOLVED = "resolved", "RESOLVED"
    WHEREAS = "whereas", "WHEREAS"
    SUPPORTING = "supporting", "Supporting statement"


class PrecedentQuerySet(models.QuerySet):
    def curated(self):
        return self.filter(curated=True)

    def search(self, query: str):
        """Ranked full-text search: PostgreSQL's stored vector, or a plain scan on SQLite."""
        query = (query or "").strip()
        if not query:
            return self
        if connection.vendor == "postgresql":
            search_query = SearchQuery(query, search_type="websearch", config="english")
            return (
                self.filter(search_vector=search_query)
                .annotate(rank=SearchRank(F("search_vector"), search_query))
                .order_by("-rank", "-meeting_year", "pk")
            )
        matches = Q()
        for term in _plain_terms(query):
            matches &= Q(search_document__icontains=term)
        return self.filter(matches).order_by("-meeting_year", "pk")


def _plain_terms(query: str) -> list[str]:
    """Words and quoted phrases of a websearch-style query, minus its operators (SQLite path)."""
    import shlex

    try:
        parts = shlex.split(query)
    except ValueError:
        parts = query.split()
    return [p for p in parts if p.lower() != "or" and not p.startswith("-")] or [query]


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
    source_file = models.FileField(upload_to="precedents/%Y/", blank=True)
    source_text = models.TextField(blank=True, help_text="The text the import was made from.")
    source_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    import_warnings = models.JSONField(default=list, blank=True)
    curator_notes = models.TextField(blank=True)
    curated = models.BooleanField(default=False)
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

    def get_absolute_url(self):
        return reverse("resolutions:precedent_detail", args=[self.pk])

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

    class Meta:
        ordering = ["part__position", "number"]


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
