"""Print resolution parts safely: escaped text, footnote calls as superscripts, '- ' lines as bullets."""
from functools import lru_cache

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from resolutions.drafts import rendering, selectors
from resolutions.precedents.import_review import bullets_html

register = template.Library()


@register.filter
@lru_cache(maxsize=4096)
def note_links(text):
    """A footnote's text with its URLs linked: only those with a scheme or "www." (rendering.link_urls).

    Cached by text: the editor prints every note on each load, and Django's urlizer is slow.
    """
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
