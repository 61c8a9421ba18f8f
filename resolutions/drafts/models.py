"""Drafting: a draft, its clauses and free notes, its immutable versions and its audit trail."""
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse

from resolutions import rule14a8
from resolutions.catalogue.models import Company, Topic
from resolutions.precedents.models import PartKind, Precedent


class Role(StrEnum):
    """What a user is to one draft (``Draft.role_of``)."""

    LEAD = "lead"  # a member of the lead filer's organization
    COFILER = "cofiler"  # a member of an invited organization (invitation not revoked)


class Need(StrEnum):
    """What a view needs to do with a draft (the gate's ``need``): which roles may."""

    READ = "read"  # lead and co-filers
    EDIT = "edit"  # the lead: edit, invite, finalize, file
    SIGN = "sign"  # co-filers: sign, decline, withdraw

    @property
    def roles(self) -> frozenset[Role]:
        return {Need.READ: frozenset(Role), Need.EDIT: frozenset({Role.LEAD}),
                Need.SIGN: frozenset({Role.COFILER})}[self]


class DraftQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Drafts of the user's organization, and drafts the user co-files. Curators get no extra reach."""
        if not user.is_authenticated or user.organization_id is None:
            return self.none()
        from resolutions.cofiling.models import Invitation  # co-filing builds on drafts, not the reverse

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

    def with_sign_on_status_of(self, user):
        """Each draft's ``my_sign_on_status``: the status of the sign-on of ``user``'s organization, or None."""
        from resolutions.cofiling.models import SignOn

        mine = SignOn.objects.filter(draft=OuterRef("pk"), organization_id=user.organization_id).values("status")[:1]
        return self.annotate(my_sign_on_status=Subquery(mine))


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

    def delete(self, *args, **kwargs):
        """A draft with an audit trail is kept, never deleted: the trail is append-only (the database's
        trigger would refuse the cascade too; this says why first)."""
        if self.pk is not None and self.audit_events.exists():
            raise ValidationError("A draft with an audit trail is kept, never deleted: its trail is append-only.")
        return super().delete(*args, **kwargs)

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

    @property
    def over_word_limit(self) -> bool:
        """Rule 14a-8(d)'s limit, as of the stored count (the side panel counts the text itself)."""
        return self.word_count > rule14a8.WORD_LIMIT

    def role_of(self, user) -> Role | None:
        """LEAD, COFILER, or None for anyone else (curators included)."""
        if self.is_led_by(user):
            return Role.LEAD
        return Role.COFILER if self.is_cofiled_by(user) else None

    def is_open_to(self, user, need: Need | str) -> bool:
        """Whether ``user`` may do what ``need`` says with this draft: the rules of ``visible_to`` and
        ``editable_by``, for this one draft."""
        return self.role_of(user) in Need(need).roles


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


class DraftVersionQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-number")

    def listed(self):
        """Newest first, as the version list shows them: who saved each, not their content (a whole draft each)."""
        return self.newest_first().select_related("created_by").defer("content")

    def newest(self) -> "DraftVersion | None":
        """The latest version (the highest number), or None."""
        return self.newest_first().first()

    def next_number(self) -> int:
        return (self.aggregate(highest=models.Max("number"))["highest"] or 0) + 1


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
    # The token of the form that made it (see drafts.forms.IdempotentForm): a second POST of one form
    # returns this row instead of making another.
    form_token = models.CharField(max_length=64, blank=True, editable=False)
    finalized_at = models.DateTimeField(
        null=True, blank=True, help_text="Picked as the text to file; its PDFs carry no DRAFT mark.")
    finalized_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = DraftVersionQuerySet.as_manager()

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


class AuditEvent(models.Model):
    """Append-only trail of what happened to a draft; rows are never updated or deleted by the app."""

    class Verb(models.TextChoices):
        INVITED = "invited", "Invited"
        OPENED = "opened", "Opened the invitation"
        JOINED = "joined", "Joined as co-filer"
        REVOKED = "revoked", "Revoked an invitation"
        REMOVED = "removed", "Removed a co-filer"
        COMMENTED = "commented", "Commented"
        COMMENT_RESOLVED = "comment_resolved", "Resolved a comment"
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
        REPRESENTATION = "representation", "Named the shareholder it files for"
        AUTHORIZED = "authorized", "A shareholder authorized its representative"
        MEETING_RECORDED = "meeting_recorded", "Recorded the meeting"
        DEFICIENCY_NOTICE = "deficiency_notice", "Recorded a deficiency notice"
        CURE_SENT = "cure_sent", "Recorded a response to a deficiency notice"
        ENGAGEMENT = "engagement", "Recorded an engagement meeting"
        EXCLUSION_NOTICE = "exclusion_notice", "Recorded the company's (j) notice"
        OPPOSITION = "opposition", "Recorded the statement in opposition"
        PROPOSAL_WITHDRAWN = "proposal_withdrawn", "Withdrew the proposal"
        VOTE_RECORDED = "vote_recorded", "Recorded the vote"
        PRECEDENT_ADDED = "precedent_added", "Added to the precedent library"

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
