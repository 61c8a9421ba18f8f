"""Read a whole proxy statement file (PDF, EDGAR .htm/.html, text) into its shareholder proposals.

``read_proxy`` is the entry point: it checks the name and size here, then reads and splits the
file in a sandbox worker within the upload limits (``config.untrusted``); ``read_proxy_in_sandbox``
is what the worker runs.
"""

from __future__ import annotations

from pathlib import PurePath

from config import sandbox, untrusted

from .errors import DocumentError
from .layout import pdf_pages
from .proxy.document import split_proxy
from .proxy.lines import proxy_lines_from_pdf, proxy_lines_from_text
from .proxy.statement import ProxyProposal, ProxyStatement
from .readers import decode_text

PROXY_EXTENSIONS = (".pdf", ".htm", ".html", ".txt", ".text")


def read_proxy(name: str, data: bytes, *, max_bytes: int | None = None, on_page=None) -> ProxyStatement:
    """The proxy statement in file `name`; raises DocumentError with a message for the user.
    For a PDF, ``on_page(number, pages)`` is called as each page has been read."""
    extension = PurePath(name).suffix.lower()
    if extension not in PROXY_EXTENSIONS:
        raise DocumentError(
            f"Files of type {extension or 'without extension'} cannot be read as a proxy statement; "
            "upload a PDF, an EDGAR .htm/.html file or a .txt file."
        )
    if not data:
        raise DocumentError(f"The file “{PurePath(name).name}” is empty.")
    if max_bytes is not None and len(data) > max_bytes:
        raise DocumentError(
            f"The file “{PurePath(name).name}” is {len(data) / 1048576:.1f} MB; "
            f"the limit for a proxy statement is {max_bytes / 1048576:.0f} MB."
        )
    return untrusted.read(read_proxy_in_sandbox, name, data, subject=f"Reading “{PurePath(name).name}”",
                          error=DocumentError, on_progress=on_page)


def read_proxy_in_sandbox(name: str, data: bytes, *, expansion: untrusted.Expansion) -> ProxyStatement:
    """The proxy statement in a file of a supported extension (run by ``untrusted.read``)."""
    extension = PurePath(name).suffix.lower()
    if extension == ".pdf":
        pages = pdf_pages(data, expansion=expansion, on_page=sandbox.progress)
        lines, removed = proxy_lines_from_pdf(pages)
        return split_proxy(lines, removed, filename=name, page_count=len(pages))
    text = decode_text(data)
    if extension in (".htm", ".html"):
        from .html_text import html_text

        text = html_text(text, sizes=True)
    if not text.strip():
        raise DocumentError(f"The file “{PurePath(name).name}” contains no text.")
    lines, removed = proxy_lines_from_text(text)
    return split_proxy(lines, removed, filename=name)


def proposal_copied_from_proxy(text: str) -> ProxyProposal | None:
    """The one shareholder proposal in `text` when it was copied out of a proxy statement
    (with its caption, the company's preamble and the board's statement), else None."""
    lines, removed = proxy_lines_from_text(text)
    statement = split_proxy(lines, removed)
    return statement.proposals[0] if len(statement.proposals) == 1 else None
