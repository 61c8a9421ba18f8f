from datetime import timedelta
from decimal import Decimal

from django import forms
from django.utils import timezone

from resolutions.cofiling.services import SignOnData
from resolutions.drafts.forms import IdempotentForm
from resolutions.models import SignOn
from resolutions.rule14a8 import PRICE_BASES, PRICE_BID_ASK


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
    price_basis = forms.ChoiceField(
        label="Price used to value the shares (SLB 14, C.1.a)", choices=list(PRICE_BASES.items()),
        initial=PRICE_BID_ASK, widget=forms.RadioSelect,
        help_text="The staff looks at whether, on any day within the 60 calendar days before submission, the "
                  "shares were worth the threshold, using the average of the bid and ask prices; where those are "
                  "not available, the highest selling price during those 60 days.")
    valuation_date = forms.DateField(label="Valuation day", widget=forms.DateInput(attrs={"type": "date"}),
                                     help_text="A day within the 60 calendar days before submission.")
    price_per_share = forms.DecimalField(label="Price per share (USD)", min_value=0, max_digits=12,
                                         decimal_places=4)
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

    def __init__(self, *args, lead_organization=None, for_lead=False, company=None, **kwargs):
        super().__init__(*args, **kwargs)
        if company is not None:
            self.fields["slot_3"].help_text = (
                f"Rule 14a-8(b)(1)(iii): business days 10 to 30 days after submission, within the company's "
                f"business hours ({company.business_hours_text}, {company.time_zone_text}).")
        if for_lead:
            del self.fields["authorizes_lead"]
            self.fields["signature"].help_text = "Type your full name; it signs your organization's letter."
            return
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
            email=d["email"], phone=d["phone"], shares=d["shares"],
            market_value=(d["shares"] * d["price_per_share"]).quantize(Decimal("0.01")),
            held_since=d["held_since"], holder_type=d["holder_type"], intends_to_hold=d["intends_to_hold"],
            availability=[timezone.localtime(s).replace(tzinfo=None) if timezone.is_aware(s) else s for s in slots],
            authorizes_lead=d.get("authorizes_lead", False), signature=d["signature"],
            submission_date=d["submission_date"], valuation_date=d["valuation_date"],
            price_per_share=d["price_per_share"], price_basis=d["price_basis"],
        )

    @classmethod
    def initial_from(cls, sign_on: SignOn | None, user) -> dict:
        """The form's starting values: the filer's last statements on this draft, else the user's profile."""
        initial = {"legal_name": str(user.organization), "signatory_name": user.get_full_name(),
                   "signatory_title": user.job_title, "email": user.email, "phone": user.phone,
                   "submission_date": timezone.localdate()}
        if sign_on is None or sign_on.signed_at is None:
            return initial
        fields = ["legal_name", "signatory_name", "signatory_title", "email", "phone", "shares", "held_since",
                  "holder_type", "price_basis", "valuation_date", "price_per_share", "submission_date"]
        initial.update({name: getattr(sign_on, name) for name in fields if getattr(sign_on, name) not in (None, "")})
        for n, slot in enumerate(sign_on.availability[:3], start=1):
            initial[f"slot_{n}"] = slot
        return initial


class DeclineForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
