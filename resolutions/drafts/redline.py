"""Redlines: insertions and deletions marked word by word, everything escaped.

Footnotes are paired by identity, not by number: the same snippet or note in both texts is one
footnote (for a precedent, whose notes have no identity here, the same text is). A paired note
whose number changed is shown as renumbered (the notes around it came or went) or moved (its call
went elsewhere), its words compared; calls in the text follow the pairing, so a renumbered note
does not mark every call after it as changed. Unpaired notes of alike wording are one edited note;
the rest are removed or added.
"""
import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from resolutions import rule14a8
from resolutions.drafts.rendering import MARKER

TOKEN = re.compile(r"\[[^\]\n]{1,12}\]|\s+|\w+|[^\w\s]")  # a footnote call "[3]" is one token
FOOTNOTE_CALL = re.compile(r'<sup class="footnote-call">(\d+)</sup>')
_SPACES, _SPACED_LINE_END = re.compile(r"[ \t]+"), re.compile(r" ?\n ?")
CALL = re.compile(r"\[(\d+)\]")
ALIKE = 0.5  # unpaired notes at least this similar (difflib ratio) are one note, edited


@dataclass(frozen=True)
class Note:
    key: str | None  # "snippet:12" / "note:5", or None when the text has no identity to offer
    text: str


@dataclass(frozen=True)
class Document:
    """A text as a redline reads it: "KIND: words[1]" lines, and its footnotes in number order."""

    lines: list[str]
    notes: list[Note]


def plain(html: str) -> str:
    """Reading text of a part's HTML: calls as [N], list items as '- ' lines (as precedents keep them)."""
    text = FOOTNOTE_CALL.sub(r"[\1]", html or "")
    text = rule14a8.plain_text(re.sub(r"\s*<li>", "\n- ", text))
    return _SPACED_LINE_END.sub("\n", _SPACES.sub(" ", text)).strip()


def content_document(parts: list[dict], footnotes: list[str]) -> Document:
    """A version's content, or the current text, as parts with "html" (and "source", its markers)."""
    keys: list[str] = []
    for part in parts:
        for kind, pk in MARKER.findall(part.get("source", "")):
            if f"{kind}:{pk}" not in keys:
                keys.append(f"{kind}:{pk}")
    if len(keys) != len(footnotes):  # a marker to missing evidence is not numbered: identities unknown
        keys = [None] * len(footnotes)
    return Document([f"{p['kind'].upper()}: {plain(p['html'])}" for p in parts],
                    [Note(key, text) for key, text in zip(keys, footnotes)])


def text_document(parts: list[dict], footnotes: list[str]) -> Document:
    """A precedent's parts, with plain "text" whose calls are already [N]."""
    return Document([f"{p['kind'].upper()}: {p['text']}" for p in parts], [Note(None, text) for text in footnotes])


def redline_html(old: str, new: str) -> SafeString:
    a, b = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))


def pair_notes(old: list[Note], new: list[Note]) -> dict[int, int]:
    """Old note index → new note index: same identity, else same text, else alike wording."""
    pairs: dict[int, int] = {}
    for same in (lambda o, n: o.key is not None and o.key == n.key, lambda o, n: o.text == n.text):
        for i, o in enumerate(old):
            if i in pairs:
                continue
            j = next((j for j, n in enumerate(new) if j not in pairs.values() and same(o, n)), None)
            if j is not None:
                pairs[i] = j
    candidates = sorted(
        ((difflib.SequenceMatcher(a=o.text, b=n.text, autojunk=False).ratio(), i, j)
         for i, o in enumerate(old) if i not in pairs for j, n in enumerate(new) if j not in pairs.values()),
        reverse=True)
    for ratio, i, j in candidates:
        if ratio >= ALIKE and i not in pairs and j not in pairs.values():
            pairs[i] = j
    return pairs


def _in_order(pairs: dict[int, int]) -> set[int]:
    """Old indexes of the longest run of paired notes that kept their order (the others moved)."""
    olds = sorted(pairs)
    best: list[list[int]] = []
    for i in olds:
        run = max((r for r in best if pairs[r[-1]] < pairs[i]), key=len, default=[])
        best.append(run + [i])
    return set(max(best, key=len, default=[]))


def document_redline(old: Document, new: Document) -> SafeString:
    """The text's redline (calls renumbered through the pairing), then each footnote's fate."""
    pairs = pair_notes(old.notes, new.notes)

    def renumber(match):
        i = int(match.group(1)) - 1
        if i in pairs:
            return f"[{pairs[i] + 1}]"
        return f"[old {i + 1}]" if i < len(old.notes) else match.group(0)

    body = redline_html(CALL.sub(renumber, "\n\n".join(old.lines)), "\n\n".join(new.lines))
    if not old.notes and not new.notes:
        return body
    kept = _in_order(pairs)
    by_new = {j: i for i, j in pairs.items()}
    items = []
    for j, note in enumerate(new.notes):
        i = by_new.get(j)
        if i is None:
            items.append(format_html('<li class="note-added"><ins>[{}] {}</ins> <em>(new note)</em></li>', j + 1, note.text))
            continue
        words = redline_html(old.notes[i].text, note.text)
        fate = []
        if i != j:
            fate.append(f"{'renumbered' if i in kept else 'moved'}, was note {i + 1}")
        if old.notes[i].text != note.text:
            fate.append("edited")
        items.append(format_html('<li class="{}">[{}] {}{}</li>', "note-changed" if fate else "note-same", j + 1, words,
                                 format_html(" <em>({})</em>", "; ".join(fate)) if fate else ""))
    for i, note in enumerate(old.notes):
        if i not in pairs:
            items.append(format_html('<li class="note-removed"><del>[old {}] {}</del> <em>(removed)</em></li>',
                                     i + 1, note.text))
    return format_html('{}<h2 class="h6 mt-3 mb-1">Footnotes</h2><ol class="list-unstyled mb-0 redline-notes">{}</ol>',
                       body, mark_safe("".join(items)))
