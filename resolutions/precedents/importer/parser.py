"""Parse the text of a filed shareholder resolution into title, parts, notes and filers."""

from __future__ import annotations

import re

from .calls import CallScanner
from .filers import find_filers
from .markers import (
    BULLET,
    LABEL,
    LABEL_PREFIX,
    NOTES_HEADING,
    NUMBERED_ITEM,
    RESOLUTION_LABEL,
    SUPPORTING_HEADING,
    URL,
    is_structural,
    match_clause,
    note_marker,
)
from .model import PART_KINDS, Call, Footnote, ParsedResolution
from .notes import NoteCollector
from .text import Line, ends_sentence, format_numbers, join_lines, normalize_text, split_lines

_MAX_TITLE_LINES = 3
_MAX_TITLE_CHARS = 160
_MAX_TITLE_WORDS = 20
# Lines longer than this were not wrapped by hand or by a PDF: each is a paragraph.
_UNWRAPPED_WIDTH = 150
# In wrapped text a paragraph's last line is shorter than the block's longest line.
_SHORT_LINE_RATIO = 0.75
_PARAGRAPH_END = re.compile(r"[.!?:;][”’\"')\]]?(?:[0-9]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[[0-9]{1,3}\])?$")

NO_RESOLVED = "No RESOLVED clause was found."
NO_TITLE = "No title was found before the body of the resolution."
UNMARKED_RECITALS = (
    "Some paragraphs before the RESOLVED clause have no WHEREAS marker; "
    "they were taken as WHEREAS recitals."
)
EXTRA_RESOLVED = (
    "Paragraphs after the RESOLVED clause have no heading of their own; "
    "they were kept as further RESOLVED paragraphs."
)


def parse_resolution(text: str, *, filename: str = "") -> ParsedResolution:
    """Parse a resolution; never raises, and reports every doubt in `warnings`."""
    lines = split_lines(normalize_text(text))
    title, body_start, resolution_label = _take_title(lines)
    body_lines = lines[body_start:]
    filer_span, filers, filer_warnings = find_filers(body_lines)

    body = _BodyParser(resolution_label)
    body.feed_all(body_lines[: filer_span.start] + body_lines[filer_span.stop :])
    footnotes = body.notes.footnotes()

    warnings = [] if title else [NO_TITLE]
    warnings += body.warnings + body.calls.warnings + body.notes.warnings + filer_warnings
    warnings += _reconcile(body.calls.calls, footnotes)
    if not body.parts["resolved"]:
        warnings.append(NO_RESOLVED)
    return ParsedResolution(
        file=filename,
        title=title,
        resolved=body.part_texts("resolved"),
        whereas=body.part_texts("whereas"),
        supporting=body.part_texts("supporting"),
        footnotes=footnotes,
        calls=body.calls.calls,
        filers=filers,
        warnings=warnings,
        part_order=body.part_order,
    )


def _take_title(lines: list[Line]) -> tuple[str, int, bool]:
    """(title, index of the first body line, whether a "Resolution Text" label was passed).

    The title is the first short line(s) of the first block; label lines such as
    "Shareholder Proposal" before it are skipped.
    """
    title: list[str] = []
    resolution_label = False
    index = 0
    for index, line in enumerate(lines):
        if title and line.starts_block:
            break
        if LABEL.fullmatch(line.text):
            if title:
                break
            resolution_label = resolution_label or bool(RESOLUTION_LABEL.fullmatch(line.text))
            continue
        if len(title) == _MAX_TITLE_LINES or not _is_title_line(line.text):
            break
        title.append(LABEL_PREFIX.sub("", line.text))
    else:
        index = len(lines)
    return " ".join(title), index, resolution_label


def _is_title_line(text: str) -> bool:
    return (
        len(text) <= _MAX_TITLE_CHARS
        and len(text.split()) <= _MAX_TITLE_WORDS
        and not URL.search(text)
        and not is_structural(text)
        and not BULLET.match(text)
        and not note_marker(text)
        and not ends_sentence(text)
        and not text.endswith(",")
    )


