from django import forms
from django.urls import reverse

from evidence.citations import STYLES

from resolutions.drafts.models import validate_one_line
from resolutions.catalogue.forms import TopicsField
from resolutions.models import Company, Draft, PartKind, Precedent
from resolutions.catalogue.models import YEAR_MAX, YEAR_MIN
from resolutions.precedents.forms import TopicPicker


class IdempotentForm(forms.Form):
    """A form whose second POST (a double click, a resent request) returns what the first made.

    The page renders a fresh random ``form_token`` (``{% form_token %}``); the service stores it
    on the row it creates, unique per draft, and hands back that row when the token comes again.
    """

    form_token = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)


class CompanyTypeAhead(forms.TextInput):
    """A text box that suggests the library's companies as you type (a <datalist> htmx fills)."""

    template_name = "drafts/widgets/company_type_ahead.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        own = context["widget"]["attrs"]
        own.update({"list": f"{own['id']}-options", "autocomplete": "off", "hx-get": reverse("drafts:company_suggest"),
                    "hx-trigger": "input changed delay:200ms", "hx-target": f"#{own['id']}-options"})
        return context


class DraftCreateForm(forms.Form):
    title = forms.CharField(max_length=300, validators=[validate_one_line])
    company = forms.CharField(
        max_length=255, widget=CompanyTypeAhead,
        help_text="Type part of its name or its ticker and pick it from the list.")
    new_company_ticker = forms.CharField(
        label="Ticker of a company not in the library", max_length=12, required=False,
        help_text="Only if the company is missing: with its ticker, the name above is proposed to a curator "
                  "(held as unverified until confirmed).")
    new_company_cik = forms.CharField(label="SEC CIK (optional)", max_length=10, required=False)
    meeting_year = forms.IntegerField(min_value=YEAR_MIN, max_value=YEAR_MAX)
    topics = TopicsField(
        required=False, widget=TopicPicker,
        help_text="What the proposal is about: the Rule 14a-8(i)(12) check looks for past votes on these topics.")
    # Chosen on the precedent's page ("Start a draft from this precedent"), not from a list of the
    # whole library here: a library holds thousands.
    precedent = forms.ModelChoiceField(Precedent.objects.all(), required=False, widget=forms.HiddenInput)

    def clean_new_company_cik(self):
        cik = self.cleaned_data["new_company_cik"].strip()
        if cik and not cik.isdigit():
            raise forms.ValidationError("A CIK is digits only, up to 10 (e.g. 0000320193).")
        return cik

    def clean(self):
        data = super().clean()
        named = data.get("company", "")
        if isinstance(named, str) and named:
            company = Company.objects.named(named)
            if company is None and not data.get("new_company_ticker"):
                self.add_error("company", f"No company “{named}” in the library. Pick one from the list, or give "
                                          "its ticker below to propose it.")
            data["company"] = company
        return data


class DraftSettingsForm(forms.ModelForm):
    citation_style = forms.ChoiceField(choices=list(STYLES.items()))
    topics = TopicsField(required=False, widget=TopicPicker)

    def clean_title(self):
        validate_one_line(self.cleaned_data["title"])
        return self.cleaned_data["title"]

    class Meta:
        model = Draft
        fields = ["title", "meeting_year", "topics", "resolved_first", "supporting_heading", "citation_style",
                  "whereas_style", "lead_filer_first", "calls_after_punctuation"]


class ClauseForm(forms.Form):
    text = forms.CharField(required=False, widget=forms.Textarea)
    kind = forms.ChoiceField(choices=PartKind.choices, required=False)
    revision = forms.IntegerField(min_value=0)


class RevisionForm(forms.Form):
    revision = forms.IntegerField(min_value=0)


class NoteForm(forms.Form):
    text = forms.CharField(max_length=2000, error_messages={
        "required": "A footnote needs some text.",
        "max_length": "A footnote may hold at most 2,000 characters.",
    })
