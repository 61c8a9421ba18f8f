"""The only way a PDF being rendered can load anything: the app's own static files.

WeasyPrint's default fetcher follows ``file://`` and network URLs, so HTML carrying
``<link rel="attachment" href="file:///etc/hostname">`` would embed that file and
``<img src="http://127.0.0.1:9/">`` would open a connection. This fetcher answers only URLs
under the render's base URL + STATIC_URL, from the static files, and refuses the rest.
"""
import mimetypes
import posixpath
from urllib.parse import unquote, urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

# A host that cannot resolve (RFC 2606): relative URLs in the HTML are joined to it.
BASE_URL = "https://whereas.invalid/"
IMAGES_URL = BASE_URL + "render-images/"
SERVED_TYPES = {".css", ".png", ".svg", ".ttf", ".otf", ".woff", ".woff2"}


class StaticOnlyFetcher(URLFetcher):
    """Serves static files; every other URL raises, so WeasyPrint skips the resource.

    ``images`` adds in-memory images the app made itself (an uploaded letter's pages), each
    at ``image_url(name)``; user HTML cannot reach anything else.
    """

    def __init__(self, images: dict[str, tuple[str, bytes]] | None = None):
        super().__init__()  # sets what WeasyPrint reads (fail_on_errors); its URL openers are never used
        self.requested: list[str] = []
        self.refused: list[str] = []
        self.images = images or {}

    def fetch(self, url, headers=None):
        self.requested.append(url)
        if url.startswith(IMAGES_URL) and url[len(IMAGES_URL):] in self.images:
            content_type, body = self.images[url[len(IMAGES_URL):]]
            return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})
        name, body = self._static_file(url)
        if body is None:
            self.refused.append(url)
            raise ValueError(f"Refused {url!r}: a PDF may only load the app's own static files.")
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    @staticmethod
    def image_url(name: str) -> str:
        return IMAGES_URL + name

    @staticmethod
    def _static_file(url: str) -> tuple[str, bytes | None]:
        """The static file's name and bytes, or None for anything that is not one."""
        prefix = urljoin(BASE_URL, settings.STATIC_URL)
        if not url.startswith(prefix):
            return "", None
        name = unquote(url[len(prefix):].split("?", 1)[0].split("#", 1)[0])
        if (not name or name.startswith("/") or "\\" in name or ".." in name.split("/")
                or posixpath.splitext(name)[1].lower() not in SERVED_TYPES):
            return name, None
        path = finders.find(name)
        if path:
            with open(path, "rb") as file:
                return name, file.read()
        if staticfiles_storage.exists(name):  # a hashed name from the manifest storage in production
            with staticfiles_storage.open(name) as file:
                return name, file.read()
        return name, None
