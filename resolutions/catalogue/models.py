"""The shared catalogue: companies that receive proposals, and the topics everything is filed under."""
from zoneinfo import available_timezones

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify

from resolutions.rule14a8 import BUSINESS_HOURS_DEFAULT, filing_deadline, texas_may_opt_in

# The annual-meeting years a form accepts (drafts, precedents, the precedent filters).
YEAR_MIN, YEAR_MAX = 1990, 2100


# What a reader calls the zones US principal executive offices are in; any other zone shows its IANA name.
ZONE_NAMES = {
    "America/New_York": "Eastern Time", "America/Chicago": "Central Time", "America/Denver": "Mountain Time",
    "America/Phoenix": "Mountain Standard Time", "America/Los_Angeles": "Pacific Time",
    "America/Anchorage": "Alaska Time", "Pacific/Honolulu": "Hawaii Time",
}


def validate_time_zone(value: str) -> None:
    if value and value not in available_timezones():
        raise ValidationError(f"“{value}” is not a time zone name; use one such as America/New_York or "
                              "America/Chicago.", code="time_zone")


def time_zone_label(name: str) -> str:
    """ "Central Time (America/Chicago)"; "" for no zone."""
    if not name:
        return ""
    return f"{ZONE_NAMES[name]} ({name})" if name in ZONE_NAMES else name


class CompanyQuerySet(models.QuerySet):
    def matching(self, text: str):
        """Companies whose name contains ``text`` or whose ticker is ``text`` (for list filters)."""
        text = text.strip()
        return self.filter(Q(name__icontains=text) | Q(ticker__iexact=text))

    def named(self, text: str):
        """The company ``text`` names exactly: as the type-ahead shows it ("Name (TICKER)"), its name or its ticker."""
        text = " ".join((text or "").split())
        if not text:
            return None
        for company in self.filter(Q(name__iexact=text) | Q(ticker__iexact=text) | Q(name__iexact=text.rsplit(" (", 1)[0])):
            if text.lower() in (str(company).lower(), company.name.lower(), company.ticker.lower()):
                return company
        return None

    def verify(self) -> int:
        """A curator confirms filer-proposed companies."""
        return self.update(verified=True)


class Company(models.Model):
    """A company that receives proposals, with what 14a-8 deadlines and Texas thresholds need."""

    name = models.CharField(max_length=255, unique=True)
    ticker = models.CharField(max_length=12, blank=True)
    cik = models.CharField("SEC CIK", max_length=10, blank=True)
    state_of_incorporation = models.CharField(max_length=40, blank=True)
    principal_office_state = models.CharField(max_length=40, blank=True, help_text="Texas §21.373 needs it.")
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
    verified = models.BooleanField(
        "verified by a curator", default=True,
        help_text="A company a filer proposed stays unverified until a curator checks its details.")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", editable=False)

    office_time_zone = models.CharField(
        "time zone of the principal executive office", max_length=64, blank=True, validators=[validate_time_zone],
        help_text="An IANA name such as America/New_York. Rule 14a-8(b)(1)(iii): engagement times are given "
                  "within the office's business hours, in its time zone.")

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

    @property
    def time_zone_text(self) -> str:
        """The office's time zone as the statements say it, or "office time" when the record has none."""
        return time_zone_label(self.office_time_zone) or "office time"

    def filing_deadline(self):
        """Rule 14a-8(e): the stated deadline, else 120 days before the proxy anniversary (a Deadline)."""
        return filing_deadline(stated_deadline=self.stated_deadline, prior_proxy_date=self.prior_proxy_date)

    def texas_eligibility(self) -> tuple[bool | None, str]:
        """Whether this company's record lets it opt in to Texas §21.373, and why not."""
        return texas_may_opt_in(state_of_incorporation=self.state_of_incorporation,
                                principal_office_state=self.principal_office_state, exchange=self.exchange)

    def clean(self):
        super().clean()
        eligible, why_not = self.texas_eligibility()
        if self.texas_opt_in and eligible is False:
            raise ValidationError({"texas_opt_in": f"Only a Texas corporation with its principal office in Texas or "
                                                   f"a listing on a Texas exchange can opt in; this company: {why_not}."})


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
