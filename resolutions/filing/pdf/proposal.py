"""The proposal PDF of a version: its HTML (also the print preview) and its file (``exports.proposal_export``
stores it).

A stored PDF is made once per edition: the version's text (number and SHA-256 in the name),
plus what else it prints — the filer list, the DRAFT mark and the PDF variant — hashed into
the last part of ``pdfs/draft-<id>/v<n>-<sha12>-<edition>.pdf``.
"""
import hashlib
import json
import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from config.private_files import keyed_name
from resolutions.drafts.rendering import link_urls, sanitize_clause_html
from resolutions.drafts.selectors import is_blank
from resolutions.models import DraftVersion
from .filers import Filer, version_filers
from .render import DEFAULT_VARIANT, render_pdf

CALL = re.compile(r'\s*<sup class="footnote-call">(\d+)</sup>')  # a call hugs the word before it
LABELS = {"whereas": "WHEREAS:", "resolved": "RESOLVED:"}


def is_final(version: DraftVersion) -> bool:
    """Final: the version was picked as the text to file (it stays final when a new round starts)."""
    return version.finalized_at is not None


def clean_part_html(html: str) -> str:
    """A version part's HTML sanitized again, its numbered calls kept: what every printed form starts from."""
    return sanitize_clause_html(html, with_calls=True)


CALL_BEFORE_PUNCTUATION = re.compile(r'(\s*<sup class="footnote-call">\d+</sup>)([.,;:!?]+)')


def part_html(html: str, footnotes: list[str], printed: set[int]) -> str:
    """A part's HTML, sanitized again, with each note's first call turned into a page footnote.

    The footnote span (``float: footnote`` in print.css) carries the escaped note text; a note
    called again gets a plain superscript with the same number. ``printed`` collects the
    notes already placed, across parts.
    """
    clean = clean_part_html(html)

    def call(match):
        number = int(match.group(1))
        if not 1 <= number <= len(footnotes):
            return ""
        if number in printed:
            return format_html('<sup class="call">{}</sup>', number)
        printed.add(number)
        note = mark_safe(link_urls(footnotes[number - 1]))
        return format_html('<sup class="call screen-only">{0}</sup><span class="footnote" data-n="{0}">{1}</span>',
                           number, note)

    return CALL.sub(call, clean)


def _labelled(label: str, html: str) -> str:
    if not label:
        return html
    if html.startswith("<p>"):
        return f"<p><strong>{label}</strong> {html[3:]}"
    return f"<strong>{label}</strong> {html}"


@dataclass
class ProposalDocument:
    version: DraftVersion
    filers: list[Filer]
    final: bool
    variant: str = DEFAULT_VARIANT

    @classmethod
    def of(cls, version: DraftVersion, variant: str = DEFAULT_VARIANT) -> "ProposalDocument":
        return cls(version=version, filers=version_filers(version), final=is_final(version), variant=variant)

    @property
    def storage_name(self) -> str:
        printed = [self.final, self.variant, [[f.name, f.organization, f.lead] + (
            [f.representation.shareholder_name] if f.representation else []) for f in self.filers]]
        edition = hashlib.sha256(json.dumps(printed).encode()).hexdigest()[:8]
        version = self.version
        return keyed_name(f"pdfs/draft-{version.draft_id}/v{version.number}-{version.short_hash}-{edition}.pdf")

    @property
    def subject(self) -> str:
        content = self.version.content
        return f"{content['company']}, {content['meeting_year']} annual meeting"

    def printed_parts(self) -> list[dict]:
        """The parts as printed, in order: kind, sanitized HTML with numbered calls, label, and
        whether the "Supporting Statement" heading goes before it. The PDF and the Word copy read this."""
        content = self.version.content
        layout = content["layout"]
        whereas_heading = layout.get("whereas_style") == "heading"  # one "WHEREAS," before plain recitals
        parts, previous = [], None
        for part in content["parts"]:
            html = clean_part_html(part["html"])
            if html and layout.get("calls_after_punctuation"):  # "scarce.¹" rather than "scarce¹."
                html = CALL_BEFORE_PUNCTUATION.sub(lambda m: m.group(2) + m.group(1).lstrip(), html)
            if not is_blank(html):  # an empty clause is never printed as a bare "WHEREAS:"
                plain = part["kind"] == "whereas" and whereas_heading
                parts.append({
                    "kind": part["kind"], "html": html, "label": "" if plain else LABELS.get(part["kind"], ""),
                    "heading": part["kind"] == "supporting" and previous != "supporting"
                    and layout.get("supporting_heading", True),
                    "whereas_heading": plain and previous != "whereas",
                })
                previous = part["kind"]
        return parts

    def html(self, *, bookmark: str = "") -> str:
        """The proposal's HTML; ``bookmark`` names it when it is joined with other documents."""
        content = self.version.content
        printed: set[int] = set()
        parts = []
        for part in self.printed_parts():
            html = part_html(part["html"], content["footnotes"], printed)
            if html:
                parts.append({**part, "html": mark_safe(_labelled(part["label"], html))})
        return render_to_string("filing/pdf/proposal.html", {
            "version": self.version, "content": content, "parts": parts, "filers": self.filers,
            "lead_first": content["layout"].get("lead_filer_first", True),
            "cofilers": [f for f in self.filers if not f.lead], "leads": [f for f in self.filers if f.lead],
            "final": self.final, "author": self.filers[0].organization, "subject": self.subject,
            "bookmark": bookmark,
        })

    def render(self) -> bytes:
        return render_pdf(self.html(), variant=self.variant)
