"""The filing record: each filer's proof of ownership letters, and the submission to the company.

Their files are private: they are served only through the draft's access-checked views.
"""
from django.conf import settings
from django.db import models

from config.private_files import RandomName
from config.uploads import validate_upload_size


class OwnershipProof(models.Model):
    """A record holder's letter verifying a filer's continuous ownership (Rule 14a-8(b)(2)(ii)).

    An introducing broker's client gives two: its broker's and the clearing firm's.
    """

    draft = models.ForeignKey("resolutions.Draft", on_delete=models.CASCADE, related_name="ownership_proofs")
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    record_holder = models.CharField("record holder (broker or bank)", max_length=255)
    period_start = models.DateField("covers ownership from")
    period_end = models.DateField("through")
    letter_date = models.DateField("date of the letter")
    file = models.FileField(upload_to=RandomName("private/proofs"), validators=[validate_upload_size])
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    sample = models.BooleanField(default=False, help_text="A generated example (demo data), not a real letter.")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return f"{self.record_holder} letter of {self.letter_date:%B %-d, %Y}"


class Submission(models.Model):
    """The proposal as sent to the company: when, how, to whom, and the proof that it was received."""

    class Method(models.TextChoices):
        EMAIL = "email", "Email"
        COURIER = "courier", "Courier"
        MAIL = "mail", "Certified mail"
        HAND = "hand", "Hand delivery"

    draft = models.ForeignKey("resolutions.Draft", on_delete=models.CASCADE, related_name="submissions")
    version = models.ForeignKey("resolutions.DraftVersion", on_delete=models.PROTECT, related_name="submissions")
    packet = models.ForeignKey("resolutions.PacketExport", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    submitted_on = models.DateField("submitted on")
    method = models.CharField(max_length=16, choices=Method.choices)
    recipient = models.CharField("sent to", max_length=300,
                                 help_text="The Corporate Secretary's name and email or address.")
    proof = models.FileField("proof of receipt", upload_to=RandomName("private/receipts"), validators=[validate_upload_size])
    proof_name = models.CharField(max_length=255)
    proof_type = models.CharField(max_length=100)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self):
        return f"Submitted {self.submitted_on:%B %-d, %Y} by {self.get_method_display().lower()}"
