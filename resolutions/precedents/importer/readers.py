"""Turn an uploaded file (.txt/.text/.md, .pdf, .docx) into normalized text, read in the sandbox.

``read_document`` is the entry point: it checks the name and size here, then reads the file in a
sandbox worker within the upload limits (``config.untrusted``); ``read_in_sandbox`` is what the
worker runs.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Callable
from pathlib import PurePath

from config import untrusted

from .docx_text import docx_text
from .errors import DocumentError
from .pdf_text import pdf_text
from .text import normalize_text

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 10 * MB

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# Share of control characters above which decoded "text" is taken for binary data.
_MAX_CONTROL_SHARE = 0.02
# Share of non-ASCII letters above which a cp1252 reading is taken for another
# encoding (Cyrillic, Greek...) that it would garble; English text stays far below.
_MAX_NON_ASCII_LETTER_SHARE = 0.25
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_MARKDOWN_STRONG = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_SUPPORTED = ".txt, .pdf or .docx"


def read_document(name: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Text of the file `name` with contents `data`; raises DocumentError with a message for the user."""
    extension = PurePath(name).suffix.lower()
    if extension not in EXTENSIONS:
        raise DocumentError(_unsupported_message(name, extension))
    if not data:
        raise DocumentError(f"{_describe(name)} is empty.")
    if len(data) > max_bytes:
        raise DocumentError(
            f"{_describe(name)} is {_megabytes(len(data), round_up=True)} MB; "
            f"the limit is {_megabytes(max_bytes)} MB."
        )
    text = untrusted.read(read_in_sandbox, extension, data, subject=f"Reading “{PurePath(name).name}”",
                          error=DocumentError)
    if not text.strip():
        raise DocumentError(f"{_describe(name)} contains no text.")
    return text


def read_in_sandbox(extension: str, data: bytes, *, expansion: untrusted.Expansion) -> str:
    """The normalized text of a file of a supported ``extension`` (run by ``untrusted.read``)."""
    if extension == ".pdf":
        return normalize_text(pdf_text(data, expansion=expansion))
    if extension == ".docx":
        return normalize_text(docx_text(data, expansion=expansion))
    return normalize_text(_TEXT_READERS[extension](data))


def decode_text(data: bytes) -> str:
    """Decode a plain-text file: BOM, else UTF-8, else Windows-1252 (smart quotes)."""
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise DocumentError(
                    f"The file is marked as {label} text but is not valid {label}; "
                    "save it as UTF-8 text and upload it again."
                ) from error
    if b"\x00" in data:
        raise DocumentError(_binary_message(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_windows_1252(data)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise DocumentError(_binary_message(data))
    return text


def _decode_markdown(data: bytes) -> str:
    """Plain text with heading marks and bold markers removed, so keywords stay visible."""
    text = _MARKDOWN_HEADING.sub("", decode_text(data))
    return _MARKDOWN_STRONG.sub(lambda match: match[1] or match[2], text)


def _decode_windows_1252(data: bytes) -> str:
    unknown = DocumentError(
        "The text encoding of this file could not be recognised; "
        "save it as UTF-8 text and upload it again."
    )
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise unknown from error
    letters = len(_LETTER.findall(text))
    if len(_NON_ASCII_LETTER.findall(text)) > _MAX_NON_ASCII_LETTER_SHARE * letters:
        raise unknown
    return text


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0


def _binary_message(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return "This file is a PDF named as a text file; give it the .pdf extension and upload it again."
    if data.startswith(b"PK\x03\x04"):
        return "This file is a Word (.docx) or ZIP file named as a text file; give it the right extension."
    return "This file does not contain text (it looks like binary data); upload a .txt, .pdf or .docx file."


def _unsupported_message(name: str, extension: str) -> str:
    if not extension:
        return f"{_describe(name)} has no file extension; upload a {_SUPPORTED} file."
    hint = " Save it as .docx first." if extension in {".doc", ".rtf", ".odt", ".pages"} else ""
    return f"Files of type {extension} cannot be imported; upload a {_SUPPORTED} file.{hint}"


def _describe(name: str) -> str:
    return f"The file “{PurePath(name).name}”" if name else "The file"


def _megabytes(size: int, *, round_up: bool = False) -> str:
    """10485760 -> "10", 15938355 -> "15.2"; a file size rounds up so it never shows as the limit."""
    value = size / MB
    if value < 0.1:
        return f"{value:.2g}"
    if round_up:
        value = math.ceil(value * 10) / 10
    return f"{value:.1f}".removesuffix(".0")


_TEXT_READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": decode_text,
    ".text": decode_text,
    ".md": _decode_markdown,
}
EXTENSIONS = frozenset(_TEXT_READERS) | {".pdf", ".docx"}
