"""The import review screen's editable text form of a parsed resolution, and back.

Parts of one kind are separated by a blank line; footnote calls stand in the text as ``[^N]``
so a curator can move or delete them while editing; footnotes are ``N. text`` lines; filers
are ``Name | Organization`` lines, with ``| lead`` after the lead filer.
"""
import re

from .importer.model import PART_KINDS

CALL_MARKER = re.compile(r"\[\^(\d+)\]")
NOTE_LINE = re.compile(r"^\s*(\d+)[.)]?\s+(.*)$")
URL = re.compile(r"https?://[^\s<>\"')\]]+")


def structure_to_text(structure: dict) -> dict[str, str]:
    calls_by_part: dict[tuple[str, int], list[dict]] = {}
    for call in structure.get("calls", []):
        calls_by_part.setdefault((call["part"], call["index"]), []).append(call)
    texts = {}
    for kind in PART_KINDS:
        parts = []
        for index, text in enumerate(structure.get(kind, [])):
            parts.append(_with_markers(text, calls_by_part.get((kind, index), [])))
        texts[kind] = "\n\n".join(parts)
    texts["footnotes"] = "\n".join(
        f"{note['number']}. {note['text']}".rstrip() for note in structure.get("footnotes", [])
    )
    texts["filers"] = "\n".join(
        " | ".join(x for x in (f["name"], f["organization"], "lead" if f["lead"] else "") if x)
        for f in structure.get("filers", [])
    )
    return texts


def interleave_calls(text: str, calls) -> list[str | int]:
    """Split ``text`` at its footnote calls: text segments and note numbers, in reading order.

    ``calls`` are (offset, number) pairs; a call without an offset stands at the end.
    """
    placed = sorted(((len(text) if offset is None else offset), number) for offset, number in calls)
    pieces: list[str | int] = []
    last = 0
    for offset, number in placed:
        offset = max(last, min(offset, len(text)))
        pieces += [text[last:offset], number]
        last = offset
    pieces.append(text[last:])
    return pieces


def _with_markers(text: str, calls: list[dict]) -> str:
    """Put ``[^N]`` where each call stood."""
    pieces = interleave_calls(text, [(call.get("offset"), call["number"]) for call in calls])
    return "".join(f"[^{p}]" if isinstance(p, int) else p for p in pieces)


def text_to_structure(*, title: str, texts: dict[str, str]) -> dict:
    structure = {"title": title.strip(), "calls": [], "warnings": []}
    for kind in PART_KINDS:
        structure[kind] = []
        for block in re.split(r"\n\s*\n", (texts.get(kind) or "").replace("\r\n", "\n")):
            if not block.strip():
                continue
            index = len(structure[kind])
            clean_parts, last = [], 0
            for match in CALL_MARKER.finditer(block):
                clean_parts.append(block[last:match.start()])
                offset = len("".join(clean_parts))
                structure["calls"].append(
                    {"part": kind, "index": index, "number": int(match.group(1)), "offset": offset}
                )
                last = match.end()
            clean_parts.append(block[last:])
            structure[kind].append("".join(clean_parts).strip())
    structure["footnotes"] = _notes(texts.get("footnotes", ""))
    structure["filers"] = _filers(texts.get("filers", ""))
    return structure


def _notes(text: str) -> list[dict]:
    notes = []
    for line in (text or "").splitlines():
        match = NOTE_LINE.match(line)
        if match:
            notes.append({"number": int(match.group(1)), "text": match.group(2).strip(),
                          "urls": [u.rstrip(".,;") for u in URL.findall(match.group(2))]})
        elif line.strip() and notes:
            notes[-1]["text"] += " " + line.strip()
            notes[-1]["urls"] += [u.rstrip(".,;") for u in URL.findall(line)]
    return notes


def _filers(text: str) -> list[dict]:
    filers = []
    for line in (text or "").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if not any(cells):
            continue
        lead = len(cells) > 1 and cells[-1].lower() == "lead"
        if lead:
            cells = cells[:-1]
        name = cells[0] if cells else ""
        organization = cells[1] if len(cells) > 1 else ""
        filers.append({"name": name, "organization": organization, "lead": lead})
    return filers


def precedent_note_text(number: int, note) -> str:
    """What a precedent's footnote becomes in a draft: its text, its URLs, or a placeholder to fill in."""
    if note is not None and (note.text or note.urls):
        return note.text or ", ".join(note.urls)
    return f"[Footnote {number} of the precedent]"


def bullets_html(escaped: str, *, paragraphs: bool = True) -> str:
    """Already-escaped text whose '- ' lines are bullets (as precedent parts keep them) as HTML: each run
    of bullets a <ul>, each other line a <p> (with ``paragraphs=False``, the line as it is)."""
    blocks, bullets = [], []

    def close_list():
        if bullets:
            blocks.append("<ul>" + "".join(f"<li>{item}</li>" for item in bullets) + "</ul>")
            bullets.clear()

    for line in escaped.split("\n"):
        if line.startswith("- "):
            bullets.append(line[2:])
            continue
        close_list()
        if line.strip():
            blocks.append(f"<p>{line}</p>" if paragraphs else line)
    close_list()
    return "".join(blocks)
