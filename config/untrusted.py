"""Reading an uploaded file: in the sandbox, and within what a file may expand to, checked while reading.

    text = untrusted.read(pdf_text, data, subject="Reading this PDF", error=DocumentError)

``read`` runs ``function(*args, expansion=Expansion(...), **kwargs)`` in a sandbox worker
(``config.sandbox``) within the memory and time caps of the settings, so a bomb takes down a
disposable child, not the web or Celery process. The reader spends the ``Expansion`` as it
goes, and stops with ``Overexpanded`` and the reason as soon as a file passes a limit:

- a PDF's page count, from its page tree, before any page is read (``check_pages``);
- the bytes its streams inflate to (``bounded_inflate``, for pdfminer), or the text PDFium
  extracts (``Budget``): ``UPLOAD_MAX_EXPANDED_MB`` in all;
- a ZIP package's entries and their unpacked size, from its directory, before python-docx
  opens it (``check_zip``). Python's ``zipfile`` stops a member at its declared size, so the
  directory is a true bound.

``read`` turns both a limit and a sandbox stop into ``error(reason)``, the caller's own error
for the user. The limits come from the settings in the caller's process (the worker does not
see ``override_settings``) and reach the worker as arguments.
"""
from __future__ import annotations

import io
import math
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings

from config import sandbox

MB = 1024 * 1024
# A ZIP member past 1 MB unpacking to more than this many times its packed size is refused:
# XML compresses about ten to one, a bomb a thousand to one.
MAX_ZIP_RATIO = 200
_INFLATE_STEP = MB  # a stream is inflated a megabyte at a time, each spent before the next


class Overexpanded(ValueError):
    """A file expands past a limit; the message says which, for the user."""


@dataclass(frozen=True)
class Expansion:
    """What an uploaded file may expand to when read (see the settings of the same names)."""

    pages: int
    expanded_bytes: int
    zip_entries: int
    unzipped_bytes: int

    @classmethod
    def from_settings(cls) -> "Expansion":
        return cls(pages=settings.UPLOAD_MAX_PAGES, expanded_bytes=settings.UPLOAD_MAX_EXPANDED_MB * MB,
                   zip_entries=settings.UPLOAD_MAX_ZIP_ENTRIES, unzipped_bytes=settings.UPLOAD_MAX_UNZIPPED_MB * MB)

    def check_pages(self, count: int, what: str = "This PDF") -> None:
        if count > self.pages:
            raise Overexpanded(f"{what} has {count:,} pages; the limit is {self.pages:,} pages, so it was not read.")

    def budget(self, what: str = "This PDF") -> "Budget":
        return Budget(self.expanded_bytes, what)


class Budget:
    """Bytes a file may still expand to; ``spend`` refuses the first byte past the limit."""

    def __init__(self, limit: int, what: str):
        self.limit, self.left, self.what = limit, limit, what

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise Overexpanded(f"{self.what} expands to more than {_megabytes(self.limit)} when read; "
                               "that is the limit, so it was not read.")


def read(function, *args, subject: str, error: type[Exception], on_progress=None, **kwargs):
    """``function(*args, expansion=..., **kwargs)`` in the sandbox; a limit or a stop raises ``error(reason)``.
    What ``function`` reports with ``sandbox.progress`` goes to ``on_progress``."""
    expansion = Expansion.from_settings()
    seconds = settings.UPLOAD_READ_SECONDS
    limits = sandbox.Limits(memory_mb=settings.UPLOAD_READ_MEMORY_MB, cpu_seconds=seconds, wall_seconds=seconds,
                            output_mb=math.ceil(expansion.expanded_bytes / MB) + 1)
    try:
        return sandbox.run(function, *args, limits=limits, subject=subject, on_progress=on_progress,
                           expansion=expansion, **kwargs)
    except (Overexpanded, sandbox.SandboxError) as stopped:
        raise error(f"{stopped} Nothing was saved.") from stopped


def raise_if_stopped(error: BaseException) -> None:
    """Re-raise the ``Overexpanded`` or ``MemoryError`` inside a library's error (pdfplumber wraps what pdfminer
    raises), so a reader's catch-all for damaged files does not hide a limit."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, (Overexpanded, MemoryError)):
            raise error
        inner = next((arg for arg in getattr(error, "args", ()) if isinstance(arg, BaseException)), None)
        error = inner or error.__cause__ or error.__context__


def check_pdf_pages(data: bytes, expansion: Expansion) -> None:
    """Refuse a PDF of too many pages, counted by PDFium from its page tree; an unreadable file is left to the reader."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return
    try:
        count = len(document)
    finally:
        document.close()
    expansion.check_pages(count)


def check_zip(data: bytes, expansion: Expansion, what: str = "This Word file") -> None:
    """Refuse a ZIP package whose directory lists too many entries or too many unpacked bytes.

    Raises ``zipfile.BadZipFile`` (or ValueError, OSError) for what is not a ZIP file.
    """
    members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    unpacked = sum(member.file_size for member in members)
    if len(members) > expansion.zip_entries:
        raise Overexpanded(f"{what} holds {len(members):,} parts; the limit is {expansion.zip_entries:,}, "
                           "so it was not read.")
    if unpacked > expansion.unzipped_bytes:
        raise Overexpanded(f"{what} unpacks to {_megabytes(unpacked)}; the limit is "
                           f"{_megabytes(expansion.unzipped_bytes)}, so it was not read.")
    if any(member.file_size > MB and member.file_size > MAX_ZIP_RATIO * max(member.compress_size, 1)
           for member in members):
        raise Overexpanded(f"{what} holds a part packed more than {MAX_ZIP_RATIO} to 1 (a ZIP bomb, not a "
                           "document), so it was not read.")


@contextmanager
def bounded_inflate(budget: Budget):
    """pdfminer inflates each stream whole with ``zlib.decompress``; meanwhile it inflates within ``budget``.

    Only for the sandbox worker, which reads one file at a time: the patch is process-wide.
    """
    from pdfminer import pdftypes

    original = pdftypes.zlib
    pdftypes.zlib = _BoundedZlib(budget)
    try:
        yield
    finally:
        pdftypes.zlib = original


class _BoundedZlib:
    """The part of the ``zlib`` module pdfminer uses, never inflating past the budget."""

    error = zlib.error

    def __init__(self, budget: Budget):
        self.budget = budget

    def decompress(self, data: bytes) -> bytes:
        inflater, pieces = zlib.decompressobj(), []
        while data or not pieces:
            pieces.append(inflater.decompress(data, _INFLATE_STEP))
            self.budget.spend(len(pieces[-1]))
            if inflater.eof or not pieces[-1]:
                break
            data = inflater.unconsumed_tail
        pieces.append(inflater.flush())
        self.budget.spend(len(pieces[-1]))
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        return b"".join(pieces)

    def decompressobj(self):
        return _BoundedInflater(self.budget)


class _BoundedInflater:
    def __init__(self, budget: Budget):
        self.budget, self.inflater = budget, zlib.decompressobj()

    def decompress(self, data: bytes) -> bytes:
        out = self.inflater.decompress(data, max(self.budget.left, 0) + 1)
        self.budget.spend(len(out))
        return out


def _megabytes(size: int) -> str:
    return f"{size / MB:,.0f} MB" if size >= 10 * MB else f"{size / MB:,.1f} MB".replace(".0 MB", " MB")
