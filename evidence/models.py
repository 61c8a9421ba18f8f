import hashlib

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from config.private_files import RandomName
from config.uploads import validate_upload_size
from resolutions.models import Company, Topic
from resolutions.search import SearchableQuerySet, plain_terms, ranked_search, searchable_query

from .citations import CitationSource
from .freshness import is_stale


class Source(models.Model):
    """Where a fact comes from. One Source per normalized URL."""

    class Kind(models.TextChoices):
        REPORT = "report", "Report"
        NEWS = "news", "News article"
        WEBPAGE = "webpage", "Web page"
        SEC_FILING = "sec_filing", "SEC filing"
        LAW = "law", "Law or regulation"
        LETTER = "letter", "Letter"
        COMPANY_DOCUMENT = "company_document", "Company document"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.WEBPAGE)
    title = models.CharField(max_length=500)
    authors = models.JSONField(default=list, blank=True, help_text="Personal or organization names.")
    publisher = models.CharField(max_length=255, blank=True)
    published = models.DateField("publication date", null=True, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    archived_url = models.URLField(max_length=1000, blank=True)
    accessed = models.DateField("accessed date", null=True, blank=True)
    full_text = models.TextField(blank=True, help_text="The source's text, for capturing exact quotes.")
    text_file = models.FileField(upload_to=RandomName("sources"), blank=True, validators=[validate_upload_size])
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="one_source_per_url"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("evidence:source_detail", args=[self.pk])

    def as_citation_source(self) -> CitationSource:
        return CitationSource(
            kind=self.kind, title=self.title, authors=tuple(self.authors or ()), publisher=self.publisher,
            published=self.published, url=self.url, accessed=self.accessed, key=f"source-{self.pk}",
        )

    def can_edit(self, user) -> bool:
        """Sources are shared: the person who added one, or a curator, may change it."""
        return user.is_staff or (self.added_by_id is not None and self.added_by_id == user.pk)


class SnippetQuerySet(SearchableQuerySet):
    def search(self, query: str, *, listing=None):
        """Ranked full-text search (PostgreSQL: at most ``SEARCH_CANDIDATES`` recent matches
        are ranked, see ``resolutions.search``), or a plain scan on SQLite. ``listing``: these
        rows' QuerySet before its filters, to rank the matches from."""
        query = searchable_query(query)
        if not query:
            return self
        if connection.vendor == "postgresql":
            return ranked_search(self, query, tiebreak=("-pk",), listing=listing)
        matches = Q()
        for term in plain_terms(query):
            matches &= Q(search_document__icontains=term)
        return self.filter(matches).order_by("-pk")


def quote_sha256(quote: str) -> str:
    return hashlib.sha256(quote.encode("utf-8")).hexdigest()


class Snippet(models.Model):
    """A quotable fact, figure or quote, exactly as its source says it."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="snippets")
    quote = models.TextField()
    # The quote's SHA-256, for the one-snippet-per-passage rule (a long text cannot be a btree key).
    quote_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    pinpoint = models.CharField(max_length=200, blank=True, help_text="Page, section or paragraph.")
    paraphrase = models.TextField(blank=True, help_text="Optional wording for use in a draft.")
    topics = models.ManyToManyField(Topic, blank=True, related_name="snippets")
    companies = models.ManyToManyField(Company, blank=True, related_name="snippets")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="snippets"
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    search_document = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SnippetQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # Duplicates saved before the rule keep an empty hash (migration 0004), so citations of them stay.
            models.UniqueConstraint(fields=["source", "quote_sha256"], name="one_snippet_per_source_and_quote",
                                    condition=~Q(quote_sha256="")),
        ]

    def __str__(self):
        return self.quote[:80]

    def save(self, *args, **kwargs):
        self.quote_sha256 = quote_sha256(self.quote)
        if "update_fields" in kwargs and kwargs["update_fields"] is not None and "quote" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "quote_sha256"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("evidence:source_detail", args=[self.source_id]) + f"#snippet-{self.pk}"

    def stale_reason(self, *, today=None):
        """Why this snippet is too old to cite without a check, or None."""
        return is_stale(
            published=self.source.published, text=self.quote, today=today or timezone.localdate(),
            max_age_years=settings.EVIDENCE_STALE_AFTER_YEARS,
        )

    def can_edit(self, user) -> bool:
        return user.is_staff or (self.added_by_id is not None and self.added_by_id == user.pk)
