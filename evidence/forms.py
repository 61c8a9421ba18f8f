from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from config.uploads import validate_upload_size
from resolutions.catalogue.forms import TopicField, TopicsField
from resolutions.models import Company

from . import capture
from .models import Snippet, Source

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EvidenceSearchForm(forms.Form):
    q = forms.CharField(label="Search", required=False,
                        widget=forms.SearchInput(attrs={"placeholder": 'e.g. Rekognition "police departments"'}))
    topic = TopicField(required=False, empty_label="Any topic")
    company = forms.CharField(label="Company", required=False, max_length=255, help_text="Name or ticker.")
    kind = forms.ChoiceField(label="Source kind", choices=[("", "Any kind"), *Source.Kind.choices], required=False)
    published_from = forms.DateField(label="Published from", required=False, widget=_DATE)
    published_to = forms.DateField(label="Published until", required=False, widget=_DATE)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("published_from"), cleaned.get("published_to")
        if start and end and start > end:
            raise forms.ValidationError("The “published from” date is after the “published until” date.")
        return cleaned


class SourceForm(forms.Form):
    """A source's catalogue data and, optionally, its text (pasted or uploaded)."""

    kind = forms.ChoiceField(choices=Source.Kind.choices, initial=Source.Kind.WEBPAGE)
    title = forms.CharField(max_length=500)
    authors = forms.CharField(
        label="Author(s)", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One per line: a person (Jane Doe) or an organization (Human Rights Watch).",
    )
    publisher = forms.CharField(max_length=255, required=False,
                                help_text="The organization, newspaper or site that published it.")
    published = forms.DateField(label="Publication date", required=False, widget=_DATE)
    url = forms.CharField(label="Web address (URL)", max_length=1000, required=False,
                          widget=forms.URLInput(attrs={"placeholder": "https://"}))
    archived_url = forms.CharField(label="Archived copy (URL)", max_length=1000, required=False,
                                   widget=forms.URLInput(attrs={"placeholder": "https://web.archive.org/…"}),
                                   help_text="A Wayback Machine or archive.today copy, in case the page changes.")
    accessed = forms.DateField(label="Accessed date", required=False, widget=_DATE)
    full_text = forms.CharField(
        label="Text of the source", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Optional. With the text stored, quotes are checked against it and pinpoints filled in.",
    )
    text_file = forms.FileField(
        label="…or upload the text", required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,.pdf"}),
        help_text=f"A .txt, .html or .pdf file up to {filesizeformat(settings.MAX_UPLOAD_BYTES)}; "
                  "it replaces the text above.",
    )

    @classmethod
    def for_source(cls, source: Source, *args, **kwargs):
        initial = {name: getattr(source, name) for name in cls.base_fields if name != "text_file"}
        initial["authors"] = "\n".join(source.authors or ())
        return cls(*args, initial=initial, **kwargs)

    def clean_authors(self):
        return [line.strip() for line in self.cleaned_data["authors"].splitlines() if line.strip()]

    def clean_text_file(self):
        upload = self.cleaned_data.get("text_file")
        if not upload:
            return None
        validate_upload_size(upload)
        try:
            self.cleaned_data["full_text"] = capture.extract_text(
                upload.name, upload.read(), max_bytes=settings.MAX_UPLOAD_BYTES
            )
        except capture.SourceTextError as error:
            raise forms.ValidationError(str(error)) from None
        return upload

    def source_fields(self) -> dict:
        """Keyword arguments for services.source_create / source_update."""
        return dict(self.cleaned_data)


class SnippetForm(forms.Form):
    """One snippet. Given the source's stored text, the quote is checked against it."""

    quote = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}),
                            error_messages={"required": "Paste the passage you want to quote."},
                            help_text="Exactly as the source has it.")
    pinpoint = forms.CharField(max_length=Snippet._meta.get_field("pinpoint").max_length, required=False,
                               help_text="Page, section or paragraph. Filled in from the stored text when left blank.")
    paraphrase = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                 help_text="Optional wording for use in a draft.")
    topics = TopicsField(required=False, widget=forms.CheckboxSelectMultiple)
    companies = forms.ModelMultipleChoiceField(Company.objects.all(), required=False,
                                               widget=forms.SelectMultiple(attrs={"size": 4}))

    def __init__(self, *args, source_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.source_text = source_text

    @classmethod
    def for_snippet(cls, snippet: Snippet, *args, **kwargs):
        initial = {"quote": snippet.quote, "pinpoint": snippet.pinpoint, "paraphrase": snippet.paraphrase,
                   "topics": list(snippet.topics.all()), "companies": list(snippet.companies.all())}
        return cls(*args, initial=initial, source_text=snippet.source.full_text, **kwargs)

    def clean_quote(self):
        quote = self.cleaned_data["quote"]
        if self.source_text.strip():
            try:
                capture.capture_snippet(self.source_text, quote)
            except capture.QuoteNotFound as error:
                raise forms.ValidationError(str(error)) from None
        return quote


class BaseSnippetFormSet(forms.BaseFormSet):
    def snippet_fields(self) -> list[dict]:
        """Keyword arguments for services.snippet_create, one dict per filled-in form."""
        return [form.cleaned_data for form in self.forms if form.cleaned_data.get("quote")]


MAX_SNIPPETS = 5
SnippetFormSet = forms.formset_factory(
    SnippetForm, formset=BaseSnippetFormSet, extra=0, min_num=1, max_num=MAX_SNIPPETS, absolute_max=MAX_SNIPPETS,
    validate_min=True, validate_max=True,
)


class CaptureForm(forms.Form):
    """A passage selected (or pasted) from the source's stored text; the service checks it."""

    quote = forms.CharField(label="Passage", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text="Select text above and it appears here, or paste a passage.")


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSL-JSON or BibTeX file",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.bib,.bibtex"}),
        help_text="Export from Zotero, Mendeley or EndNote as CSL-JSON (.json) or BibTeX (.bib).",
        error_messages={"required": "Choose a CSL-JSON or BibTeX file to import."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload_size(upload)
        self.cleaned_data["data"] = upload.read()
        return upload
