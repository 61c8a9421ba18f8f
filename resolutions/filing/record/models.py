"""What happened after the proposal was submitted. The clocks are computed from these (``selectors.draft_clocks``);
a late company notice is stored like any other and flagged when shown, never refused."""
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac

from config.private_files import RandomName
from config.uploads import validate_upload_size
from resolutions.precedents.models import BoardRecommendation


class FilingRecord(models.Model):
    """The meeting and the definitive proxy statement, one per draft."""

    draft = models.OneToOneField("resolutions.Draft", on_delete=models.CASCADE, related_name="filing_record")
    meeting_date = models.DateField(
        "date of the meeting", null=True, blank=True,
        help_text="As the company announced it; until then it is estimated from last year's meeting.")
    presenter = models.CharField(
        "who will present the proposal", max_length=200, blank=True,
        help_text="Rule 14a-8(h): a proponent, or a representative qualified under state law to present it.")
    proxy_filed_on = models.DateField(
        "definitive proxy statement filed on", null=True, blank=True,
        help_text="Until it is filed, the (j) and (m)(3) dates are estimates from last year's proxy statement.")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Filing record of {self.draft}"


class DeficiencyNotice(models.Model):
    """A company's Rule 14a-8(f)(1) notice to one filer, and that filer's response (the cure)."""

    draft = models.ForeignKey("resolutions.Draft", on_delete=models.CASCADE, related_name="deficiency_notices")
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    sent_on = models.DateField("dated (sent by the company) on")
    received_on = models.DateField("received on")
    says = models.TextField("what it says", help_text="The defects the company names, in a sentence or two.")
    cure_sent_on = models.DateField("response sent on", null=True, blank=True)
    cure_says = models.TextField("what the response sent", blank=True)
    cure_proof = models.FileField(upload_to=RandomName("private/cures"), blank=True, validators=[validate_upload_size])
    cure_proof_name = models.CharField(max_length=255, blank=True)
    cure_proof_type = models.CharField(max_length=100, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_on", "pk"]

    def __str__(self):
        return f"Deficiency notice of {self.sent_on:%B %-d, %Y} to {self.organization}"


class EngagementMeeting(models.Model):
    """A meeting with the company: offered, held or declined. Its notes stay private to the filers."""

    class Status(models.TextChoices):
        OFFERED = "offered", "Offered"
        HELD = "held", "Held"
        DECLINED = "declined", "Declined"

    draft = models.ForeignKey("resolutions.Draft", on_delete=models.CASCADE, related_name="engagement_meetings")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OFFERED)
    meets_on = models.DateField("date", null=True, blank=True)
    with_whom = models.CharField("with whom", max_length=300, blank=True)
    notes = models.TextField(blank=True, help_text="Private to the filers; never copied into a precedent.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meets_on", "pk"]

    def __str__(self):
        when = f" on {self.meets_on:%B %-d, %Y}" if self.meets_on else ""
        return f"Engagement meeting {self.get_status_display().lower()}{when}"


class ExclusionNotice(models.Model):
    """The company's Rule 14a-8(j) notice: an exclusion notice or a no-action request, with the answers to it."""

    class Kind(models.TextChoices):
        EXCLUSION_NOTICE = "exclusion", "Exclusion notice (the company's reasons, sent to the SEC)"
        NO_ACTION_REQUEST = "no_action", "No-action request"

    class StaffAnswer(models.TextChoices):
        NONE = "", "None yet"
        NO_OBJECTION = "no_objection", "Will not object (no view on the merits)"
        CONCURS = "concurs", "Concurs: the company may exclude"
        DOES_NOT_CONCUR = "does_not_concur", "Does not concur"
        NO_VIEW = "no_view", "Declined to express a view"

    draft = models.OneToOneField("resolutions.Draft", on_delete=models.CASCADE, related_name="exclusion_notice")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.EXCLUSION_NOTICE)
    sent_on = models.DateField("dated (sent) on")
    grounds = models.JSONField(default=list, help_text="The Rule 14a-8(i) grounds the company names, e.g. [\"i-7\"].")
    grounds_said = models.TextField("its reasons, in brief", blank=True)
    response_sent_on = models.DateField("our response sent on", null=True, blank=True)
    response_says = models.TextField("our response, in brief", blank=True)
    staff_answer = models.CharField("the staff's answer", max_length=16, blank=True, choices=StaffAnswer.choices)
    staff_answered_on = models.DateField("answered on", null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.get_kind_display()} of {self.sent_on:%B %-d, %Y}"


