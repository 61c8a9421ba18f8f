"""``{% form_token %}``: the hidden field of an IdempotentForm, with a fresh random token each render."""
import secrets

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def form_token():
    return format_html('<input type="hidden" name="form_token" value="{}">', secrets.token_urlsafe(24))
