"""Import and export of evidence sources as CSL-JSON and BibTeX.

Pure pieces only: parsing gives ``SourceRecord`` values and per-record
rejections; merging them into the database is the caller's job.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import bibtexparser
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, ParsingFailedBlock
from dateutil import parser as date_parser
from pylatexenc.latex2text import LatexNodes2Text

from .capture import normalize_for_match
from .citations import CONTAINER_KINDS, KINDS, to_csl_item
from .weburls import normalize_url


class InterchangeError(ValueError):
    """The whole file is unreadable; the message says why."""


@dataclass
class SourceRecord:
    kind: str
    title: str
    authors: list[str] = field(default_factory=list)
    publisher: str = ""
    published: date | None = None
    url: str = ""
    accessed: date | None = None


@dataclass
class ParsedBatch:
    records: list[SourceRecord] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (label, reason)


NO_TITLE = "It has no title."
# Custom field (CSL-JSON 1.0.2 "custom") that keeps our kind through a round trip.
_KIND_FIELD = "whereas-kind"

_CSL_TYPE_KINDS = {
    "report": "report",
    "article-newspaper": "news",
    "article-magazine": "news",
    "webpage": "webpage",
    "post": "webpage",
    "post-weblog": "webpage",
    "legislation": "law",
    "bill": "law",
    "legal_case": "law",
    "regulation": "law",
    "treaty": "law",
    "personal_communication": "letter",
    "letter": "letter",
}


# --- CSL-JSON --------------------------------------------------------------


def parse_csl_json(data: bytes | str) -> ParsedBatch:
    """Sources from a CSL-JSON file (a list of items, as Zotero exports)."""
    text = _decode(data, "CSL-JSON")
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        raise InterchangeError(f"This is not valid CSL-JSON: line {error.lineno}: {error.msg}.") from None
    except RecursionError:
        raise InterchangeError("This is not valid CSL-JSON: it is nested too deeply.") from None
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise InterchangeError("This is not CSL-JSON: expected a list of items in [ … ].")
    if not items:
        raise InterchangeError("No CSL-JSON items were found in the file.")
    batch = ParsedBatch()
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            batch.rejected.append((f"Item {number}", "It is not a CSL-JSON item ({ … })."))
            continue
        label = str(item.get("id") or item.get("title") or f"Item {number}")
        title = _clean(item.get("title"))
        if not title:
            batch.rejected.append((label, NO_TITLE))
            continue
        batch.records.append(_record_from_csl(item, title))
    return batch


def _record_from_csl(item: Mapping[str, Any], title: str) -> SourceRecord:
    custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
    kind = custom.get(_KIND_FIELD)
    if kind not in KINDS:
        kind = _CSL_TYPE_KINDS.get(str(item.get("type", "")), "other")
    container, publisher = _clean(item.get("container-title")), _clean(item.get("publisher"))
    return SourceRecord(
        kind=kind,
        title=title,
        authors=[name for name in map(_csl_name_text, _as_list(item.get("author"))) if name],
        publisher=(container or publisher) if kind in CONTAINER_KINDS else (publisher or container),
        published=csl_date(item.get("issued")),
        url=_clean(item.get("URL")),
        accessed=csl_date(item.get("accessed")),
    )


def _csl_name_text(name: Any) -> str:
    if not isinstance(name, dict):
        return _clean(name)
    if literal := _clean(name.get("literal")):
        return literal
    parts = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    return " ".join(filter(None, (_clean(name.get(part)) for part in parts)))


def csl_date(value: Any) -> date | None:
    """A CSL date ({"date-parts": [[2021, 10, 5]]}, {"raw": …} or
    {"literal": …}) as a date; missing month or day count as the first."""
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        try:
            numbers = [int(part) for part in parts[0][:3]]
            return date(*numbers, *[1] * (3 - len(numbers)))
        except (TypeError, ValueError, OverflowError):
            return None
    return parse_loose_date(_clean(value.get("raw") or value.get("literal")))


def to_csl_json(records: Iterable[SourceRecord]) -> str:
    """CSL-JSON for ``records``, readable by Zotero and citation processors."""
    items = []
    for number, record in enumerate(records, start=1):
        item = to_csl_item(record, item_id=f"source-{number}")
        item["custom"] = {_KIND_FIELD: record.kind}
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2)


# --- BibTeX ----------------------------------------------------------------

_BIBTEX_TYPE_KINDS = {
    "article": "news",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "legislation": "law",
    "legal": "law",
    "jurisdiction": "law",
    "letter": "letter",
}
_PUBLISHER_FIELDS = ("journaltitle", "journal", "publisher", "institution", "organization", "howpublished")
_URL_MACRO = re.compile(r"\\url\{([^}]*)\}")
_MONTHS = {name: number for number, name in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}  # fmt: skip
_LATEX = LatexNodes2Text()


def parse_bibtex(data: bytes | str) -> ParsedBatch:
    """Sources from a BibTeX or BibLaTeX file."""
    library = bibtexparser.parse_string(_decode(data, "BibTeX"))
    if not library.entries:
        if library.failed_blocks:
            first = library.failed_blocks[0]
            raise InterchangeError(f"No BibTeX entries could be read: {_line(first)}: {_problem(first)}")
        raise InterchangeError("No BibTeX entries were found in the file. Entries look like @article{key, title = {…}}.")
    batch = ParsedBatch()
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock):
            batch.rejected.append((block.key, "Another entry already uses this key."))
        else:
            batch.rejected.append((_line(block).capitalize(), f"It could not be read: {_problem(block)}"))
    for entry in library.entries:
        title = _latex_text(_field(entry, "title"))
        if title:
            batch.records.append(_record_from_bibtex(entry, title))
        else:
            batch.rejected.append((entry.key, NO_TITLE))
    return batch


def _record_from_bibtex(entry: Entry, title: str) -> SourceRecord:
    url = _field(entry, "url") or _bibtex_url(entry)
    return SourceRecord(
        kind=_bibtex_kind(entry, url),
        title=title,
        authors=_bibtex_names(_field(entry, "author") or _field(entry, "editor")),
        publisher=next((text for name in _PUBLISHER_FIELDS if (text := _bibtex_publisher(entry, name))), ""),
        published=_bibtex_date(entry),
        url=url,
        accessed=parse_loose_date(_field(entry, "urldate")),
    )


def _bibtex_kind(entry: Entry, url: str) -> str:
    kind = _BIBTEX_TYPE_KINDS.get(entry.entry_type.lower())
    if kind:
        return kind
    return "webpage" if entry.entry_type.lower() == "misc" and url else "other"


def _bibtex_names(value: str) -> list[str]:
    """"Doe, Jane and {Human Rights Watch}" → ["Jane Doe", "Human Rights Watch"]."""
    names = []
    for name in split_multiple_persons_names(value):
        parts = parse_single_name_into_parts(name, strict=False)
        if text := _latex_text(parts.merge_first_name_first):
            names.append(text)
    return names


def _bibtex_publisher(entry: Entry, name: str) -> str:
    value = _field(entry, name)
    return "" if _URL_MACRO.search(value) else _latex_text(value)


def _bibtex_url(entry: Entry) -> str:
    if match := _URL_MACRO.search(_field(entry, "howpublished")):
        return match.group(1).strip()
    doi = _field(entry, "doi")
    return f"https://doi.org/{doi}" if doi else ""


def _bibtex_date(entry: Entry) -> date | None:
    """BibLaTeX ``date`` (ISO, ranges use their start) or year/month/day."""
    if value := _field(entry, "date"):
        return parse_loose_date(value.split("/")[0])
    year = re.search(r"\d{4}", _field(entry, "year"))
    if year is None:
        return None
    month = _month_number(_field(entry, "month"))
    day = _field(entry, "day")
    try:
        return date(int(year.group()), month or 1, int(day) if month and day.isdigit() else 1)
    except ValueError:
        return None


def _month_number(value: str) -> int | None:
    value = value.strip().lower()
    if value.isdigit():
        return int(value) if 1 <= int(value) <= 12 else None
    return _MONTHS.get(value[:3])


def _field(entry: Entry, name: str) -> str:
    value = entry.fields_dict.get(name)
    return str(value.value).strip() if value is not None else ""


def _latex_text(value: str) -> str:
    return " ".join(_LATEX.latex_to_text(value).split()) if value else ""


def _line(block: ParsingFailedBlock) -> str:
    return f"line {block.start_line + 1}" if block.start_line is not None else "an entry"


def _problem(block: ParsingFailedBlock) -> str:
    reason = (getattr(block.error, "abort_reason", "") or str(block.error)).strip()
    return reason.splitlines()[0] if reason else "its syntax is not valid BibTeX."


# --- Shared ----------------------------------------------------------------


def dedupe_key(record: SourceRecord) -> str:
    """Identity of a source for merging: its normalized URL, or else its
    case- and punctuation-folded title with its date."""
    if record.url.strip():
        return f"url:{normalize_url(record.url)}"
    title = normalize_for_match(record.title).casefold().rstrip(" .")
    published = record.published.isoformat() if record.published else ""
    return f"title:{title}|{published}"


def parse_loose_date(text: str) -> date | None:
    """"2021-10-05", "2021-10", "2021", "October 5, 2021", "5 Oct 2021"; None if unclear."""
    text = text.strip()
    if not text:
        return None
    if iso := re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text):
        year, month, day = (int(part) if part else 1 for part in iso.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    try:
        return date_parser.parse(text, default=datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _decode(data: bytes | str, format_name: str) -> str:
    if isinstance(data, str):
        return data
    if b"\x00" in data[:8192]:
        raise InterchangeError(f"This is a binary file, not {format_name}.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# CSL-JSON allows this rich-text markup in fields; sources store plain text.
_CSL_MARKUP = re.compile(r"</?(?:i|b|sup|sub|span)\b[^>]*>", re.IGNORECASE)


def _clean(value: Any) -> str:
    return " ".join(_CSL_MARKUP.sub("", str(value)).split()) if isinstance(value, (str, int)) else ""


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
