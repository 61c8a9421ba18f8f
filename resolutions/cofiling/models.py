"""Co-filing: invitations to co-file a draft, comments on it, and sign-ons to one exact version."""
from django.conf import settings
from django.db import models
from django.db.models import Q

from resolutions.drafts.models import Clause, Draft, DraftVersion
from resolutions.rule14a8 import PRICE_BASES


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
    # The token of the form that made it (see drafts.forms.IdempotentForm): a second POST of one form
    # returns this row instead of making another.
    form_token = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["draft", "form_token"], name="one_comment_per_form",
                                               condition=~Q(form_token=""))]

    def __str__(self):
        return self.text[:60]


class SignOnQuerySet(models.QuerySet):
    def signed(self):
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
    availability_time_zone = models.CharField(
        max_length=64, blank=True, help_text="The office time zone the times were given in (the company's, "
                                             "when signed); empty: the office's local time, zone not recorded.")
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

    @property
    def can_withdraw(self) -> bool:
        """Signed, or awaiting re-confirmation: there is a sign-on to take back."""
        return self.status in (SignOn.Status.SIGNED, SignOn.Status.NEEDS_RECONFIRMATION)

    def __str__(self):
        return f"{self.legal_name or self.organization} on {self.draft}"
