"""Print resolution parts safely: escaped text, footnote calls as superscripts, '- ' lines as bullets."""
from django import template
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

from resolutions.drafts import rendering, selectors

register = template.Library()


@register.filter
def note_links(text):
    """A footnote's text with its URLs linked: only those with a scheme or "www." (rendering.link_urls)."""
    return mark_safe(rendering.link_urls(text))


@register.filter
def is_blank(html):
    """A part with no word and no call, left out as in print (selectors.is_blank)."""
    return selectors.is_blank(html)


@register.filter
def part_html(part):
    """A PrecedentPart's text with its calls (prefetched as ``part.calls``) placed at their offsets."""
    pieces = [
        escape(piece) if isinstance(piece, str) else
        f'<sup class="footnote-call"><a href="#fn-{piece}" id="call-{piece}" aria-label="Footnote {piece}">{piece}</a></sup>'
        for piece in part.pieces()
    ]
    return mark_safe(bullets_html("".join(pieces)))


def bullets_html(escaped: str) -> str:
    """Turn already-escaped text with '- ' lines into paragraphs and <ul> lists."""
    blocks, bullets = [], []
    for line in escaped.split("\n"):
        if line.startswith("- "):
            bullets.append(line[2:])
            continue
        if bullets:
            blocks.append("<ul>" + format_html_join("", "<li>{}</li>", ((mark_safe(b),) for b in bullets)) + "</ul>")
            bullets = []
        if line.strip():
            blocks.append(f"<p>{line}</p>")
    if bullets:
        blocks.append("<ul>" + format_html_join("", "<li>{}</li>", ((mark_safe(b),) for b in bullets)) + "</ul>")
    return "".join(blocks)
