from django import template

from ..search import highlight

register = template.Library()


@register.simple_tag(name="highlight")
def highlight_tag(text, query):
    return highlight(text, query)


@register.simple_tag
def highlight_excerpt(text, query, max_chars=260):
    return highlight(text, query, max_chars=int(max_chars))
