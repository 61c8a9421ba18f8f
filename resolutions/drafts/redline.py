"""Word-level redlines between two texts: insertions and deletions marked, everything escaped."""
import difflib
import html as html_lib
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
FOOTNOTE_CALL = re.compile(r'<sup class="footnote-call">(\d+)</sup>')


def plain(html: str) -> str:
    """Reading text of a part's HTML: calls as [N], list items as '- ' lines (as precedents keep them)."""
    text = FOOTNOTE_CALL.sub(r"[\1]", html or "")
    text = re.sub(r"\s*<li>", "\n- ", text)
    return html_lib.unescape(strip_tags(text))


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


def document_text(parts: list[dict], footnotes: list[str]) -> str:
    """A version's content (parts with "html") or a precedent's (parts with plain "text") as reading text."""
    lines = [f"{p['kind'].upper()}: {plain(p['html']) if 'html' in p else p['text']}" for p in parts]
    lines += [f"[{i}] {text}" for i, text in enumerate(footnotes, start=1)]
    return "\n\n".join(lines)
