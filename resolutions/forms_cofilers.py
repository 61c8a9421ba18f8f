from datetime import timedelta

from django import forms
from django.utils import timezone

from .forms_drafts import IdempotentForm
from .models import SignOn
from .services.cofilers import SignOnData


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Contact's email")
    organization_name = forms.CharField(label="Organization", max_length=255)
    contact_name = forms.CharField(label="Contact person", max_length=200, required=False)


class CommentForm(IdempotentForm):
    text = forms.CharField(label="Comment", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    clause = forms.IntegerField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class SignOnForm(forms.Form):
    legal_name = forms.CharField(label="Organization legal name", max_length=255)
    signatory_name = forms.CharField(max_length=200)
    signatory_title = forms.CharField(max_length=200)
    email = forms.EmailField(label="Contact email")
    phone = forms.CharField(max_length=40)
    shares = forms.IntegerField(label="Number of shares", min_value=1)
    market_value = forms.DecimalField(label="Market value (USD)", min_value=0, max_digits=14, decimal_places=2)
    held_since = forms.DateField(label="Held continuously since", widget=forms.DateInput(attrs={"type": "date"}))
    holder_type = forms.ChoiceField(label="How the shares are held", choices=SignOn.Holder.choices,
                                    widget=forms.RadioSelect)
    submission_date = forms.DateField(label="Planned submission date", widget=forms.DateInput(attrs={"type": "date"}),
                                      help_text="The day the proposal will reach the company.")
    slot_1 = forms.DateTimeField(label="Available for engagement (1)",
                                 widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    slot_2 = forms.DateTimeField(label="Available for engagement (2)",
                                 widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    slot_3 = forms.DateTimeField(label="Available for engagement (3, optional)", required=False,
                                 widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                                 help_text="Rule 14a-8(b): business days 10 to 30 days after submission.")
    intends_to_hold = forms.BooleanField(label="We intend to hold the shares through the date of the annual meeting.")
    authorizes_lead = forms.BooleanField()
    signature = forms.CharField(label="Typed signature", max_length=200,
                                help_text="Type your full name; it signs your letter.")

    def __init__(self, *args, lead_organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authorizes_lead"].label = (
            f"We authorize {lead_organization} to act on our behalf as lead filer for this proposal, "
            "including to negotiate with the company and to withdraw the proposal."
        )

    def clean_submission_date(self):
        """A date the proposal can still reach the company: from a year ago to two years ahead."""
        day = self.cleaned_data["submission_date"]
        today = timezone.localdate()
        earliest, latest = today - timedelta(days=366), today + timedelta(days=2 * 366)
        if not earliest <= day <= latest:
            raise forms.ValidationError(
                f"Give the day the proposal will reach the company, between {earliest:%B %-d, %Y} "
                f"and {latest:%B %-d, %Y}.")
        return day

    def to_data(self) -> SignOnData:
        d = self.cleaned_data
        slots = [d[k] for k in ("slot_1", "slot_2", "slot_3") if d.get(k)]
        return SignOnData(
            legal_name=d["legal_name"], signatory_name=d["signatory_name"], signatory_title=d["signatory_title"],
            email=d["email"], phone=d["phone"], shares=d["shares"], market_value=d["market_value"],
            held_since=d["held_since"], holder_type=d["holder_type"], intends_to_hold=d["intends_to_hold"],
            availability=[timezone.localtime(s).replace(tzinfo=None) if timezone.is_aware(s) else s for s in slots],
            authorizes_lead=d["authorizes_lead"], signature=d["signature"], submission_date=d["submission_date"],
        )


class DeclineForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
