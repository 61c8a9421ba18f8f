import re
import unicodedata

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.crypto import salted_hmac


def organization_name_key(name: str) -> str:
    """The name compared case-, accent- and punctuation-insensitively: "Sisters of the Demo Valley, Inc."
    and "sisters of the demo valley inc" share one key."""
    folded = unicodedata.normalize("NFKD", name or "").casefold()
    return re.sub(r"[\W_]+", "", "".join(ch for ch in folded if not unicodedata.combining(ch)))


class OrganizationQuerySet(models.QuerySet):
    def named_like(self, name: str):
        """Organizations whose legal name matches ``name`` ignoring case and punctuation."""
        return self.filter(name_key=organization_name_key(name))


class Organization(models.Model):
    """A shareholder that files or co-files: a legal entity, or an individual investor."""

    class Kind(models.TextChoices):
        FAITH_BASED = "faith_based", "Faith-based investor"
        ASSET_MANAGER = "asset_manager", "Asset manager"
        PENSION_FUND = "pension_fund", "Pension fund"
        FOUNDATION = "foundation", "Foundation"
        INDIVIDUAL = "individual", "Individual"
        OTHER = "other", "Other"

    legal_name = models.CharField(max_length=255, unique=True)
    name_key = models.CharField(max_length=255, editable=False, db_index=True, default="",
                                help_text="The legal name without case or punctuation, to find look-alikes.")
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.OTHER)
    address = models.TextField(blank=True)
    website = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["legal_name"]

    def __str__(self):
        return self.legal_name

    def save(self, *args, **kwargs):
        self.name_key = organization_name_key(self.legal_name)
        if kwargs.get("update_fields") is not None and "legal_name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("accounts:members", args=[self.pk])


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Users sign in with an email address; one is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username):
        """Sign-in accepts the email in any letter case (addresses are stored lower-cased)."""
        return self.get(email__iexact=(username or "").strip())

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """Signs in with an email address. Curators are staff; filers belong to an organization."""

    username = None
    email = models.EmailField("email address", unique=True)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    job_title = models.CharField(max_length=120, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    session_epoch = models.PositiveIntegerField(
        default=0, editable=False, help_text="Raised to end every session of this user (on any session backend).")

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def _get_session_auth_hash(self, secret=None):
        """Django's hash of the password, plus the session epoch once it was raised: raising it signs
        the user out everywhere, whether sessions live in the database or in Redis."""
        if not self.session_epoch:
            return super()._get_session_auth_hash(secret=secret)
        return salted_hmac("accounts.User.session_auth_hash", f"{self.password}:{self.session_epoch}",
                           secret=secret, algorithm="sha256").hexdigest()

    def end_sessions(self) -> None:
        """Sign this user out of every browser: their stored session hash no longer matches."""
        type(self).objects.filter(pk=self.pk).update(session_epoch=models.F("session_epoch") + 1)
        self.refresh_from_db(fields=["session_epoch"])


class MembershipEvent(models.Model):
    """Append-only trail of who joined or left an organization, how, and on whose word."""

    class Verb(models.TextChoices):
        FOUNDED = "founded", "Created the organization's account"
        INVITED = "invited", "Invited a colleague"
        INVITATION_REVOKED = "invitation_revoked", "Withdrew a colleague's invitation"
        JOINED = "joined", "Joined on a member's invitation"
        REMOVED = "removed", "Removed a member"
        CURATOR_ADDED = "curator_added", "Added by a curator"
        CURATOR_REMOVED = "curator_removed", "Removed by a curator"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="membership_events")
    member_email = models.EmailField(help_text="The person who joined, left or was invited.")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    verb = models.CharField(max_length=24, choices=Verb.choices)
    detail = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_verb_display()}: {self.member_email}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Membership events are append-only.")
        super().save(*args, **kwargs)


class MemberInvitation(models.Model):
    """A member's single-use, expiring link asking a colleague to join their organization.

    The link goes only to the colleague's mailbox; only the token's SHA-256 is stored.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="member_invitations")
    email = models.EmailField()
    token_sha256 = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_sent_at = models.DateTimeField(null=True, blank=True)
    send_error = models.CharField(max_length=300, blank=True,
                                  help_text="Why the last email could not be sent (empty once sent).")
    revoked_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} to {self.organization}"

    def state(self, now) -> str:
        if self.revoked_at:
            return "revoked"
        if self.accepted_at:
            return "accepted"
        return "expired" if self.expires_at <= now else "invited"
