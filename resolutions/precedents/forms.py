from pathlib import PurePath

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from config.uploads import validate_upload_size

from .importer import DocumentError, read_document
from .importer.proxy_reader import PROXY_EXTENSIONS
from resolutions.catalogue.models import YEAR_MAX, YEAR_MIN
from resolutions.catalogue.forms import TopicField, TopicsField
from resolutions.models import Company, Precedent


class TopicPicker(forms.CheckboxSelectMultiple):
    """Topics as a row of toggle tags (styled in app.css): each a checkbox, no Ctrl-click multi-select."""


class PrecedentSearchForm(forms.Form):
    q = forms.CharField(label="Search", required=False,
                        widget=forms.SearchInput(attrs={"placeholder": 'e.g. "due diligence" -climate'}))
    company = forms.CharField(label="Company", required=False, max_length=255,
                              help_text="Name or ticker.")
    year_from = forms.IntegerField(label="From year", required=False, min_value=YEAR_MIN, max_value=YEAR_MAX)
    year_to = forms.IntegerField(label="To year", required=False, min_value=YEAR_MIN, max_value=YEAR_MAX)
    topic = TopicField(required=False, empty_label="Any topic")
    outcome = forms.ChoiceField(choices=[("", "Any outcome"), *Precedent.Outcome.choices], required=False)
    organization = forms.CharField(label="Filer organization", required=False)


class ImportUploadForm(forms.Form):
    """Step one of an import: a file (.txt, .pdf, .docx) or pasted text."""

    file = forms.FileField(required=False, help_text="Plain text, PDF or Word (.docx) copied from a proxy statement.")
    text = forms.CharField(label="…or paste the text", required=False, widget=forms.Textarea(attrs={"rows": 8}))

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), (cleaned.get("text") or "").strip()
        if upload and text:
            raise forms.ValidationError("Give a file or pasted text, not both.")
        if not upload and not text:
            if "file" not in self.errors:
                raise forms.ValidationError("Choose a file to import, or paste the resolution's text.")
            return cleaned
        if upload:
            validate_upload_size(upload)
            try:
                cleaned["source_text"] = read_document(upload.name, upload.read(), max_bytes=settings.MAX_UPLOAD_BYTES)
            except DocumentError as error:
                raise forms.ValidationError(str(error)) from error
            cleaned["filename"] = upload.name
        else:
            cleaned["source_text"] = text
            cleaned["filename"] = "pasted text"
        return cleaned


class ImportReviewForm(forms.Form):
    """Step two: the parsed structure, editable, with the precedent's catalogue fields."""

    title = forms.CharField(max_length=300)
    company = forms.ModelChoiceField(Company.objects.all(), required=False,
                                     help_text="Or type a new company's name below.")
    new_company = forms.CharField(label="New company name", required=False, max_length=255)
    meeting_year = forms.IntegerField(min_value=YEAR_MIN, max_value=YEAR_MAX)
    topics = TopicsField(required=False, widget=TopicPicker)
    outcome = forms.ChoiceField(choices=Precedent.Outcome.choices, initial=Precedent.Outcome.UNKNOWN)
    support_percent = forms.DecimalField(label="Support (%)", required=False, min_value=0, max_value=100,
                                         decimal_places=2)
    source_url = forms.URLField(label="Source URL", required=False, assume_scheme="https")
    resolved_first = forms.BooleanField(label="RESOLVED comes before the WHEREAS recitals", required=False)
    resolved = forms.CharField(label="RESOLVED", widget=forms.Textarea(attrs={"rows": 4}), required=False,
                               help_text="One part per paragraph, separated by a blank line. [^3] marks a footnote call.")
    whereas = forms.CharField(label="WHEREAS recitals", widget=forms.Textarea(attrs={"rows": 12}), required=False,
                              help_text="Blank line between recitals; bullets start with “- ”.")
    supporting = forms.CharField(label="Supporting statement", widget=forms.Textarea(attrs={"rows": 6}), required=False)
    footnotes = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), required=False,
                                help_text="One per line: “1. text https://…”.")
    filers = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), required=False,
                             help_text="One per line: “Name | Organization”, with “| lead” after the lead filer.")
    curator_notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    curated = forms.BooleanField(label="Mark as curated", required=False)
    source_text = forms.CharField(widget=forms.HiddenInput)
    filename = forms.CharField(widget=forms.HiddenInput, required=False)
    replace = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, widget=forms.RadioSelect,
                                     label="This source was imported before")

    def __init__(self, *args, existing=None, **kwargs):
        super().__init__(*args, **kwargs)
        if existing is not None:
            self.fields["replace"].choices = [
                (existing.pk, f"Update the existing precedent “{existing.title}” ({existing.company.name}, {existing.meeting_year})"),
                (0, "Save as a new precedent anyway"),
            ]
            self.fields["replace"].required = True
            self.initial.setdefault("replace", existing.pk)
        else:
            del self.fields["replace"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("company") and not (cleaned.get("new_company") or "").strip():
            self.add_error("company", "Choose the company, or type a new company's name.")
        return cleaned


class ProxyUploadForm(forms.Form):
    """A whole proxy statement (DEF 14A) to read for its shareholder proposals."""

    file = forms.FileField(
        label="Proxy statement",
        help_text="The whole DEF 14A as a PDF or EDGAR .htm/.html file (or a .txt copy), "
                  "up to {limit}.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.fields["file"].help_text.format(
            limit=filesizeformat(settings.MAX_PROXY_BYTES))
        self.fields["file"].widget.attrs["accept"] = ",".join(PROXY_EXTENSIONS)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload_size(upload, limit=settings.MAX_PROXY_BYTES)
        extension = PurePath(upload.name).suffix.lower()
        if extension not in PROXY_EXTENSIONS:
            raise forms.ValidationError(
                f"“{upload.name}” is not a file a proxy statement is read from: "
                "upload a PDF, an EDGAR .htm/.html file or a .txt file.")
        if not upload.size:
            raise forms.ValidationError(f"“{upload.name}” is empty.")
        return upload


class ProxySaveForm(forms.Form):
    """The review of a whole proxy statement: the company and meeting year, and which proposals to save."""

    company = forms.CharField(max_length=255, help_text="As on the cover; an existing company is matched ignoring case.",
                              widget=forms.TextInput(attrs={"list": "company-names", "autocomplete": "off"}))
    meeting_year = forms.IntegerField(min_value=YEAR_MIN, max_value=YEAR_MAX)
    save = forms.CharField(widget=forms.HiddenInput,  # the value of the Save button pressed
                           error_messages={"required": "Choose a proposal to save, or save them all."})

    def __init__(self, *args, proposal_count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposal_count = proposal_count

    def clean_save(self):
        """"all", or one proposal's index: the list of indexes to save."""
        value = self.cleaned_data["save"]
        if value == "all":
            return list(range(self.proposal_count))
        if value.isdigit() and int(value) < self.proposal_count:
            return [int(value)]
        raise forms.ValidationError("Choose a proposal to save, or save them all.")
