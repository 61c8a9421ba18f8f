"""The proponent's text sorted into WHEREAS, RESOLVED and supporting parts, with its notes and calls."""

from __future__ import annotations

import re

from ..calls import CallScanner
from ..markers import BULLET, NUMBERED_ITEM, SUPPORTING_HEADING, URL, extract_urls, note_marker, unwrap_angle_urls
from ..model import Footnote
from ..parser import _reconcile
from ..text import join_lines
from .statement import ProxyLine, ProxyProposal

# A proponent's text the company prints inside quotation marks opens with one, before the marker.
CLAUSE = re.compile(
    r"^[“\"]?(?P<marker>(?:now,?\s+)?(?:therefore,?\s+)?(?:be\s+it\s+(?:further\s+)?)?resolved\b(?:\s+further\b)?\s*(?:,\s*that\b|that\b)?\s*[,:;.]?"
    r"|therefore\s*:|whereas\b\s*[,:;.]?)\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,  # a paragraph with its list runs over lines
)
# Paragraphs after RESOLVED that carry on the request rather than support it.
_REQUEST_CONTINUES = re.compile(
    r"^(?:for\s+(?:the\s+)?purposes\s+of|the\s+(?:requested\s+)?(?:report|policy|analysis|assessment|review|disclosure)s?\s+"
    r"(?:shall|should|must|will|would|may)|these\s+amendments|this\s+(?:report|policy)\s+(?:shall|should)"
    r"|such\s+(?:an?\s+)?(?:report|policy)|[\w/ ]{0,40}\s+(?:is|are)\s+defined\s+as|(?:both\s+)?“[^”]{1,60}”(?:\s+and\s+“[^”]{1,60}”)?\s+(?:is|are|means|refers?|includes?)\b)",
    re.IGNORECASE,
)
# Terms of the request left to the board ("The Board may, at its discretion, set a threshold …"),
# read as such only right after the request.
_LEFT_TO_THE_BOARD = re.compile(
    r"^(?:the\s+)?(?:board|company|management|committee)\b[^.]{0,60}?\b(?:may|has|have|shall|should|retains?)\b"
    r"[^.]{0,30}?\bdiscretion\b",
    re.IGNORECASE,
)
# The text of the policy a request leads into ("… as follows:"): what the board shall do, when the policy could start.
_POLICY_TEXT = re.compile(
    r"^(?:[^.]{0,80}?\bshall\b|this\s+(?:policy|requirement|bylaw|amendment)s?\s+(?:could|can|may|might|will|would)\b)",
    re.IGNORECASE,
)
_PAREN_NOTE = re.compile(r"^\(([0-9]{1,3})\)\s*|^\[([0-9]{1,3})\]\s*|^([0-9]{1,2})(?=https?://|www\.)")
_SIGN_OFF = re.compile(r"^(?:please\s+vote|contact\s*:|the\s+proponent\s+recommends|vote\s+for\b)", re.IGNORECASE)


def _note_start(line: ProxyLine) -> tuple[int, str] | None:
    text = line.text
    match = _PAREN_NOTE.match(text)
    if match:
        return int(match[1] or match[2] or match[3]), text[match.end():]
    marker = note_marker(text)
    if marker and (line.small or URL.search(marker[1])) and not NUMBERED_ITEM.match(text + " ") or (
        marker and line.small and URL.search(marker[1])
    ):
        return marker
    return None


