"""Quote capture: find a pasted passage in a source's stored text, work out
its pinpoint, and extract stored text from uploaded files.

Callers pass strings and bytes, not models. ``extract_text`` reads the upload in a sandbox
worker within the upload limits (``config.untrusted``); ``extract_in_sandbox`` is what the worker runs.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

import pdfplumber
from bs4 import BeautifulSoup, NavigableString

from config import untrusted

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_SINGLE_QUOTES = "'‘’‚‛′`"
_DOUBLE_QUOTES = '"“”„‟″'
_DASHES = "-‐‑‒–—―−"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width characters


class QuoteNotFound(ValueError):
    """The passage does not occur in the stored text."""


class EmptyQuote(ValueError):
    """No passage was given."""


class SourceTextError(ValueError):
    """An uploaded file gave no usable text; the message says why."""


@dataclass(frozen=True)
class QuoteMatch:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CapturedQuote:
    quote: str  # exactly as in the source text
    pinpoint: str
    start: int
    end: int


# --- Matching ------------------------------------------------------------

_FOLD = str.maketrans(
    {**dict.fromkeys(_SINGLE_QUOTES, "'"), **dict.fromkeys(_DOUBLE_QUOTES, '"'), **dict.fromkeys(_DASHES, "-")}
    | {"…": "..."}
    | dict.fromkeys(_INVISIBLE, None)
)


def normalize_for_match(s: str) -> str:
    """Fold curly quotes, dash variants and NBSP to ASCII; collapse whitespace."""
    return " ".join(s.translate(_FOLD).split())


_GAP = rf"[\s{_INVISIBLE}]*"  # \s covers NBSP and the other Unicode spaces
_ELLIPSIS = rf"(?:…|\.{_GAP}\.{_GAP}\.)"
_TOKENS = re.compile(r"\.\.\.|-+|.", re.DOTALL)


def _quote_pattern(quote: str) -> re.Pattern[str] | None:
    """Regex matching ``quote`` in a text whatever its whitespace, quote
    marks, dash and ellipsis variants; whole words only. None when blank."""
    folded = "".join(normalize_for_match(quote).split())
    if not folded:
        return None
    parts = [_token_pattern(token) for token in _TOKENS.findall(folded)]
    start = r"(?<!\w)" if folded[0].isalnum() else ""
    end = r"(?!\w)" if folded[-1].isalnum() else ""
    return re.compile(start + _GAP.join(parts) + end)


def _token_pattern(token: str) -> str:
    if token == "...":
        return _ELLIPSIS
    if token.startswith("-"):
        return f"[{re.escape(_DASHES)}]+"
    if token == "'":
        return f"[{re.escape(_SINGLE_QUOTES)}]"
    if token == '"':
        return f"[{re.escape(_DOUBLE_QUOTES)}]"
    return re.escape(token)


def locate_quote(source_text: str, quote: str) -> QuoteMatch | None:
    """First occurrence of ``quote`` in ``source_text``, with offsets into the
    original text. Whitespace, curly/straight quotes and dash variants may
    differ; words, numbers, case and other punctuation must match."""
    pattern = _quote_pattern(quote)
    match = pattern.search(source_text) if pattern else None
    if match is None:
        return None
    return QuoteMatch(start=match.start(), end=match.end(), text=match.group())


def capture_snippet(source_text: str, quote: str) -> CapturedQuote:
    """Check ``quote`` against the stored text and return it as the source has it."""
    if not quote.strip():
        raise EmptyQuote("Paste the passage you want to quote.")
    if not source_text.strip():
        raise QuoteNotFound(
            "This source has no stored text yet, so the passage cannot be checked. Add its text first."
        )
    match = locate_quote(source_text, quote)
    if match is None:
        raise QuoteNotFound(
            "This passage is not in the source's stored text. Check it word for word against the source: "
            "spacing and curly or straight quotes may differ, but every word, number and punctuation mark must match."
        )
    return CapturedQuote(
        quote=match.text, pinpoint=pinpoint_for(source_text, match.start), start=match.start, end=match.end
    )


# --- Pinpoints -----------------------------------------------------------

_MAX_HEADING_CHARS = 80
_MAX_HEADING_WORDS = 12
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_BULLET = re.compile(r"^[•·▪◦‣*–—-]\s")
_NOT_HEADING_ENDINGS = tuple(".,;:!") + tuple(_DOUBLE_QUOTES)
_MINOR_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over per the to upon via vs with other than".split()
)


def pinpoint_for(source_text: str, offset: int) -> str:
    """Where ``offset`` falls: "p. N" for paginated text (form feeds between
    pages, as PDF extraction gives), else "§ Heading" for the nearest heading
    at or before it, else ""."""
    if "\f" in source_text:
        page = source_text.count("\f", 0, offset) + 1
        return f"p. {page}"
    heading = ""
    for line_start, title in find_headings(source_text):
        if line_start > offset:
            break
        heading = title
    return f"§ {heading}" if heading else ""


def find_headings(text: str) -> list[tuple[int, str]]:
    """(offset, title) of each line that looks like a section heading.

    A heading is a short line without closing punctuation that is marked up
    ("## Labor"), or is in ALL CAPS or Title Case, or stands between blank
    lines; and it leads into body text rather than into another short label
    line (which tells page furniture like "Stock Symbols" from a heading).
    """
    lines = _lines_with_offsets(text)
    next_text = _next_nonblank_lines(lines)
    headings = []
    for index, (offset, line) in enumerate(lines):
        if markdown := _MARKDOWN_HEADING.match(line):
            headings.append((offset, markdown.group(1)))
            continue
        if not _is_label_shaped(line) or _is_label_shaped(next_text[index]):
            continue
        before = lines[index - 1][1] if index > 0 else ""
        after = lines[index + 1][1] if index + 1 < len(lines) else ""
        standalone = not before and not after and line[0].isupper()
        if standalone or _is_all_caps(line) or _is_title_case(line):
            headings.append((offset, line))
    return headings


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    """Each line, stripped, with the offset where it starts."""
    lines = []
    offset = 0
    for raw in text.split("\n"):
        lines.append((offset, raw.strip()))
        offset += len(raw) + 1
    return lines


def _next_nonblank_lines(lines: list[tuple[int, str]]) -> list[str]:
    """For each line, the first non-blank line after it ("" at the end)."""
    following = [""] * len(lines)
    upcoming = ""
    for index in range(len(lines) - 1, -1, -1):
        following[index] = upcoming
        upcoming = lines[index][1] or upcoming
    return following


def _is_label_shaped(line: str) -> bool:
    """Short, unpunctuated, mostly words: could be a heading or a label."""
    words = line.split()
    if not words or len(line) > _MAX_HEADING_CHARS or len(words) > _MAX_HEADING_WORDS:
        return False
    if line.endswith(_NOT_HEADING_ENDINGS) or _BULLET.match(line):
        return False
    return sum(word[0].isalpha() for word in words) * 2 >= len(words)


def _is_all_caps(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _is_title_case(line: str) -> bool:
    words = [word for word in line.split() if word[0].isalpha()]
    major = [word for word in words if word.lower() not in _MINOR_WORDS]
    if not words or not words[0][0].isupper() or not major:
        return False
    return sum(word[0].isupper() for word in major) * 4 >= len(major) * 3


# --- Stored text from uploads ----------------------------------------------

_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_HTML_SUFFIXES = {".html", ".htm"}
_PDF_SUFFIXES = {".pdf"}
_SUPPORTED = "a .txt, .html or .pdf file"

_HIDDEN_TAGS = ["head", "script", "style", "nav", "noscript", "template", "svg", "iframe"]
_BLOCK_TAGS = [
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section",
    "table", "tr", "ul",
]  # fmt: skip
_LIGATURES = re.compile("[\ufb00-\ufb06]")


def extract_text(name: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Plain text of an uploaded source file (.txt, .html, .pdf).

    PDF pages are joined with form feeds so pinpoints can name the page.
    """
    if not data:
        raise SourceTextError("The file is empty.")
    if len(data) > max_bytes:
        raise SourceTextError(
            f"The file is {_megabytes(len(data))}; the limit is {_megabytes(max_bytes)}. "
            "Upload a smaller file or paste the relevant part as text."
        )
    suffix = PurePath(name).suffix.lower()
    if suffix not in _TEXT_SUFFIXES | _HTML_SUFFIXES | _PDF_SUFFIXES:
        raise SourceTextError(f"“{name}” is not a supported file type. Upload {_SUPPORTED}.")
    text = untrusted.read(extract_in_sandbox, suffix, data, subject=f"Reading “{PurePath(name).name}”",
                          error=SourceTextError)
    if not text.replace("\f", "").strip():
        raise SourceTextError("The file contains no readable text.")
    return text


