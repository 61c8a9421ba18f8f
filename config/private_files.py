"""Private files: stored under names nobody can guess, served only after the caller's access check.

Every file the app stores is private (packets, stored proposal PDFs and Word copies, uploaded
sources, uploaded precedent files; broker letters next). Nothing serves ``MEDIA_URL``, in any
settings module. A view applies its own access rule (``get_draft_for`` and the like), then
returns ``private_file_response``: the bytes streamed from storage, or, on S3, a redirect to a
signed URL that expires after ``PRIVATE_FILE_URL_SECONDS``.
"""
import hashlib
import hmac
import os
import secrets

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename


@deconstructible
class RandomName:
    """``upload_to`` for a private FileField: ``<folder>/<year>/<random>-<cleaned original name>``."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        return random_name(self.folder, filename)

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


def random_name(folder: str, filename: str) -> str:
    """A storage name with 128 random bits in it, keeping a readable, cleaned file name at its end."""
    base = get_valid_filename(os.path.basename(filename or "file"))[-80:] or "file"
    return f"{folder}/{timezone.now():%Y}/{secrets.token_urlsafe(16)}-{base}"


def keyed_name(name: str) -> str:
    """A stable name for a cached rendering that only the server can compute (HMAC with SECRET_KEY):
    the same document is found again, a stranger cannot derive it from draft and version numbers."""
    folder, _, leaf = name.rpartition("/")
    key = hmac.new(settings.SECRET_KEY.encode(), name.encode(), hashlib.sha256).hexdigest()[:32]
    return f"{folder}/{key}-{leaf}" if folder else f"{key}-{leaf}"


def private_file_response(file, *, filename: str, content_type: str | None = None, inline: bool = True):
    """Serve a stored file the caller has already checked the user may have.

    ``file`` is a FieldFile or a storage name. On storage that signs URLs (S3) the answer is a
    redirect to a URL valid for ``PRIVATE_FILE_URL_SECONDS``; otherwise the file is streamed.
    """
    name = getattr(file, "name", file)
    storage = getattr(file, "storage", default_storage)
    if _signs_urls(storage):
        disposition = "inline" if inline else "attachment"
        parameters = {"ResponseContentDisposition": f'{disposition}; filename="{filename}"'}
        if content_type:
            parameters["ResponseContentType"] = content_type
        return HttpResponseRedirect(storage.url(name, parameters=parameters, expire=settings.PRIVATE_FILE_URL_SECONDS))
    response = FileResponse(storage.open(name, "rb"), content_type=content_type, filename=filename,
                            as_attachment=not inline)
    response["Cache-Control"] = "private, no-store"
    return response


def _signs_urls(storage) -> bool:
    return getattr(storage, "querystring_auth", False) and hasattr(storage, "bucket_name")