def read_parts(proposal: ProxyProposal, lines: list[ProxyLine], body: list[int]) -> None:
    """Sort the proponent's paragraphs into WHEREAS, RESOLVED and supporting parts, and its notes."""
    units: list[tuple[str, str, bool]] = []  # (kind: "text" | "note", text, starts paragraph)
    notes: list[tuple[int, list[str], int]] = []
    in_note = False
    for i in body:
        line = lines[i]
        note = _note_start(line)
        if note and (line.small or URL.search(note[1]) or in_note):
            notes.append((note[0], [note[1]] if note[1] else [], line.page))
            in_note = True
            continue
        if in_note and (line.small or URL.match(line.text)) and not line.starts_paragraph or in_note and URL.match(line.text):
            notes[-1][1].append(line.text)
            continue
        if in_note and line.small and not CLAUSE.match(line.text):
            notes[-1][1].append(line.text)
            continue
        if in_note and not line.starts_paragraph and line.page == notes[-1][2]:
            notes[-1][1].append(line.text)  # a note's wrapped line, set in the body's size
            continue
        joins = in_note and not line.starts_paragraph
        in_note = False
        units.append(("text", line.text, line.starts_paragraph and not joins))
    paragraphs: list[str] = []
    for _, text, starts in units:
        if starts or not paragraphs:
            paragraphs.append(text)
        else:
            paragraphs[-1] = join_lines([paragraphs[-1], text])
    notes = _split_run_together(notes)
    numbers = frozenset(number for number, _, _ in notes)
    _classify(proposal, _merge_lists(paragraphs), CallScanner(first=min(numbers, default=1), notes=numbers))
    proposal.note_pages = [page for _, _, page in notes]
    footnotes = []
    for number, texts, _ in notes:
        text = unwrap_angle_urls(join_lines(texts)) if texts else ""
        footnotes.append(Footnote(number=number, text=text, urls=extract_urls(text)))
    proposal.footnotes = footnotes
    proposal.warnings += _reconcile(proposal.calls, footnotes)


def _split_run_together(notes: list[tuple[int, list[str], int]]) -> list[tuple[int, list[str], int]]:
    """Notes run together in one paragraph ("1 https://… 2 https://…"): each ends where the next
    number in order opens the next note, before a web address or a capital (unless that note has a
    line of its own)."""
    own_lines = {number for number, _, _ in notes}
    split: list[tuple[int, list[str], int]] = []
    for number, texts, page in notes:
        text = join_lines(texts) if texts else ""
        while number + 1 not in own_lines:
            following = re.search(rf"\s{number + 1}\s*(?=https?://|www\.|[A-Z“\"])", text)
            if following is None or not text[: following.start()].strip():
                break
            split.append((number, [text[: following.start()].strip()], page))
            number, text = number + 1, text[following.end():].strip()
        split.append((number, [text] if text else [], page))
    return split


def _merge_lists(paragraphs: list[str]) -> list[str]:
    """A bullet or list item belongs to the paragraph that introduces it."""
    merged: list[str] = []
    for text in paragraphs:
        bullet = BULLET.fullmatch(text) or re.match(r"^[☐∎❑■]\s*\S", text)
        numbered = NUMBERED_ITEM.match(text)
        if merged and (bullet or numbered and (merged[-1].rstrip().endswith(":") or "\n" in merged[-1])):
            merged[-1] += "\n" + text
        elif merged and bullet is None and merged[-1].rstrip().endswith(":") and "\n" not in merged[-1] and not CLAUSE.match(text):
            merged[-1] += "\n" + text
        else:
            merged.append(text)
    return merged