def _reconcile(calls: list[Call], footnotes: list[Footnote]) -> list[str]:
    """Warnings for calls without notes and notes without calls."""
    called = {call.number for call in calls}
    noted = {note.number for note in footnotes}
    if called and not noted:
        numbers = format_numbers(called)
        if len(called) == 1:
            return [f"Footnote call {numbers} was found but the document has no footnote texts."]
        return [f"Footnote calls {numbers} were found but the document has no footnote texts."]
    warnings = []
    missing = called - noted
    if missing:
        noun, verb = ("call", "has") if len(missing) == 1 else ("calls", "have")
        warnings.append(f"Footnote {noun} {format_numbers(missing)} {verb} no footnote text.")
    uncalled = noted - called
    if uncalled:
        noun, verb = ("Footnote", "has") if len(uncalled) == 1 else ("Footnotes", "have")
        warnings.append(f"{noun} {format_numbers(uncalled)} {verb} no call in the text.")
    return warnings


def _ends_paragraph(text: str, block_width: int) -> bool:
    """Whether a line inside a block ends its paragraph (the next line starts a new one)."""
    if block_width > _UNWRAPPED_WIDTH:
        return True
    return bool(_PARAGRAPH_END.search(text)) and len(text) < _SHORT_LINE_RATIO * block_width


def _block_widths(lines: list[Line]) -> list[int]:
    """For each line, the length of the longest line of its block."""
    widths: list[int] = []
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or lines[i].starts_block:
            width = max(len(line.text) for line in lines[start:i])
            widths += [width] * (i - start)
            start = i
    return widths


