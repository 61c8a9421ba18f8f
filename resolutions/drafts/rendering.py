"""A draft's text as readers see it: citation markers become numbered calls and footnotes.

Footnote numbers are computed here, in order of first appearance, every time a draft or a
version is rendered; they are never stored. Pure functions: callers pass what the markers
point at.
"""
import hashlib
import json
import re
from dataclasses import dataclass, field

import nh3
from django.utils.html import Urlizer

from evidence.citations import CitationSource, format_footnotes

MARKER = re.compile(r"\[\[(snippet|note):(\d+)\]\]")
CALL_SITE = re.compile(r"\s*" + MARKER.pattern)  # a call hugs the word before it, as in print

# The one HTML allowlist of a clause: the server's sanitizer, the printed forms (which add the
# numbered calls) and the editor's surface (handed this as JSON) all keep exactly this.
CLAUSE_HTML = {
    "tags": ["a", "b", "br", "em", "i", "li", "ol", "p", "strong", "ul"],
    "attributes": {"a": ["href"]},
    "url_schemes": ["http", "https", "mailto"],
}


def sanitize_clause_html(text: str, *, with_calls: bool = False) -> str:
    """Keep bold, italic, links and lists; drop every other tag, attribute and script.

    ``with_calls`` also keeps the numbered calls of rendered text (``<sup class="footnote-call">``).
    """
    tags = set(CLAUSE_HTML["tags"]) | ({"sup"} if with_calls else set())
    return nh3.clean(
        text or "",
        tags=tags,
        attributes={tag: set(names) for tag, names in CLAUSE_HTML["attributes"].items()},
        allowed_classes={"sup": {"footnote-call"}} if with_calls else None,
        url_schemes=set(CLAUSE_HTML["url_schemes"]),
        link_rel=None if with_calls else "noopener noreferrer nofollow",
    ).strip()


class _HttpsLink:
    """The link markup of ``_SchemeUrlizer``: Django prefixes a typed "www." with http://, we with https://."""

    @staticmethod
    def format(*, href: str, attrs: str, url: str) -> str:
        if href.startswith("http://") and not url.lower().startswith("http://"):
            href = "https://" + href.removeprefix("http://")
        return f'<a href="{href}"{attrs}>{url}</a>'


class _SchemeUrlizer(Urlizer):
    """Django's urlize, linking only what has a scheme or starts with "www.": "Amazon.com" in a note
    is a company's name, not a link (and no email address becomes one), as in the Word copy."""

    simple_url_2_re = re.compile(r"^www\.", re.IGNORECASE)
    url_template = _HttpsLink()

    @staticmethod
    def is_email_simple(value):
        return False


def link_urls(text: str) -> str:
    """A note's text escaped, its URLs made links: for every page and the PDF."""
    return _SchemeUrlizer()(text, autoescape=True)


def markers_in(text: str) -> list[tuple[str, int]]:
    return [(kind, int(pk)) for kind, pk in MARKER.findall(text or "")]


@dataclass
class Citation:
    """What a marker points at: an evidence snippet's source and pinpoint, or a free-text note."""

    source: CitationSource | None = None
    pinpoint: str = ""
    note_text: str = ""
    stale: bool = False


@dataclass
class RenderedPart:
    kind: str
    html: str
    source: str = ""
    clause_id: int | None = None
    calls: list[int] = field(default_factory=list)


@dataclass
class RenderedDraft:
    parts: list[RenderedPart]
    footnotes: list[str]
    missing: list[str]
    stale_notes: list[int] = field(default_factory=list)  # footnote numbers citing a stale snippet

    @property
    def stale_count(self) -> int:
        return len(self.stale_notes)

    def parts_of(self, kind: str) -> list[RenderedPart]:
        return [p for p in self.parts if p.kind == kind]


def render_clauses(clauses, citations: dict[tuple[str, int], Citation], *, style: str) -> RenderedDraft:
    """Number the markers of ``clauses`` (objects with kind, text, pk, in reading order)."""
    numbers: dict[tuple[str, int], int] = {}
    ordered: list[tuple[str, int]] = []
    missing: list[str] = []
    for clause in clauses:
        for key in markers_in(clause.text):
            if key not in citations:
                missing.append(f"{key[0]} {key[1]}")
                continue
            if key not in numbers:
                ordered.append(key)
                numbers[key] = len(ordered)
    parts = []
    for clause in clauses:
        calls: list[int] = []

        def call(match, calls=calls):
            key = (match.group(1), int(match.group(2)))
            if key not in numbers:
                return ""
            calls.append(numbers[key])
            return f'<sup class="footnote-call">{numbers[key]}</sup>'

        parts.append(RenderedPart(
            kind=clause.kind, html=CALL_SITE.sub(call, clause.text), source=clause.text, clause_id=clause.pk,
            calls=calls,
        ))
    return RenderedDraft(
        parts=parts, footnotes=_footnote_texts(ordered, citations, style), missing=missing,
        stale_notes=[number for number, key in enumerate(ordered, start=1) if citations[key].stale],
    )


def _footnote_texts(ordered, citations, style) -> list[str]:
    """Snippet notes go through the citation style together, so a repeated source gets the short form."""
    texts: list[str | None] = [None] * len(ordered)
    snippet_positions = [i for i, key in enumerate(ordered) if citations[key].source is not None]
    formatted = format_footnotes(
        [(citations[ordered[i]].source, citations[ordered[i]].pinpoint) for i in snippet_positions], style=style
    ) if snippet_positions else []
    for i, text in zip(snippet_positions, formatted):
        texts[i] = text
    for i, key in enumerate(ordered):
        if texts[i] is None:
            texts[i] = citations[key].note_text
    return texts


def canonical_content(*, title: str, company: str, meeting_year: int, layout: dict, rendered: RenderedDraft,
                      topics: list[str]) -> dict:
    return {
        "title": title,
        "company": company,
        "meeting_year": meeting_year,
        "topics": topics,
        "layout": layout,
        "parts": [{"kind": p.kind, "html": p.html, "source": p.source} for p in rendered.parts],
        "footnotes": rendered.footnotes,
    }


def content_sha256(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
