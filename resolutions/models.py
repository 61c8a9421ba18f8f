from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from config.private_files import RandomName
from config.uploads import validate_upload_size

from .checks import BUSINESS_HOURS_DEFAULT, PRICE_BASES, filing_deadline
from .review import interleave_calls

from .search import SearchableQuerySet, plain_terms, ranked_search, searchable_query


class CompanyQuerySet(models.QuerySet):
    def matching(self, text: str):
        """Companies whose name contains ``text`` or whose ticker is ``text`` (for list filters)."""
        text = text.strip()
        return self.filter(Q(name__icontains=text) | Q(ticker__iexact=text))


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
    principal_office_address = models.TextField(
        "principal executive office", blank=True,
        help_text="Where Rule 14a-8(e) proposals are received; the filing packet is addressed here.",
    )
    corporate_secretary = models.CharField("Corporate Secretary's name", max_length=200, blank=True)
    business_hours_opens = models.TimeField(
        null=True, blank=True, help_text="As disclosed in the proxy statement; 9:00 a.m. when not disclosed.")
    business_hours_closes = models.TimeField(
        null=True, blank=True, help_text="As disclosed in the proxy statement; 5:30 p.m. when not disclosed.")

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"

    def __str__(self):
        return f"{self.name} ({self.ticker})" if self.ticker else self.name

    def business_hours(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """Rule 14a-8(b)(1)(iii): the office's disclosed hours, else 9:00 a.m. to 5:30 p.m."""
        opens, closes = BUSINESS_HOURS_DEFAULT
        if self.business_hours_opens and self.business_hours_closes:
            opens = (self.business_hours_opens.hour, self.business_hours_opens.minute)
            closes = (self.business_hours_closes.hour, self.business_hours_closes.minute)
        return opens, closes

    @property
    def business_hours_text(self) -> str:
        (oh, om), (ch, cm) = self.business_hours()
        return f"{oh}:{om:02d} to {ch}:{cm:02d}"

    def filing_deadline(self):
        """Rule 14a-8(e): the stated deadline, else 120 days before the proxy anniversary (a Deadline)."""
        return filing_deadline(stated_deadline=self.stated_deadline, prior_proxy_date=self.prior_proxy_date)


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


class PrecedentQuerySet(SearchableQuerySet):
    def curated(self):
        return self.filter(curated=True)

    def search(self, query: str):
        """Ranked full-text search: PostgreSQL's stored vector, or a plain scan on SQLite.

        On PostgreSQL at most ``search.SEARCH_CANDIDATES`` matches (the most recently added)
        are ranked, and ``count()`` stops past that bound: see ``resolutions.search``.
        """
        query = searchable_query(query)
        if not query:
            return self
        if connection.vendor == "postgresql":
            return ranked_search(self, query, recent=("-pk",), tiebreak=("-meeting_year", "pk"))
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


class DraftQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Drafts of the user's organization, and drafts the user co-files. Curators get no extra reach."""
        if not user.is_authenticated or user.organization_id is None:
            return self.none()
        invited = Invitation.objects.filter(draft=OuterRef("pk"), organization_id=user.organization_id,
                                            revoked_at__isnull=True)
        return self.filter(Q(lead_organization_id=user.organization_id) | Exists(invited))

    def editable_by(self, user):
        """Only members of the lead organization edit; co-filers read, comment and sign."""
        if not user.is_authenticated or user.organization_id is None:
            return self.none()
        return self.filter(lead_organization_id=user.organization_id)

    def for_list(self):
        return self.select_related("company", "lead_organization").order_by("-updated_at")


def validate_one_line(value: str) -> None:
    """A title is one line: a line break in it broke the invitation email's subject (a 500)."""
    if value and value.splitlines() != [value]:
        raise ValidationError("A title is one line: remove the line break.", code="line_break")


class Draft(models.Model):
    """A proposal being written by a lead filer's organization."""

    class Status(models.TextChoices):
        DRAFTING = "drafting", "Drafting"
        CIRCULATING = "circulating", "Circulating to co-filers"
        FINAL = "final", "Final"
        FILED = "filed", "Filed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="drafts")
    meeting_year = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    topics = models.ManyToManyField(Topic, blank=True, related_name="drafts")
    lead_organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="lead_drafts"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFTING)
    resolved_first = models.BooleanField("RESOLVED before WHEREAS", default=False)
    supporting_heading = models.BooleanField("with a “Supporting Statement” heading", default=True)
    whereas_style = models.CharField(
        "printed recitals", max_length=8, default="each",
        choices=[("each", "“WHEREAS:” before each recital"), ("heading", "One “WHEREAS,” heading, then plain recitals")],
    )
    lead_filer_first = models.BooleanField(
        "lead filer first in the filer list", default=True,
        help_text="Otherwise the co-filers come first and the lead follows under “Lead Filer”.")
    calls_after_punctuation = models.BooleanField(
        "footnote calls after the punctuation they follow", default=False,
        help_text="“scarce.¹” rather than “scarce¹.”")
    based_on = models.ForeignKey(
        Precedent, null=True, blank=True, on_delete=models.SET_NULL, related_name="drafts"
    )
    citation_style = models.CharField(max_length=32, default="chicago-note")
    revision = models.PositiveIntegerField(
        default=0, help_text="Counts saves; a save based on an older revision is refused."
    )
    word_count = models.PositiveIntegerField(
        default=0, help_text="Rule 14a-8(d) total at the last save, for lists; the editor recounts live."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DraftQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self):
        return f"{self.title} — {self.company.name} {self.meeting_year}"

    def get_absolute_url(self):
        return reverse("drafts:editor", args=[self.pk])

    PRINT_STYLE_DEFAULTS = {"whereas_style": "each", "lead_filer_first": True, "calls_after_punctuation": False}

    def print_style(self) -> dict:
        """How the proposal prints, where it differs from the defaults (so a default text keeps its SHA-256)."""
        return {name: getattr(self, name) for name, default in self.PRINT_STYLE_DEFAULTS.items()
                if getattr(self, name) != default}

    @property
    def deadline(self):
        """The Rule 14a-8(e) filing deadline for this draft's company, or None when unknown."""
        return self.company.filing_deadline().date

    def clause_labels(self) -> dict[int, str]:
        """How a person names each clause: "WHEREAS 2" is the second recital (1-based, in reading order)."""
        counts, labels = {}, {}
        for clause in self.clauses.all():
            counts[clause.kind] = counts.get(clause.kind, 0) + 1
            labels[clause.pk] = f"{clause.get_kind_display()} {counts[clause.kind]}"
        return labels

    def is_led_by(self, user) -> bool:
        """The user belongs to the lead organization (the one draft ``editable_by`` them)."""
        return user.is_authenticated and user.organization_id is not None \
            and user.organization_id == self.lead_organization_id

    def is_cofiled_by(self, user) -> bool:
        """The user's organization holds an invitation to this draft that was not revoked."""
        return user.is_authenticated and user.organization_id is not None \
            and self.invitations.filter(organization_id=user.organization_id, revoked_at__isnull=True).exists()

    def is_open_to(self, user, need: str) -> bool:
        """``need`` "read" (lead organization and co-filers), "edit" (lead organization) or "sign"
        (co-filers): the rules of ``visible_to`` and ``editable_by``, for this one draft."""
        lead = self.is_led_by(user)
        if need == "edit":
            return lead
        if need == "sign":
            return not lead and self.is_cofiled_by(user)
        if need == "read":
            return lead or self.is_cofiled_by(user)
        raise ValueError(f"Unknown need {need!r}")


