from django import forms

from evidence.citations import STYLES

from resolutions.drafts.models import validate_one_line
from resolutions.models import Company, Draft, PartKind, Precedent, Topic
from resolutions.catalogue.models import YEAR_MAX, YEAR_MIN
from resolutions.precedents.forms import TopicPicker


class IdempotentForm(forms.Form):
    """A form whose second POST (a double click, a resent request) returns what the first made.

    The page renders a fresh random ``form_token`` (``{% form_token %}``); the service stores it
    on the row it creates, unique per draft, and hands back that row when the token comes again.
    """

    form_token = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)


class DraftCreateForm(forms.Form):
    title = forms.CharField(max_length=300, validators=[validate_one_line])
    company = forms.ModelChoiceField(Company.objects.all())
    meeting_year = forms.IntegerField(min_value=YEAR_MIN, max_value=YEAR_MAX)
    topics = forms.ModelMultipleChoiceField(
        Topic.objects.all(), required=False, widget=TopicPicker,
        help_text="What the proposal is about: the Rule 14a-8(i)(12) check looks for past votes on these topics.")
    # Chosen on the precedent's page ("Start a draft from this precedent"), not from a list of the
    # whole library here: a library holds thousands.
    precedent = forms.ModelChoiceField(Precedent.objects.all(), required=False, widget=forms.HiddenInput)


class DraftSettingsForm(forms.ModelForm):
    citation_style = forms.ChoiceField(choices=list(STYLES.items()))

    def clean_title(self):
        validate_one_line(self.cleaned_data["title"])
        return self.cleaned_data["title"]

    class Meta:
        model = Draft
        fields = ["title", "meeting_year", "topics", "resolved_first", "supporting_heading", "citation_style",
                  "whereas_style", "lead_filer_first", "calls_after_punctuation"]
        widgets = {"topics": TopicPicker}


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