def extract_in_sandbox(suffix: str, data: bytes, *, expansion: untrusted.Expansion) -> str:
    """The tidied text of a file of a supported ``suffix`` (run by ``untrusted.read``)."""
    if suffix in _TEXT_SUFFIXES:
        return _tidy_text(_text_from_plain(data))
    if suffix in _HTML_SUFFIXES:
        return _tidy_text(_text_from_html(data))
    return _tidy_text(_text_from_pdf(data, expansion))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _text_from_plain(data: bytes) -> str:
    if _looks_binary(data):
        raise SourceTextError(f"This does not look like a text file. Upload {_SUPPORTED}.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise SourceTextError("The text is in an unknown encoding. Save it as UTF-8 and upload it again.") from None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    controls = sum(byte < 32 and byte not in b"\t\n\r\f" for byte in sample)
    return b"\x00" in sample or controls * 20 > len(sample)


def _text_from_html(data: bytes) -> str:
    if _looks_binary(data):
        raise SourceTextError(f"This does not look like a web page. Upload {_SUPPORTED}.")
    soup = BeautifulSoup(data, "html.parser")
    for tag in soup.find_all(_HIDDEN_TAGS):
        tag.decompose()
    for node in soup.find_all(string=True):
        # Exact type: leave comments and doctypes (which get_text skips) alone.
        if type(node) is NavigableString and node.find_parent("pre") is None:
            node.replace_with(re.sub(r"\s+", " ", node))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(_BLOCK_TAGS):
        # Blank lines around blocks keep headings on lines of their own.
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    return "\n".join(line.strip() for line in soup.get_text().split("\n"))


def _text_from_pdf(data: bytes, expansion: untrusted.Expansion) -> str:
    if not data.startswith(b"%PDF"):
        raise SourceTextError("This file is not a PDF, although its name ends in .pdf.")
    untrusted.check_pdf_pages(data, expansion)
    try:
        with untrusted.bounded_inflate(expansion.budget()), pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except Exception as error:  # pdfminer raises many unrelated types for damaged or locked files
        untrusted.raise_if_stopped(error)
        raise SourceTextError("This PDF could not be read; it may be damaged or password-protected.") from error
    if not any(page.strip() for page in pages):
        raise SourceTextError(
            "This PDF has no text layer (it is probably a scan). Run it through OCR, or paste the text instead."
        )
    return "\f".join(pages)


def _tidy_text(text: str) -> str:
    """Unify line endings, expand ligatures (ﬁ → fi), drop trailing spaces
    and keep at most one blank line in a row. Form feeds (pages) stay."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LIGATURES.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)
    text = re.sub(r"[ \t\u00a0]+(?=\n|\f|$)", "", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip(" \n")
