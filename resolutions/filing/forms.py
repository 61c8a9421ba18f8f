from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from config.uploads import validate_upload_size

from accounts.models import Organization

from .models import Representation, Submission
from .services import AuthorizationInput, ProofInput, RepresentationInput, SubmissionInput

DATE = forms.DateInput(attrs={"type": "date"})


class OwnershipProofForm(forms.Form):
    organization = forms.TypedChoiceField(label="Filer", coerce=int)
    record_holder = forms.CharField(label="Record holder (broker, bank or clearing firm)", max_length=255)
    period_start = forms.DateField(label="Covers continuous ownership from", widget=DATE)
    period_end = forms.DateField(label="Through", widget=DATE,
                                 help_text="Up to and including the date of submission.")
    letter_date = forms.DateField(label="Date of the letter", widget=DATE)
    file = forms.FileField(label="The signed letter (PDF, PNG or JPEG)",
                           widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}))

    def __init__(self, *args, filers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(row.organization_id, row.name) for row in filers]

    def to_input(self) -> ProofInput:
        d = self.cleaned_data
        organization = Organization.objects.get(pk=d["organization"])  # one of the filers offered
        return ProofInput(organization=organization, record_holder=d["record_holder"], period_start=d["period_start"],
                          period_end=d["period_end"], letter_date=d["letter_date"])


class FinalizeForm(forms.Form):
    version = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)


class SubmissionForm(forms.Form):
    submitted_on = forms.DateField(label="Submitted on", widget=DATE, initial=timezone.localdate)
    method = forms.ChoiceField(label="How", choices=Submission.Method.choices, widget=forms.RadioSelect,
                               initial=Submission.Method.EMAIL)
    recipient = forms.CharField(label="To whom", max_length=300,
                                help_text="The Corporate Secretary's name, and the email address or postal address used.")
    proof = forms.FileField(
        label="Proof of receipt", widget=forms.ClearableFileInput(attrs={"accept": ".eml,.msg,.pdf,.png,.jpg,.jpeg"}),
        help_text="The company's reply acknowledging receipt (.eml or .msg as saved from your mail program, or "
                  "a PDF of it), or a courier's delivery receipt (PDF or image).")

    def to_input(self) -> SubmissionInput:
        d = self.cleaned_data
        return SubmissionInput(submitted_on=d["submitted_on"], method=d["method"], recipient=d["recipient"])


class WordUploadForm(forms.Form):
    """An edited Word copy of one of the draft's versions."""

    file = forms.FileField(label="Edited Word copy (.docx)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = (f"A .docx downloaded from this page and edited in Word, up to "
                                         f"{filesizeformat(settings.MAX_UPLOAD_BYTES)}.")
        self.fields["file"].widget.attrs["accept"] = ".docx"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload_size(upload)
        if not upload.name.lower().endswith(".docx"):
            raise forms.ValidationError(f"“{upload.name}” is not a Word .docx file; upload the .docx downloaded "
                                        "from this page after editing it.")
        return upload


class RepresentationForm(forms.Form):
    """Rule 14a-8(b)(1)(iv): the shareholder a filer submits for, and how the shareholder authorizes it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_representation_%s")  # the documents page also holds the letter form's "file"
        super().__init__(*args, **kwargs)

    shareholder_name = forms.CharField(label="The shareholder's legal name", max_length=255,
                                       help_text="The proponent: the investor or fund whose shares back the proposal.")
    shareholder_kind = forms.ChoiceField(label="The shareholder is", choices=Representation.Kind.choices,
                                         widget=forms.RadioSelect)
    basis = forms.ChoiceField(label="The shareholder's authorization", choices=Representation.Basis.choices,
                              widget=forms.RadioSelect, initial=Representation.Basis.SIGNED_HERE)
    signer_name = forms.CharField(label="Who signs for the shareholder", max_length=200, required=False,
                                  help_text="The shareholder, or a person who may sign for it (an officer or trustee).")
    signer_title = forms.CharField(label="Their title", max_length=200, required=False)
    signer_email = forms.EmailField(label="Their email (for the signing link)", required=False)
    file = forms.FileField(label="The signed authorization (PDF, PNG or JPEG)", required=False,
                           widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}))
    document_date = forms.DateField(label="Date on the signed authorization", required=False,
                                    widget=forms.DateInput(attrs={"type": "date"}))
    self_evident_role = forms.CharField(
        label="Why your authority is apparent and self-evident", max_length=300, required=False,
        help_text="Completes “[your organization] …”, e.g. “is the general partner of the fund” or “is an officer "
                  "of the foundation”. Only for an entity shareholder.")

    def to_input(self) -> RepresentationInput:
        d = self.cleaned_data
        return RepresentationInput(
            shareholder_name=d["shareholder_name"], shareholder_kind=d["shareholder_kind"], basis=d["basis"],
            self_evident_role=d["self_evident_role"], signer_name=d["signer_name"], signer_title=d["signer_title"],
            signer_email=d["signer_email"], document_date=d["document_date"])


class AuthorizationSignForm(forms.Form):
    """What the shareholder's signer gives on the signing page: who they are, the statement of support, the signature."""

    signer_name = forms.CharField(label="Your full name", max_length=200)
    signer_title = forms.CharField(label="Your title (for an entity: officer, trustee…)", max_length=200,
                                   required=False)
    support_statement = forms.CharField(label="The shareholder's statement supporting the proposal", max_length=2000,
                                        widget=forms.Textarea(attrs={"rows": 3}))
    authority = forms.BooleanField(label="I am the shareholder, or may sign for it.")
    signature = forms.CharField(label="Typed signature", max_length=200,
                                help_text="Type your full name: it signs and dates the authorization today.")

    def to_input(self) -> AuthorizationInput:
        d = self.cleaned_data
        return AuthorizationInput(signer_name=d["signer_name"], signer_title=d["signer_title"],
                                  support_statement=d["support_statement"], signature=d["signature"])
