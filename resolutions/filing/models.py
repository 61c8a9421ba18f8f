"""Filing: the packet (and a long draft's PDFs) built in the background for a version, and the filing record: each filer's proof
of ownership letters, and the submission to the company.

Their files are private: they are served only through the draft's access-checked views.
"""
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from config.private_files import RandomName
from config.uploads import validate_upload_size
from resolutions.drafts.models import Draft, DraftVersion


class OwnershipProof(models.Model):
    """A record holder's letter verifying a filer's continuous ownership (Rule 14a-8(b)(2)(ii)).

    An introducing broker's client gives two: its broker's and the clearing firm's.
    """

    draft = models.ForeignKey("resolutions.Draft", on_delete=models.CASCADE, related_name="ownership_proofs")
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    record_holder = models.CharField("record holder (broker or bank)", max_length=255)
    period_start = models.DateField("covers ownership from")
    period_end = models.DateField("through")
    letter_date = models.DateField("date of the letter")
    file = models.FileField(upload_to=RandomName("private/proofs"), validators=[validate_upload_size])
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    sample = models.BooleanField(default=False, help_text="A generated example (demo data), not a real letter.")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return f"{self.record_holder} letter of {self.letter_date:%B %-d, %Y}"


class Representation(models.Model):
    """A filer that submits for a shareholder (Rule 14a-8(b)(1)(iv)): an NGO for an investor, an adviser for a fund.

    The filer organization is the representative and the shareholder the proponent, who signs and
    dates an authorization: in the app, by a person of the shareholder invited by email, or on paper,
    as a signed PDF the representative uploads. An entity whose agent's authority is apparent and
    self-evident needs none; the filer says so instead (``basis`` SELF_EVIDENT, with ``self_evident_role``).
    """

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", "An individual"
        ENTITY = "entity", "An entity (a fund, a foundation, a company)"

    class Basis(models.TextChoices):
        SIGNED_HERE = "signed_here", "The shareholder signs here: email a signer a link"
        UPLOADED = "uploaded", "Upload the authorization the shareholder signed (PDF)"
        SELF_EVIDENT = "self_evident", "None needed: an entity's agent whose authority is apparent and self-evident"

    draft = models.ForeignKey("resolutions.Draft", on_delete=models.CASCADE, related_name="representations")
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+",
                                     help_text="The filer: the shareholder's representative.")
    shareholder_name = models.CharField("shareholder's legal name", max_length=255)
    shareholder_name_key = models.CharField(max_length=255, editable=False, db_index=True,
                                            help_text="The name without case or punctuation: Rule 14a-8(c) "
                                                      "counts proposals per person.")
    shareholder_kind = models.CharField(max_length=16, choices=Kind.choices)
    basis = models.CharField("the shareholder's authorization", max_length=16, choices=Basis.choices)
    self_evident_role = models.CharField(max_length=300, blank=True)
    signer_name = models.CharField(max_length=200, blank=True)
    signer_title = models.CharField(max_length=200, blank=True)
    signer_email = models.EmailField(blank=True)
    token_sha256 = models.CharField(max_length=64, blank=True, db_index=True,
                                    help_text="SHA-256 of the signer's single-use link; empty once used.")
    expires_at = models.DateTimeField(null=True, blank=True)
    send_error = models.CharField(max_length=300, blank=True)
    proposal_title = models.CharField(max_length=300, blank=True,
                                      help_text="The proposal the authorization names, as signed or uploaded.")
    support_statement = models.TextField(blank=True)
    signed_text = models.JSONField(default=list, blank=True, help_text="The authorization's paragraphs as signed.")
    signature = models.CharField("typed signature", max_length=200, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    signed_ip = models.GenericIPAddressField(null=True, blank=True)
    signed_user_agent = models.CharField(max_length=500, blank=True)
    file = models.FileField(upload_to=RandomName("private/authorizations"), blank=True,
                            validators=[validate_upload_size])
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    document_date = models.DateField("date of the signed authorization", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["draft", "organization"],
                                               name="one_representation_per_filer")]

    def __str__(self):
        return f"{self.organization} for {self.shareholder_name}"

    def save(self, *args, **kwargs):
        from accounts.models import organization_name_key

        self.shareholder_name_key = organization_name_key(self.shareholder_name)
        super().save(*args, **kwargs)

    @property
    def authorized(self) -> bool:
        """The shareholder's authorization is in hand, or none is needed."""
        return {
            self.Basis.SIGNED_HERE: self.signed_at is not None,
            self.Basis.UPLOADED: bool(self.file),
            self.Basis.SELF_EVIDENT: bool(self.self_evident_role),
        }[self.basis]

    @property
    def dated(self):
        """The day the shareholder signed: in the app, or the date on the uploaded paper."""
        return timezone.localdate(self.signed_at) if self.signed_at else self.document_date


class Submission(models.Model):
    """The proposal as sent to the company: when, how, to whom, and the proof that it was received."""

    class Method(models.TextChoices):
        EMAIL = "email", "Email"
        COURIER = "courier", "Courier"
        MAIL = "mail", "Certified mail"
        HAND = "hand", "Hand delivery"

    draft = models.ForeignKey("resolutions.Draft", on_delete=models.CASCADE, related_name="submissions")
    version = models.ForeignKey("resolutions.DraftVersion", on_delete=models.PROTECT, related_name="submissions")
    packet = models.ForeignKey("resolutions.PacketExport", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    submitted_on = models.DateField("submitted on")
    method = models.CharField(max_length=16, choices=Method.choices)
    recipient = models.CharField("sent to", max_length=300,
                                 help_text="The Corporate Secretary's name and email or address.")
    proof = models.FileField("proof of receipt", upload_to=RandomName("private/receipts"), validators=[validate_upload_size])
    proof_name = models.CharField(max_length=255)
    proof_type = models.CharField(max_length=100)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self):
        return f"Submitted {self.submitted_on:%B %-d, %Y} by {self.get_method_display().lower()}"


class PacketExportQuerySet(models.QuerySet):
    def packets(self):
        return self.filter(kind=PacketExport.Kind.PACKET)

    def building(self, *, now=None):
        """Packets waiting or being built, started less than ``STALE_AFTER`` ago (older ones died with their worker).

        The same rule as ``PacketExport.is_building``, for many packets."""
        since = (now or timezone.now()) - PacketExport.STALE_AFTER
        return self.filter(status__in=[PacketExport.Status.PENDING, PacketExport.Status.RUNNING], created_at__gte=since)


class PacketExport(models.Model):
    """A PDF made in the background, its page polling the progress: the filing packet, or a long draft's
    proposal (``variant``) or one filer's letter (``organization``)."""

    STALE_AFTER = timedelta(minutes=15)

    class Kind(models.TextChoices):
        PACKET = "packet", "Filing packet"
        PROPOSAL = "proposal", "Proposal PDF"
        LETTER = "letter", "Submission letter"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to start"
        RUNNING = "running", "Building"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="packets")
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="packets")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PACKET)
    variant = models.CharField(max_length=8, blank=True, help_text="A proposal's PDF variant.")
    organization = models.ForeignKey("accounts.Organization", null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="+", help_text="A letter's filer.")
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
