"""One size limit for every upload (settings.MAX_UPLOAD_BYTES), kept while the body streams in.

A view that takes larger files names its own limit's setting with ``@upload_limit("MAX_PROXY_BYTES")``;
the handler looks the view up from the request's path, since the body is read (by the CSRF check)
before the view runs.

``SizeCappedUploadHandler`` runs before Django's own handlers: once a file passes the limit
it stops handing its bytes on, so an oversized file fills neither memory nor a temporary
file, and the form receives an ``OversizedUpload`` that knows the size it reached.
``validate_upload_size`` (on every upload form and file model field, the admin's included)
then refuses it with both sizes. A front proxy's body limit should stop a huge body sooner.
"""
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.template.defaultfilters import filesizeformat
from django.urls import Resolver404, resolve


def upload_limit(setting_name: str):
    """Mark a view as taking uploads up to ``settings.<setting_name>`` bytes instead of MAX_UPLOAD_BYTES."""

    def mark(view):
        view.upload_limit_setting = setting_name
        return view

    return mark


def upload_limit_for(request) -> int:
    """The byte limit of the view ``request`` goes to."""
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        view = None
    return getattr(settings, getattr(view, "upload_limit_setting", "MAX_UPLOAD_BYTES"))


class OversizedUpload(UploadedFile):
    """A file that passed the limit: its name and the size received, none of its bytes."""

    def __init__(self, name, content_type, size, charset=None, content_type_extra=None):
        super().__init__(BytesIO(), name, content_type, size, charset, content_type_extra)


class SizeCappedUploadHandler(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.limit = upload_limit_for(self.request)

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            return None  # the handlers after this one get nothing more of this file
        return raw_data

    def file_complete(self, file_size):
        if self.received > self.limit:
            return OversizedUpload(self.file_name, self.content_type, self.received, self.charset,
                                   self.content_type_extra)
        return None  # the next handler makes the file


def validate_upload_size(upload, *, limit: int | None = None) -> None:
    limit = settings.MAX_UPLOAD_BYTES if limit is None else limit
    if upload.size > limit:
        raise ValidationError(
            f"“{upload.name}” is {filesizeformat(upload.size)}; the largest file accepted is {filesizeformat(limit)}."
        )
