from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from config.uploads import validate_upload_size


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
