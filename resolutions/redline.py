"""Word-level redlines between two texts: insertions and deletions marked, everything escaped."""
import difflib
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def plain(html: str) -> str:
    return strip_tags(html or "").replace("&nbsp;", " ")


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
    """A version's content (or a precedent's) as plain reading text, one part per paragraph."""
    lines = [f"{p['kind'].upper()}: {plain(p['html'])}" for p in parts]
    lines += [f"[{i}] {text}" for i, text in enumerate(footnotes, start=1)]
    return "\n\n".join(lines)
