"""The shared catalogue: companies that receive proposals, and the topics everything is filed under."""
from django.db import models
from django.db.models import Q
from django.utils.text import slugify

from resolutions.rule14a8 import filing_deadline


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

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"

    def __str__(self):
        return f"{self.name} ({self.ticker})" if self.ticker else self.name

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