class Clause(models.Model):
    """A WHEREAS recital, the RESOLVED clause or a supporting paragraph.

    ``text`` is sanitized inline HTML; citations stand in it as ``[[snippet:ID]]`` or
    ``[[note:ID]]`` markers, so footnote numbers are computed, never stored.
    """

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="clauses")
    kind = models.CharField(max_length=16, choices=PartKind.choices)
    text = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.position}"


class DraftNote(models.Model):
    """A free-text footnote of a draft (not backed by an evidence snippet)."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField()

    def __str__(self):
        return self.text[:60]


class DraftVersion(models.Model):
    """An immutable snapshot: canonical JSON of the parts, resolved footnotes and layout."""

    class Reason(models.TextChoices):
        SAVED = "saved", "Saved by hand"
        CIRCULATED = "circulated", "Circulated"
        EXPORTED = "exported", "Exported"
        RESTORED = "restored", "Kept before restoring an older version"
        UPLOADED = "uploaded", "Uploaded from Word"

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    sha256 = models.CharField(max_length=64)
    reason = models.CharField(max_length=16, choices=Reason.choices, default=Reason.SAVED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The token of the form that made it (see forms_drafts.IdempotentForm): a second POST of one form
    # returns this row instead of making another.
    form_token = models.CharField(max_length=64, blank=True, editable=False)
    finalized_at = models.DateTimeField(
        null=True, blank=True, help_text="Picked as the text to file; its PDFs carry no DRAFT mark.")
    finalized_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="unique_version_number"),
            models.UniqueConstraint(fields=["draft", "form_token"], name="one_version_per_form",
                                    condition=~Q(form_token="")),
        ]

    def __str__(self):
        return f"Version {self.number} of {self.draft}"

    def get_absolute_url(self):
        return reverse("drafts:version_detail", args=[self.draft_id, self.number])

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]


class Invitation(models.Model):
    """A single-use, expiring link inviting an organization to co-file one draft.

    The link goes only to the invited mailbox (the lead filer never sees it); only the token's
    SHA-256 is stored. Accepting it proves control of that mailbox, nothing more (see README).
    """

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    organization_name = models.CharField(max_length=255)
    contact_name = models.CharField(max_length=200, blank=True)
    token_sha256 = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    opened_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="accepted_invitations"
    )
    organization = models.ForeignKey(
        "accounts.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="cofiler_invitations",
        help_text="The co-filing organization, once the invitation is accepted.",
    )
    last_sent_at = models.DateTimeField(null=True, blank=True)
    send_error = models.CharField(max_length=300, blank=True,
                                  help_text="Why the last email could not be sent (empty once sent).")
    last_seen_version = models.ForeignKey(
        "DraftVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The latest version this co-filer has reviewed; the next review shows a redline from it.",
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            # A double submit made two live invitations to one mailbox; an expired one is revoked
            # when the address is invited again (invitation_create).
            models.UniqueConstraint(fields=["draft", "email"], name="one_open_invitation_per_draft_and_email",
                                    condition=Q(revoked_at__isnull=True, accepted_at__isnull=True)),
        ]

    def __str__(self):
        return f"{self.organization_name} <{self.email}>"

    def state(self, now) -> str:
        if self.revoked_at:
            return "revoked"
        if self.accepted_at:
            return "accepted"
        if self.expires_at <= now:
            return "expired"
        return "opened" if self.opened_at else "invited"

    def is_for(self, user) -> bool:
        """The signed-in ``user`` is the invited address (the only one the link was sent to)."""
        return user.email.strip().lower() == self.email.strip().lower()

    def wrong_account_message(self, user) -> str:
        return (f"This invitation is for {self.email}, and you are signed in as {user.email}. "
                f"Sign out and open the link again, or ask the lead filer to invite {user.email}.")


class Comment(models.Model):
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="comments")
    clause = models.ForeignKey(Clause, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments")
    version = models.ForeignKey("DraftVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    # The token of the form that made it (see forms_drafts.IdempotentForm): a second POST of one form
    # returns this row instead of making another.
    form_token = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["draft", "form_token"], name="one_comment_per_form",
                                               condition=~Q(form_token=""))]

    def __str__(self):
        return self.text[:60]


class SignOnQuerySet(models.QuerySet):
    def current(self):
        """Sign-ons that count as filers on exports: signed, and not awaiting re-confirmation."""
        return self.filter(status=SignOn.Status.SIGNED)


class SignOn(models.Model):
    """A co-filer's signature on one exact version, with what Rule 14a-8(b) asks of a proponent."""

    class Status(models.TextChoices):
        SIGNED = "signed", "Signed"
        NEEDS_RECONFIRMATION = "needs_reconfirmation", "Needs re-confirmation"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Holder(models.TextChoices):
        RECORD = "record", "Registered (record) holder"
        BROKER = "broker", "Through a broker or bank (proof of ownership letter)"

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="sign_ons")
    version = models.ForeignKey(DraftVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="sign_ons")
    version_sha256 = models.CharField(max_length=64, blank=True)
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="sign_ons")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="sign_ons")
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.SIGNED)
    legal_name = models.CharField("organization legal name", max_length=255, blank=True)
    signatory_name = models.CharField(max_length=200, blank=True)
    signatory_title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    shares = models.PositiveBigIntegerField(null=True, blank=True)
    market_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    valuation_date = models.DateField(
        null=True, blank=True, help_text="SLB 14 C.1.a: a day within the 60 calendar days before submission.")
    price_per_share = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    price_basis = models.CharField(max_length=16, choices=list(PRICE_BASES.items()), blank=True)
    submission_date = models.DateField("planned submission date", null=True, blank=True)
    held_since = models.DateField(null=True, blank=True)
    holder_type = models.CharField(max_length=16, choices=Holder.choices, blank=True)
    intends_to_hold = models.BooleanField(default=False)
    availability = models.JSONField(default=list, blank=True, help_text="ISO datetimes offered for engagement.")
    authorizes_lead = models.BooleanField(default=False)
    signature = models.CharField("typed signature", max_length=200, blank=True)
    decline_reason = models.TextField(blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SignOnQuerySet.as_manager()

    class Meta:
        ordering = ["signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "organization"], name="one_sign_on_per_organization")
        ]

    def __str__(self):
        return f"{self.legal_name or self.organization} on {self.draft}"


class AuditEvent(models.Model):
    """Append-only trail of what happened to a draft; rows are never updated or deleted by the app."""

    class Verb(models.TextChoices):
        INVITED = "invited", "Invited"
        OPENED = "opened", "Opened the invitation"
        JOINED = "joined", "Joined as co-filer"
        REVOKED = "revoked", "Revoked an invitation"
        REMOVED = "removed", "Removed a co-filer"
        COMMENTED = "commented", "Commented"
        SIGNED = "signed", "Signed"
        RECONFIRMED = "reconfirmed", "Re-confirmed"
        NEEDS_RECONFIRMATION = "needs_reconfirmation", "Sign-ons need re-confirmation"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrew"
        VERSION_SAVED = "version_saved", "Version saved"
        EXPORTED = "exported", "Exported"
        FINALIZED = "finalized", "Finalized"
        REOPENED = "reopened", "Edited after finalizing: a new round"
        PROOF_ADDED = "proof_added", "Added a proof of ownership"
        PROOF_REMOVED = "proof_removed", "Removed a proof of ownership"
        SUBMITTED = "submitted", "Marked as submitted"

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    verb = models.CharField(max_length=24, choices=Verb.choices)
    detail = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_verb_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)


