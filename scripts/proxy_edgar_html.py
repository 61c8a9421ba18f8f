"""Write an EDGAR-like HTML version of each PDF in ../shared/corpus/proxy-statements/, to test the
HTML path of the proxy importer on the same proposals as the PDFs (its outputs hold corpus text:
they are written outside the repository and never committed).

The markup follows what the filing agents put on EDGAR (a subset of HTML 4: inline styles, no
scripts, no external references; the printed pages' columns set as one): one block per paragraph,
split where the printed page breaks it; headings bold and larger; note calls raised (``<sup>`` or a
raised span); bullets as a two-cell table row or a list item; page numbers, running heads and
footers as paragraphs of their own next to each page break; a "Table of Contents" link atop pages.
Three house styles take turns by file, after the three agents' own:

- ``workiva``: ``<div><span style="font-family…;font-size:10pt;font-weight:400">``, calls as
  ``<span style="…position:relative;top:-3.5pt">``, the footer in an absolutely placed block,
  ``<hr style="page-break-after:always"/>`` between pages;
- ``dfin``: upper-case ``<P STYLE=…>``, ``<B>``, ``<SUP>``, Windows-1252 character references
  (``&#146;``), bullets in ``<TABLE>`` rows, ``<P STYLE="page-break-before:always">`` between pages;
- ``toppan``: ``<p style="font: 10pt Times New Roman…">``, bold spans, ``<ul><li>`` bullets,
  ``<div style="page-break-after: always">`` between pages.

Paragraphs, headings and notes come from the PDF reader (``layout.pdf_pages``, ``proxy.lines``).

Usage: .venv/bin/python scripts/proxy_edgar_html.py [--out DIR] [NAME...]   (DIR: /tmp/edgar-html)
"""

import html
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")  # the upload limits the reader reads

import django  # noqa: E402

django.setup()

from config import untrusted  # noqa: E402
from resolutions.precedents.importer.layout import pdf_pages  # noqa: E402
from resolutions.precedents.importer.markers import BULLET  # noqa: E402
from resolutions.precedents.importer.proxy.lines import proxy_lines_from_pdf  # noqa: E402
from resolutions.precedents.importer.text import SUPERSCRIPT_DIGITS, ends_sentence, join_lines  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "proxy-statements"
STYLES = ("workiva", "dfin", "toppan")
_RAISED = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_PLAIN = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_CP1252 = {"‘": "&#145;", "’": "&#146;", "“": "&#147;", "”": "&#148;", "•": "&#149;", "–": "&#150;", "—": "&#151;"}
_HEADING = 1.15  # of the body's letter height
_NOTE = re.compile(r"\(?[0-9]{1,3}\)?(?:\s+|(?=https?://|www\.))|[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*")  # a note's number: each note its own paragraph
_WEB = re.compile(r"https?://|www\.")  # a note set in the body's type opens with its number and a web address


