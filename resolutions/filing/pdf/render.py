"""HTML → PDF in a sandbox worker, through the static-only fetcher, within a time and memory limit.

A render of user text runs in a warm child process (``config.sandbox``) with
settings.PDF_RENDER_TIMEOUT_SECONDS of wall and processor time and settings.PDF_RENDER_MEMORY_MB
of memory. Past either the worker is killed, so a run-away render frees its CPU (a thread could
only be abandoned, and kept burning it) and the caller gets ``PDFRenderStopped``'s reason.
WeasyPrint's laid-out ``Document`` cannot cross a process boundary, so documents joined into one
PDF (a letter with the proposal, the packet) are laid out and joined in one call:
``combined_pdf``; ``page_counts`` lays documents out only to count their pages. A document is
``(html, images)``, ``images`` mapping names to (content type, bytes) served at
``StaticOnlyFetcher.image_url(name)``.

Each worker keeps one FontConfiguration for all its renders: a fresh one per document costs
about 8 ms of a 55 ms proposal (`make bench`). ``presentational_hints`` stays off for user HTML
(CVE-2026-49452).
"""
import math
from functools import cache

from django.conf import settings
from weasyprint import HTML, Document
from weasyprint.text.fonts import FontConfiguration

from config import sandbox

from .fetcher import BASE_URL, StaticOnlyFetcher

VARIANTS = {"ua-1": "pdf/ua-1", "a-3u": "pdf/a-3u"}
DEFAULT_VARIANT = "ua-1"
MAX_PDF_MB = 200  # a rendered PDF larger than this is not a proposal's, nor a packet's


class PDFRenderStopped(Exception):
    """A render was stopped at a limit; the message says why, for the user."""


class PDFRenderTimeout(PDFRenderStopped):
    def __init__(self, seconds):
        super().__init__(
            f"The PDF took longer than {seconds:g} seconds to render and was stopped. "
            "Try again in a minute; if it keeps happening, the document may be too long."
        )


def render_pdf(html: str, *, variant: str = DEFAULT_VARIANT) -> bytes:
    """A tagged PDF of ``html`` (``variant`` "ua-1" or "a-3u"), fonts embedded, rendered in the sandbox."""
    return _in_sandbox(write_pdf, html, VARIANTS[variant])


def page_counts(documents: list[tuple[str, dict]], *, variant: str = DEFAULT_VARIANT) -> list[int]:
    """How many pages each document lays out to (in one sandbox call)."""
    return _in_sandbox(count_pages, documents, VARIANTS[variant])


def combined_pdf(documents: list[tuple[str, dict]], *, variant: str = DEFAULT_VARIANT, metadata: dict) -> bytes:
    """One tagged PDF of the documents' pages, in order, laid out and joined in one sandbox call.

    Each keeps its page numbers ("Page 1 of 2"), bookmarks and tags; ``metadata`` sets the
    joined document's title, authors, description and keywords.
    """
    return _in_sandbox(write_combined, documents, VARIANTS[variant], metadata)


def _in_sandbox(function, *args):
    seconds = settings.PDF_RENDER_TIMEOUT_SECONDS
    limits = sandbox.Limits(memory_mb=settings.PDF_RENDER_MEMORY_MB, cpu_seconds=max(1, math.ceil(seconds)),
                            wall_seconds=seconds, output_mb=MAX_PDF_MB)
    try:
        return sandbox.run(function, *args, limits=limits, subject="Rendering this PDF")
    except sandbox.SandboxError as stopped:
        if stopped.limit in ("cpu", "wall"):
            raise PDFRenderTimeout(seconds) from None
        raise PDFRenderStopped(f"{stopped} Try a shorter document, or try again in a minute.") from None


# --- In the sandbox worker ---------------------------------------------------------------------


@cache
def _font_configuration() -> FontConfiguration:
    """The worker's font configuration, made on its first render."""
    return FontConfiguration()


def _layout(html: str, pdf_variant: str, images: dict | None = None) -> Document:
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher(images)).render(
        font_config=_font_configuration(), pdf_variant=pdf_variant, pdf_tags=True)


def write_pdf(html: str, pdf_variant: str) -> bytes:
    return _layout(html, pdf_variant).write_pdf(pdf_variant=pdf_variant, pdf_tags=True)


def count_pages(documents: list[tuple[str, dict]], pdf_variant: str) -> list[int]:
    return [len(_layout(html, pdf_variant, images).pages) for html, images in documents]


def write_combined(documents: list[tuple[str, dict]], pdf_variant: str, metadata: dict) -> bytes:
    laid_out = [_layout(html, pdf_variant, images) for html, images in documents]
    combined = laid_out[0].copy([page for document in laid_out for page in document.pages])
    for name, value in metadata.items():
        setattr(combined.metadata, name, value)
    return combined.write_pdf(pdf_variant=pdf_variant, pdf_tags=True)
