"""HTML → PDF in this process, through the static-only fetcher, within a time limit.

The render runs in a worker thread and the caller waits at most
settings.PDF_RENDER_TIMEOUT_SECONDS: no ``signal.alarm``, so it works in any web or Celery
thread. A thread cannot be killed, so a render that overruns is abandoned and finishes in
the background; one worker per process keeps such a run-away from piling up with others
(and WeasyPrint's font caches out of concurrent use). That one thread keeps one
FontConfiguration for every render: a fresh one per document costs about 8 ms of a 55 ms
proposal (`make bench`). ``presentational_hints`` stays off for user HTML (CVE-2026-49452).
"""
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from functools import cache

from django.conf import settings
from weasyprint import HTML, Document
from weasyprint.text.fonts import FontConfiguration

from .fetcher import BASE_URL, StaticOnlyFetcher

VARIANTS = {"ua-1": "pdf/ua-1", "a-3u": "pdf/a-3u"}
DEFAULT_VARIANT = "ua-1"

_renderer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf-render")


class PDFRenderTimeout(Exception):
    def __init__(self, seconds):
        super().__init__(
            f"The PDF took longer than {seconds} seconds to render and was abandoned. "
            "Try again in a minute; if it keeps happening, the document may be too long."
        )


def render_pdf(html: str, *, variant: str = DEFAULT_VARIANT) -> bytes:
    """A tagged PDF of ``html`` (``variant`` "ua-1" or "a-3u"), fonts embedded."""
    return _in_render_thread(_write_pdf, html, VARIANTS[variant])


def render_document(html: str, *, variant: str = DEFAULT_VARIANT, images: dict | None = None) -> Document:
    """The laid-out pages of ``html``, to be joined with others by ``combine_pdf``.

    ``images`` maps names to (content type, bytes) served at ``StaticOnlyFetcher.image_url(name)``.
    """
    return _in_render_thread(_layout, html, VARIANTS[variant], images)


def combine_pdf(documents: list[Document], *, variant: str = DEFAULT_VARIANT, metadata: dict) -> bytes:
    """One tagged PDF of the documents' pages, in order (WeasyPrint's own way to join documents).

    Each keeps its page numbers ("Page 1 of 2"), bookmarks and tags; ``metadata`` sets the
    joined document's title, authors, description and keywords.
    """
    return _in_render_thread(_write_combined, documents, VARIANTS[variant], metadata)


def _in_render_thread(function, *args):
    timeout = settings.PDF_RENDER_TIMEOUT_SECONDS
    future = _renderer.submit(function, *args)
    try:
        return future.result(timeout=timeout)
    except FutureTimeout:
        future.cancel()
        raise PDFRenderTimeout(timeout) from None


@cache
def _font_configuration() -> FontConfiguration:
    """The render thread's font configuration, made there on its first render."""
    return FontConfiguration()


def _layout(html: str, pdf_variant: str, images: dict | None = None) -> Document:
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher(images)).render(
        font_config=_font_configuration(), pdf_variant=pdf_variant, pdf_tags=True)


def _write_pdf(html: str, pdf_variant: str) -> bytes:
    return _layout(html, pdf_variant).write_pdf(pdf_variant=pdf_variant, pdf_tags=True)


def _write_combined(documents: list[Document], pdf_variant: str, metadata: dict) -> bytes:
    combined = documents[0].copy([page for document in documents for page in document.pages])
    for name, value in metadata.items():
        setattr(combined.metadata, name, value)
    return combined.write_pdf(pdf_variant=pdf_variant, pdf_tags=True)
