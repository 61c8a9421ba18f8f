"""Forms of the filing record: dates as HTML date inputs, every field labelled; the services check the dates."""
from django import forms

from resolutions import rule14a8
from resolutions.filing.forms import DATE
from resolutions.precedents.models import BoardRecommendation
from .models import EngagementMeeting, ExclusionNotice
from . import services

COUNT = {"min_value": 0, "max_value": 10**15}


class RecordForm(forms.Form):
    """The record page shows several forms at once: each one's field ids start with its own ``key``."""

    key = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"id_{self.key}_%s")
        super().__init__(*args, **kwargs)


class MeetingForm(RecordForm):
    key = "meeting"
    meeting_date = forms.DateField(label="Date of the meeting", widget=DATE, required=False,
                                   help_text="As the company announced it. Leave empty to use the estimate from last "
                                             "year's meeting.")
    presenter = forms.CharField(label="Who will present the proposal", max_length=200, required=False,
                                help_text="Rule 14a-8(h): a proponent, or a representative qualified under state law.")
    proxy_filed_on = forms.DateField(label="Definitive proxy statement filed on", widget=DATE, required=False,
                                     help_text="Until then the (j) and (m)(3) dates are estimates.")

    def to_input(self):
        return services.MeetingInput(**self.cleaned_data)


class DeficiencyNoticeForm(RecordForm):
    key = "notice"
    organization = forms.TypedChoiceField(label="Sent to (filer)", coerce=int)
    sent_on = forms.DateField(label="Date on the company's notice", widget=DATE)
    received_on = forms.DateField(label="Date we received it", widget=DATE,
                                  help_text="The response is due 14 calendar days after this (Rule 14a-8(f)(1)).")
    says = forms.CharField(label="What it says", max_length=5000, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="The defects the company names, e.g. the proof of ownership does not cover "
                                     "the full period.")

    def __init__(self, *args, filers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(row.organization_id, row.name) for row in filers]

    def to_input(self):
        d = self.cleaned_data
        return services.DeficiencyNoticeInput(organization_id=d["organization"], sent_on=d["sent_on"],
                                              received_on=d["received_on"], says=d["says"])


class CureForm(forms.Form):
    cure_sent_on = forms.DateField(label="Response sent on", widget=DATE)
    cure_says = forms.CharField(label="What we sent", max_length=5000, required=False,
                                widget=forms.Textarea(attrs={"rows": 2}))
    cure_proof = forms.FileField(label="Proof it was sent (optional)", required=False,
                                 widget=forms.ClearableFileInput(attrs={"accept": ".eml,.msg,.pdf,.png,.jpg,.jpeg"}),
                                 help_text="The company's acknowledgement, or a delivery receipt (.eml, .msg, PDF or image).")


class EngagementForm(RecordForm):
    key = "engagement"
    status = forms.ChoiceField(label="Status", choices=EngagementMeeting.Status.choices, widget=forms.RadioSelect,
                               initial=EngagementMeeting.Status.OFFERED)
    meets_on = forms.DateField(label="Meeting date", widget=DATE, required=False)
    with_whom = forms.CharField(label="With whom", max_length=300, required=False)
    notes = forms.CharField(label="Notes (private to the filers)", max_length=10000, required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def to_input(self):
        return services.EngagementInput(**self.cleaned_data)


class EngagementStatusForm(forms.Form):
    status = forms.ChoiceField(choices=EngagementMeeting.Status.choices)


class ExclusionNoticeForm(RecordForm):
    key = "exclusion"
    kind = forms.ChoiceField(label="Kind", choices=ExclusionNotice.Kind.choices, widget=forms.RadioSelect,
                             initial=ExclusionNotice.Kind.EXCLUSION_NOTICE)
    sent_on = forms.DateField(label="Date of the (j) notice", widget=DATE)
    grounds = forms.MultipleChoiceField(label="Grounds the company names", choices=rule14a8.GROUNDS,
                                        widget=forms.CheckboxSelectMultiple, required=False)
    grounds_said = forms.CharField(label="Its reasons, in brief", max_length=5000, required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}))
    response_sent_on = forms.DateField(label="Our response sent on", widget=DATE, required=False)
    response_says = forms.CharField(label="Our response, in brief", max_length=5000, required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}))
    staff_answer = forms.ChoiceField(label="The staff's answer", choices=ExclusionNotice.StaffAnswer.choices,
                                     required=False)
    staff_answered_on = forms.DateField(label="The staff answered on", widget=DATE, required=False)

    def to_input(self):
        return services.ExclusionNoticeInput(**self.cleaned_data)


class OppositionForm(RecordForm):
    key = "opposition"
    received_on = forms.DateField(label="Statement in opposition received on", widget=DATE)
    text = forms.CharField(label="The board's statement", max_length=50_000, widget=forms.Textarea(attrs={"rows": 4}))
    recommendation = forms.ChoiceField(label="The board recommends a vote", choices=BoardRecommendation.choices,
                                       initial=BoardRecommendation.AGAINST)
    reply_sent_on = forms.DateField(label="Our reply sent on", widget=DATE, required=False)
    reply = forms.CharField(label="Our reply", max_length=50_000, required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def to_input(self):
        return services.OppositionInput(**self.cleaned_data)


class WithdrawalForm(RecordForm):
    key = "withdrawal"
    withdrawn_on = forms.DateField(label="Withdrawn on", widget=DATE)
    agreement = forms.BooleanField(label="Withdrawn after an agreement with the company", required=False)
    commitments = forms.CharField(label="What the company committed to (private)", max_length=10000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))

    def to_input(self):
        return services.WithdrawalInput(**self.cleaned_data)


class VoteForm(RecordForm):
    key = "vote"
    meeting_on = forms.DateField(label="Meeting held on", widget=DATE)
    votes_for = forms.IntegerField(label="Votes for", **COUNT)
    votes_against = forms.IntegerField(label="Votes against", **COUNT)
    abstentions = forms.IntegerField(label="Abstentions", required=False, **COUNT)
    broker_non_votes = forms.IntegerField(label="Broker non-votes", required=False, **COUNT)
    shares_outstanding = forms.IntegerField(label="Shares outstanding", **COUNT,
                                            help_text="Entitled to vote on the record date.")

    def to_input(self):
        d = self.cleaned_data
        return services.VoteInput(**{**d, "abstentions": d["abstentions"] or 0,
                                     "broker_non_votes": d["broker_non_votes"] or 0})