class PacketExportQuerySet(models.QuerySet):
    def building(self, *, now=None):
        """Packets waiting or being built, started less than ``STALE_AFTER`` ago (older ones died with their worker).

        The same rule as ``PacketExport.is_building``, for many packets."""
        since = (now or timezone.now()) - PacketExport.STALE_AFTER
        return self.filter(status__in=[PacketExport.Status.PENDING, PacketExport.Status.RUNNING], created_at__gte=since)


class PacketExport(models.Model):
    """A filing packet being built in the background; the page polls its progress."""

    STALE_AFTER = timedelta(minutes=15)

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to start"
        RUNNING = "running", "Building"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="packets")
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="packets")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent done.")
    step = models.CharField(max_length=200, blank=True)
    file = models.FileField(upload_to=RandomName("packets"), blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = PacketExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    @property
    def unfinished(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def is_building(self) -> bool:
        """Unfinished and started less than ``STALE_AFTER`` ago, as ``PacketExportQuerySet.building``."""
        return self.unfinished and self.created_at >= timezone.now() - self.STALE_AFTER

    @property
    def has_stalled(self) -> bool:
        """Unfinished long after it started: its worker died; a new build is allowed."""
        return self.unfinished and not self.is_building


from .filing.models import OwnershipProof, Submission  # noqa: E402,F401  (the filing record's models)
