"""Text of a Word .docx file: paragraphs and tables in order, calls and footnotes kept.

Superscript digit runs and Word footnote references become superscript digits glued to
the text before them (the parser takes those as calls); the texts of Word footnotes are
appended under a "Notes" heading, numbered as Word displays them.
"""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from config import untrusted

from .errors import DocumentError
from .text import to_superscript

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_R, _T, _TAB, _BR, _CR = qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_FOOTNOTE_REFERENCE, _FOOTNOTE = qn("w:footnoteReference"), qn("w:footnote")
_ID, _TYPE, _VAL = qn("w:id"), qn("w:type"), qn("w:val")
_LIST_STYLES = ("ListBullet", "ListNumber", "ListParagraph")


def docx_text(data: bytes, *, expansion: untrusted.Expansion) -> str:
    """The text; the ZIP directory is checked against ``expansion`` before python-docx opens the package."""
    try:
        untrusted.check_zip(data, expansion)
        document = docx.Document(io.BytesIO(data))
        footnotes = _footnote_texts(document)
    except Exception as error:
        untrusted.raise_if_stopped(error)  # python-docx raises zip, XML and key errors on damaged files
        raise DocumentError(
            "This Word document could not be read; the file may be damaged or not a .docx file."
        ) from error
    numbers: dict[str, int] = {}
    paragraphs = [_block_text(element, numbers) for element in document.element.body]
    notes = [f"{number} {footnotes.get(note_id, '')}".strip() for note_id, number in numbers.items()]
    if notes:
        paragraphs += ["Notes", "\n".join(notes)]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def _block_text(element: Any, numbers: dict[str, int]) -> str:
    if element.tag == _P:
        return _paragraph_text(element, numbers)
    if element.tag == _TBL:
        rows = element.iter(_TR)
        return "\n".join(
            _paragraph_text(p, numbers) for row in rows for cell in row.iter(_TC) for p in cell.iter(_P)
        )
    return ""


def _paragraph_text(paragraph: Any, numbers: dict[str, int]) -> str:
    """Text of one paragraph; `numbers` maps Word footnote ids to their display numbers."""
    text = ""
    for run in paragraph.iter(_R):
        superscript = _is_superscript(run)
        for child in run:
            if child.tag == _T:
                piece = child.text or ""
                if superscript and piece.strip().isdigit():
                    piece = to_superscript(piece.strip())
                text += piece
            elif child.tag == _TAB:
                text += " "
            elif child.tag in (_BR, _CR):
                text += "\n"
            elif child.tag == _NO_BREAK_HYPHEN:
                text += "-"
            elif child.tag == _FOOTNOTE_REFERENCE:
                number = numbers.setdefault(child.get(_ID), len(numbers) + 1)
                text += to_superscript(str(number))
    if text.strip() and _is_list_item(paragraph):
        text = "- " + text.strip()
    return text


def _is_superscript(run: Any) -> bool:
    properties = run.find(qn("w:rPr"))
    align = properties.find(qn("w:vertAlign")) if properties is not None else None
    return align is not None and align.get(_VAL) == "superscript"


def _is_list_item(paragraph: Any) -> bool:
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        return False
    style = properties.find(qn("w:pStyle"))
    styled = style is not None and (style.get(_VAL) or "").startswith(_LIST_STYLES)
    return styled or properties.find(qn("w:numPr")) is not None


def _footnote_texts(document: Any) -> dict[str, str]:
    """Word footnote id -> its text (separator footnotes left out)."""
    for relationship in document.part.rels.values():
        if relationship.reltype == RELATIONSHIP_TYPE.FOOTNOTES and not relationship.is_external:
            root = parse_xml(relationship.target_part.blob)
            return {
                note.get(_ID): " ".join(
                    text for p in note.iter(_P) if (text := _paragraph_text(p, {}).strip())
                )
                for note in root.iter(_FOOTNOTE)
                if note.get(_TYPE) in (None, "normal")
            }
    return {}
