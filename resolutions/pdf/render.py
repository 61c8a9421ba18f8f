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
from weasyprint import HTML
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
    timeout = settings.PDF_RENDER_TIMEOUT_SECONDS
    future = _renderer.submit(_write_pdf, html, VARIANTS[variant])
    try:
        return future.result(timeout=timeout)
    except FutureTimeout:
        future.cancel()
        raise PDFRenderTimeout(timeout) from None


@cache
def _font_configuration() -> FontConfiguration:
    """The render thread's font configuration, made there on its first render."""
    return FontConfiguration()


def _write_pdf(html: str, pdf_variant: str) -> bytes:
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher())
    return document.write_pdf(pdf_variant=pdf_variant, pdf_tags=True, font_config=_font_configuration())