class _BodyParser:
    """Reads the body line by line, in document order, into parts, calls and notes."""

    def __init__(self, resolution_label: bool) -> None:
        self.parts: dict[str, list[list[str]]] = {kind: [] for kind in PART_KINDS}
        self.part_order: list[str] = []
        self.warnings: list[str] = []
        self.calls = CallScanner()
        self.notes = NoteCollector()
        self.mode: str | None = None  # kind given to paragraphs without a marker
        self.clause_expected = resolution_label  # a heading announced the RESOLVED clause
        self.part: tuple[str, int] | None = None  # the part being filled
        self.unit: list[str] = []  # lines of the paragraph or list item being read
        self.unit_prefix = ""  # "- " for a bullet
        self.notes_mode: str | None = None  # "heading" under a Notes heading, else "implicit"
        self.after_page_notes = False  # notes without a heading just ended (a PDF page foot)
        self.joins_last_piece = False  # the unit continues the paragraph the notes interrupted
        self.last_body_text = ""

    def feed_all(self, lines: list[Line]) -> None:
        widths = _block_widths(lines)
        previous = ""
        for line, width in zip(lines, widths):
            paragraph_start = line.starts_block or not previous or _ends_paragraph(previous, width)
            self.feed(line.text, line.starts_block, paragraph_start)
            previous = line.text
        self._close_unit()

    def feed(self, text: str, block_start: bool, paragraph_start: bool) -> None:
        if self.notes_mode and self._feed_note(text, block_start, paragraph_start):
            return
        if self._feed_heading(text, paragraph_start) or self._starts_notes(text, block_start):
            return
        self.last_body_text = text
        if self.after_page_notes:
            self.after_page_notes = False
            if self._resumes_paragraph(text):
                self.unit = [text]
                self.joins_last_piece = True
                return
        bullet = BULLET.fullmatch(text)
        if bullet:
            self._start_item(bullet["text"], "- ")
        elif NUMBERED_ITEM.match(text) and self.part:
            self._start_item(text, "")
        elif paragraph_start or not self.unit:
            self._start_paragraph(text)
        else:
            self.unit.append(text)

    def part_texts(self, kind: str) -> list[str]:
        return ["\n".join(pieces) for pieces in self.parts[kind]]

    def _feed_heading(self, text: str, paragraph_start: bool) -> bool:
        """Handle a clause keyword, a heading or a label line; False for anything else."""
        if NOTES_HEADING.fullmatch(text):
            self._close_part()
            self.notes_mode = "heading"
            return True
        supporting = SUPPORTING_HEADING.fullmatch(text)
        if supporting:
            self._open_mode("supporting")
            if supporting["rest"]:
                self._new_part("supporting", supporting["rest"])
            return True
        clause = match_clause(text, paragraph_start=paragraph_start)
        if clause:
            kind, rest = clause
            self._open_mode(kind)
            if rest:
                self._new_part(kind, rest)
            else:
                self.clause_expected = kind == "resolved"
            return True
        if paragraph_start and LABEL.fullmatch(text):
            self._close_part()
            self.clause_expected = bool(RESOLUTION_LABEL.fullmatch(text))
            return True
        return False

    def _starts_notes(self, text: str, block_start: bool) -> bool:
        """Notes without a heading: a block opening with the next note number after its call."""
        marker = note_marker(text) if block_start else None
        if not marker or self.last_body_text.endswith(":"):
            return False
        number, rest = marker
        if number != self.notes.next_number:
            return False
        if number > self.calls.highest and not URL.search(rest):
            return False
        self._close_unit()
        self.notes_mode = "implicit"
        self.notes.start(number, rest)
        return True

    def _feed_note(self, text: str, block_start: bool, paragraph_start: bool) -> bool:
        """Handle a line while reading notes; False when the body resumes."""
        marker = note_marker(text)
        if marker and (self.notes_mode == "heading" or marker[0] == self.notes.next_number):
            self.notes.start(*marker)
            return True
        if is_structural(text):
            self.notes_mode = None
            return False
        if self.notes_mode == "heading" and self._starts_unnumbered_note(text, block_start, paragraph_start):
            self.notes.start_unnumbered(text)
            return True
        if not block_start or self.notes.current_is_empty or URL.match(text):
            self.notes.extend(text)
            return True
        if self.notes_mode == "heading":
            self.notes.start_unnumbered(text)
            return True
        self.notes_mode = None
        self.after_page_notes = True
        return False

    def _starts_unnumbered_note(self, text: str, block_start: bool, paragraph_start: bool) -> bool:
        """Under a heading, a list of sources without numbers: one note per line or paragraph."""
        if self.notes.next_number == 1:
            return True
        if not self.notes.current_is_unnumbered:
            return False
        return block_start or paragraph_start or bool(URL.match(text))

    def _resumes_paragraph(self, text: str) -> bool:
        """After notes at a page foot, a paragraph cut mid-sentence goes on."""
        if self.part is None or not self.parts[self.part[0]][self.part[1]]:
            return False
        last_piece = self.parts[self.part[0]][self.part[1]][-1]
        return text[:1].islower() or not ends_sentence(last_piece)

    def _open_mode(self, kind: str) -> None:
        self._close_part()
        self.mode = kind
        self.clause_expected = False
        self.notes_mode = None

    def _start_paragraph(self, text: str) -> None:
        if self.clause_expected:
            kind = "resolved"
            self.mode = "resolved"
            self.clause_expected = False
        elif self.mode is None:
            kind = "whereas"
            self._warn_once(UNMARKED_RECITALS)
        else:
            kind = self.mode
            if kind == "resolved":
                self._warn_once(EXTRA_RESOLVED)
        self._new_part(kind, text)

    def _start_item(self, text: str, prefix: str) -> None:
        """A list item belongs to the part being filled, or opens one of the current kind."""
        self._close_unit()
        kind = "resolved" if self.clause_expected else (self.mode or "whereas")
        if self.part is None or self.part[0] != kind:
            self._new_part(kind, "")
        self.clause_expected = False
        self.unit = [text]
        self.unit_prefix = prefix

    def _new_part(self, kind: str, text: str) -> None:
        self._close_part()
        self.parts[kind].append([])
        self.part = (kind, len(self.parts[kind]) - 1)
        if kind not in self.part_order:
            self.part_order.append(kind)
        self.unit = [text] if text else []
        self.unit_prefix = ""

    def _close_part(self) -> None:
        self._close_unit()
        self.part = None

    def _close_unit(self) -> None:
        if not self.unit or self.part is None:
            self.unit = []
            return
        kind, index = self.part
        pieces = self.parts[kind][index]
        text, calls = self.calls.scan(join_lines(self.unit), kind, index)
        part_length = sum(len(piece) + 1 for piece in pieces) - 1 if pieces else 0
        if not text:
            start = part_length  # a unit made only of calls: they stand at the part's end
        elif self.joins_last_piece and pieces:
            pieces[-1] += " " + text
            start = part_length + 1
        else:
            pieces.append(self.unit_prefix + text)
            start = part_length + (1 if len(pieces) > 1 else 0) + len(self.unit_prefix)
        for call in calls:
            call.offset += start
        self.unit = []
        self.unit_prefix = ""
        self.joins_last_piece = False

    def _warn_once(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