class OppositionStatement(models.Model):
    """The company's statement in opposition (Rule 14a-8(m)) and the proponent's reply."""

    draft = models.OneToOneField("resolutions.Draft", on_delete=models.CASCADE, related_name="opposition_statement")
    received_on = models.DateField("received on")
    text = models.TextField("the board's statement")
    recommendation = models.CharField("the board recommends a vote", max_length=8, choices=BoardRecommendation.choices,
                                      default=BoardRecommendation.AGAINST)
    reply_sent_on = models.DateField("our reply sent on", null=True, blank=True)
    reply = models.TextField("our reply", blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Statement in opposition received {self.received_on:%B %-d, %Y}"


class Withdrawal(models.Model):
    """The proposal withdrawn, with or without an agreement. The terms stay private (never in a precedent)."""

    draft = models.OneToOneField("resolutions.Draft", on_delete=models.CASCADE, related_name="withdrawal")
    withdrawn_on = models.DateField("withdrawn on")
    agreement = models.BooleanField("withdrawn after an agreement with the company", default=False)
    commitments = models.TextField("what the company committed to", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        how = "after an agreement" if self.agreement else "without an agreement"
        return f"Withdrawn {self.withdrawn_on:%B %-d, %Y} {how}"


class VoteResult(models.Model):
    """The meeting's result. Support is for ÷ (for + against), as Rule 14a-8(i)(12) counts it."""

    draft = models.OneToOneField("resolutions.Draft", on_delete=models.CASCADE, related_name="vote_result")
    meeting_on = models.DateField("meeting held on")
    votes_for = models.PositiveBigIntegerField("for")
    votes_against = models.PositiveBigIntegerField("against")
    abstentions = models.PositiveBigIntegerField(default=0)
    broker_non_votes = models.PositiveBigIntegerField("broker non-votes", default=0)
    shares_outstanding = models.PositiveBigIntegerField("shares outstanding")
    precedent = models.ForeignKey("resolutions.Precedent", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", help_text="The precedent made from this vote, once added.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Vote of {self.meeting_on:%B %-d, %Y}"

    @property
    def support(self):
        from resolutions.rule14a8 import vote_support
        return vote_support(votes_for=self.votes_for, votes_against=self.votes_against)


class CalendarFeedQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def revoke(self) -> int:
        """End these feeds: their links answer 404 from now on."""
        return self.active().update(revoked_at=timezone.now())


class CalendarFeed(models.Model):
    """A user's iCalendar feed of every deadline. Its URL's secret is stored only as a SHA-256.

    The secret is an HMAC of a random nonce under SECRET_KEY, so the app can show the link again without storing
    it; the database alone does not give it away. Revoking ends it (404); a new feed has a new nonce.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    nonce = models.CharField(max_length=64, editable=False)
    secret_sha256 = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user"], condition=models.Q(revoked_at__isnull=True),
                                               name="one_active_calendar_feed_per_user")]

    def __str__(self):
        return f"Calendar feed of {self.user}"

    @staticmethod
    def hash(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @property
    def secret(self) -> str:
        return salted_hmac("whereas.calendar-feed", self.nonce, algorithm="sha256").hexdigest()

    def set_new_secret(self) -> None:
        self.nonce = secrets.token_hex(32)
        self.secret_sha256 = self.hash(self.secret)


class DeadlineReminder(models.Model):
    """One reminder sent: a deadline (draft, clock, due date), a user, and how many days before. Never sent twice."""

    draft = models.ForeignKey("resolutions.Draft", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    clock = models.CharField(max_length=64)
    due_on = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["draft", "user", "clock", "due_on", "days_before"],
                                               name="one_reminder_per_deadline_user_and_offset")]

    def __str__(self):
        return f"{self.clock} of draft {self.draft_id} ({self.due_on}), {self.days_before} days before, to {self.user}"