def paragraphs(pages):
    """(page, kind, text) for each paragraph of each page, kind one of body, heading, note, bullet,
    head or foot (a line the PDF reader leaves out: page number, running head, footer, contents link,
    set first or last on its page as one column), label (a side label such as "What am I voting on?",
    whose words the PDF reads off the lines beside it, as one paragraph where its first word was).
    Each note is a paragraph of its own."""
    lines, removed = proxy_lines_from_pdf(pages)
    sizes = sorted(line.size for line in lines if line.text)
    body = sizes[len(sizes) // 2] if sizes else 1.0
    low = {(line.page, line.text) for page in pages for line in page if line.top > line.page_height / 2}
    out, current = [], None
    for index, line in enumerate(lines):
        if index in removed:
            entry = removed[index]
            if entry["reason"] == "side label":
                if out and out[-1][1] == "label" and out[-1][0] == entry["page"]:
                    out[-1][2].append(entry["line"])
                else:
                    out.append([entry["page"], "label", [entry["line"]]])
                continue
            out.append([entry["page"], "foot" if (entry["page"], entry["line"]) in low else "head", [entry["line"]]])
            current = None
            continue
        if not line.text:
            continue
        if current is None or line.starts_paragraph or line.page != current[0] or _NOTE.match(line.text) and (
                line.small or _WEB.match(line.text, _NOTE.match(line.text).end())):
            kind = "heading" if line.size > _HEADING * body else "note" if line.small else "body"
            if kind == "body" and BULLET.match(line.text):
                kind = "bullet"
            current = [line.page, kind, []]
            out.append(current)
        current[2].append(line.text)
    result = []
    for page, kind, texts in out:
        text = join_lines(texts)
        if kind == "body" and len(texts) == 1 and len(text.split()) <= 12 and not ends_sentence(text):
            kind = "bold"  # a short line of its own: a label or caption, set bold by the agents
        result.append((page, kind, text))
    return result


def _markup(text: str, style: str) -> str:
    escaped = html.escape(text, quote=False)
    if style == "dfin":
        escaped = "".join(_CP1252.get(c, c) for c in escaped)

    def call(match):
        digits = match.group().translate(_PLAIN)
        if style == "workiva":
            return ('<span style="color:#000000;font-family:\'Arial\',sans-serif;font-size:6.5pt;font-weight:400;'
                    f'line-height:120%;position:relative;top:-3.5pt;vertical-align:baseline">{digits}</span>')
        if style == "dfin":
            return f'<SUP STYLE="font-size:75%; vertical-align:top">{digits}</SUP>'
        return f"<sup>{digits}</sup>"

    return _RAISED.sub(call, escaped)


def _block(kind: str, text: str, style: str) -> str:
    size = {"heading": 13, "note": 8, "head": 8, "foot": 8}.get(kind, 10)
    bold = kind in ("heading", "bold")
    bullet = BULLET.match(text) if kind == "bullet" else None
    body = _markup(bullet["text"] if bullet else text, style)
    mark = _markup(text[: bullet.start("text")].strip(), style) if bullet else ""
    if style == "workiva":
        span = (f'<span style="color:#000000;font-family:\'Arial\',sans-serif;font-size:{size}pt;'
                f'font-weight:{700 if bold else 400};line-height:120%">')
        if bullet:
            return ('<table style="border-collapse:collapse;width:100%"><tr>'
                    f'<td style="width:18pt;vertical-align:top">{span}{mark}</span></td>'
                    f'<td style="vertical-align:top"><div style="text-align:justify">{span}{body}</span></div></td></tr></table>')
        return f'<div style="margin-top:6pt;text-align:justify">{span}{body}</span></div>'
    if style == "dfin":
        inner = f"<B>{body}</B>" if bold else body
        if bullet:
            return ('<TABLE STYLE="BORDER-COLLAPSE:COLLAPSE; FONT-FAMILY:Times New Roman; FONT-SIZE:10pt" BORDER="0" '
                    'CELLPADDING="0" CELLSPACING="0" WIDTH="100%"><TR><TD WIDTH="4%" VALIGN="top" ALIGN="left">'
                    f'{mark}</TD><TD ALIGN="left" VALIGN="top"><P STYLE="margin-top:0pt; margin-bottom:0pt">{inner}</P></TD></TR></TABLE>')
        return (f'<P STYLE="margin-top:6pt; margin-bottom:0pt; font-size:{size}pt; font-family:Times New Roman"'
                f'{" ALIGN=center" if kind in ("head", "foot") else ""}>{inner}</P>')
    inner = f'<span style="font-weight: bold">{body}</span>' if bold else body
    if bullet:
        return f'<ul style="margin-top: 0; margin-bottom: 0"><li style="font: 10pt Times New Roman, Times, Serif">{inner}</li></ul>'
    return f'<p style="font: {size}pt Times New Roman, Times, Serif; margin: 0 0 6pt; text-align: justify">{inner}</p>'


def _page_break(style: str, number: int) -> str:
    if style == "workiva":
        return f'<div id="page_{number}"></div><hr style="page-break-after:always"/>'
    if style == "dfin":
        return '<P STYLE="margin-top:0pt; margin-bottom:0pt; page-break-before:always">&nbsp;</P>'
    return '<div style="page-break-after: always"><hr style="border: none; height: 0"/></div>'


def edgar_html(pages, style: str) -> str:
    """The document as one EDGAR HTML file in the house style ``style``."""
    blocks = paragraphs(pages)
    out = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>DEF 14A</title></head>',
           '<body style="padding:8px;margin:auto!important;">']
    page_count = len(pages)
    for number in range(1, page_count + 1):
        if number > 1:
            out.append(_page_break(style, number - 1))
            if style == "dfin":
                out.append('<P STYLE="margin-top:0pt; margin-bottom:0pt; font-size:8pt"><A HREF="#toc">Table of Contents</A></P>')
        on_page = [(kind, text) for page, kind, text in blocks if page == number]
        for kind, text in sorted(on_page, key=lambda block: (block[0] == "foot") - (block[0] == "head")):
            out.append(_block(kind, text, style))
    out.append("</body></html>")
    return "\n".join(out)


def main(args: list[str]) -> None:
    out = Path("/tmp/edgar-html")
    if args[:1] == ["--out"]:
        out, args = Path(args[1]), args[2:]
    out.mkdir(parents=True, exist_ok=True)
    expansion = untrusted.Expansion.from_settings()
    for index, path in enumerate(sorted(CORPUS.glob("*.pdf"))):
        if args and path.stem not in args:
            continue
        style = STYLES[index % len(STYLES)]
        page_html = edgar_html(pdf_pages(path.read_bytes(), expansion=expansion), style)
        target = out / f"{path.stem}.htm"
        target.write_text(page_html, encoding="utf-8")
        print(f"{target} ({style}, {len(page_html) // 1024} KB)")


if __name__ == "__main__":
    main(sys.argv[1:])
