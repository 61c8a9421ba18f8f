"""What an uploaded file really is, read from its first bytes (its name and browser type are only claims)."""
import re

from django.core.exceptions import ValidationError

from config.uploads import validate_upload_size

PDF, PNG, JPEG, EML, MSG = "application/pdf", "image/png", "image/jpeg", "message/rfc822", "application/vnd.ms-outlook"
EXTENSIONS = {PDF: {".pdf"}, PNG: {".png"}, JPEG: {".jpg", ".jpeg"}, EML: {".eml"}, MSG: {".msg"}}
NAMES = {PDF: "PDF", PNG: "PNG image", JPEG: "JPEG image", EML: "saved email (.eml)", MSG: "Outlook message (.msg)"}
_HEADER = re.compile(rb"^(?:From|To|Subject|Date|Message-ID|Received|Return-Path|MIME-Version):", re.I | re.M)


def sniff(head: bytes) -> str | None:
    """The content type the bytes prove, or None."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # an OLE compound file, as Outlook saves a .msg
        return MSG
    if len(_HEADER.findall(head)) >= 2 and b"\x00" not in head:
        return EML
    return None


def checked_upload(upload, *, accepted: tuple[str, ...], what: str) -> str:
    """The upload's content type, if it is within the size limit and one of ``accepted``; else a clear error."""
    validate_upload_size(upload)
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    kind = sniff(head)
    extension = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    allowed = ", ".join(NAMES[k] for k in accepted)
    if kind not in accepted or extension not in EXTENSIONS[kind]:
        raise ValidationError(f"“{upload.name}” is not a {allowed} file; {what} must be one of those. "
                              "Nothing was saved.")
    return kind