def _classify(proposal: ProxyProposal, paragraphs: list[str], scanner: CallScanner) -> None:
    parts: dict[str, list[str]] = {"resolved": [], "whereas": [], "supporting": []}
    order: list[str] = []
    has_marker = any(CLAUSE.match(text) for text in paragraphs)
    mode: str | None = None
    pending_heading: str | None = None
    unplaced: list[str] = []

    def add(kind: str, text: str) -> None:
        parts[kind].append(text)
        if kind not in order:
            order.append(kind)

    for text in paragraphs:
        if _SIGN_OFF.match(text) and len(text) < 120:
            if parts["supporting"] or parts["resolved"]:
                proposal.warnings.append(f"“{text[:60]}” was kept with the supporting statement as a sign-off.")
                (parts["supporting"] or parts["resolved"])[-1] += "\n" + text
                continue
        first_line, _, list_lines = text.partition("\n")  # a paragraph leading into its list
        heading = SUPPORTING_HEADING.fullmatch(first_line)
        if heading:
            mode = "supporting"
            rest = "\n".join(part for part in ((heading["rest"] or "").strip(), list_lines) if part)
            if rest:
                add("supporting", rest)
            continue
        clause = CLAUSE.match(text)
        if clause:
            marker = clause["marker"].strip()
            rest = clause["rest"].strip()
            kind = "whereas" if marker.lower().startswith("whereas") else "resolved"
            if kind == "resolved" and proposal.resolution_marker is None:
                proposal.resolution_marker = marker
            mode = kind
            if rest:
                add(kind, rest[:1].upper() + rest[1:])
            else:
                pending_heading = kind
            continue
        if pending_heading:
            add(pending_heading, text)
            pending_heading = None
            continue
        if mode is None:
            if not has_marker and not parts["resolved"]:
                add("resolved", text)  # a request without a RESOLVED word
                mode = "after-request"
                continue
            unplaced.append(text)
            continue
        if mode in ("resolved", "after-request"):
            if parts["resolved"] and (_REQUEST_CONTINUES.match(text) or _goes_on_with_request(text, parts, order)):
                parts["resolved"][-1] += "\n" + text
            else:
                add("supporting", text)
            continue
        add(mode, text)
    letter = (proposal.resolution_marker or "").lower().startswith("therefore") and not parts["whereas"]
    if unplaced and letter:  # a letter to shareholders ending "THEREFORE: …": its paragraphs lead to the request
        proposal.warnings.append(
            f"{len(unplaced)} paragraph(s) of a letter before its THEREFORE request were kept with the request."
        )
        parts["resolved"] = unplaced + parts["resolved"]
    elif unplaced:
        proposal.warnings.append(
            f"{len(unplaced)} paragraph(s) before the request have no WHEREAS marker; they were kept as recitals."
        )
        parts["whereas"] = unplaced + parts["whereas"]
        if "whereas" not in order:
            order.insert(0, "whereas")
    if not parts["resolved"]:
        proposal.warnings.append("No RESOLVED clause was found.")
    # calls are numbered in reading order: scan the parts in the order they were printed
    scanned: dict[str, list[str]] = {"resolved": [], "whereas": [], "supporting": []}
    for kind, index, text in _in_print_order(parts, order):
        cleaned, _ = scanner.scan(text, kind, index)
        scanned[kind].append(cleaned)
    proposal.resolved, proposal.whereas, proposal.supporting = scanned["resolved"], scanned["whereas"], scanned["supporting"]
    proposal.calls = scanner.calls
    proposal.part_order = order


def _goes_on_with_request(text: str, parts: dict[str, list[str]], order: list[str]) -> bool:
    """A paragraph right after the request (or what goes on with it) that sets one of its terms:
    one left to the board's discretion, or a clause of the policy text the request leads into."""
    if order[-1:] != ["resolved"] or parts["supporting"]:
        return False
    leads_in = parts["resolved"][-1].split("\n")[0].rstrip().endswith(":")
    return bool(_LEFT_TO_THE_BOARD.match(text) or leads_in and _POLICY_TEXT.match(text))


def _in_print_order(parts: dict[str, list[str]], order: list[str]):
    for kind in order:
        for index, text in enumerate(parts[kind]):
            yield kind, index, text


def late_notes(proposal: ProxyProposal, lines: list[ProxyLine], indexes: list[int]) -> list[int]:
    """Notes of the proposal printed after the board's statement (their numbers were called, not yet found)."""
    called = {call.number for call in proposal.calls}
    missing = called - {note.number for note in proposal.footnotes}
    if not missing:
        return indexes
    kept: list[int] = []
    taking: Footnote | None = None
    for i in indexes:
        line = lines[i]
        note = _note_start(line) if line.text else None
        if note and note[0] in missing:
            taking = Footnote(number=note[0], text=note[1])
            proposal.footnotes.append(taking)
            proposal.note_pages.append(line.page)
            missing.discard(note[0])
            continue
        if taking is not None and line.text and (line.small or URL.match(line.text)) and not note:
            taking.text = join_lines([taking.text, line.text]) if taking.text else line.text
            continue
        if taking is not None:
            taking.urls = extract_urls(taking.text)
            taking = None
        kept.append(i)
    if taking is not None:
        taking.urls = extract_urls(taking.text)
    proposal.footnotes.sort(key=lambda note: note.number)
    proposal.warnings = [w for w in proposal.warnings if "no footnote text" not in w and "no footnote texts" not in w]
    proposal.warnings += [w for w in _reconcile(proposal.calls, proposal.footnotes) if "no call" not in w]
    return kept
