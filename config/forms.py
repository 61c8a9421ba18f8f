"""Every form renders in Bootstrap 5's markup through Django's own form machinery.

``FormRenderer`` (settings.FORM_RENDERER) lays out a form with templates/forms/form.html and each
field (label, widget, errors, help text) with ``field_html``; ``BootstrapBoundField`` gives each
widget Bootstrap's class (and ``is-invalid``; Django itself points ``aria-describedby`` at the error
and the help text).

The renderer writes Django's own input, textarea and select markup in Python, byte for byte as
Django's templates write it (tests/test_forms.py compares them; the project overrides none of
those templates), and radio/checkbox groups in Bootstrap's markup: a template costs 40-70 µs an
option or an attribute loop, Python a few. crispy-bootstrap5 wrote the same markup before at
several times the cost: 12 of the editor's 38 ms (its 30-topic picker 6.6 ms), a third of a search
page's Python.
"""
from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

WIDGETS = "django/forms/widgets/"
# Django's templates that are only {% include "django/forms/widgets/input.html" %}.
_INPUTS = {f"{WIDGETS}{name}.html" for name in (
    "checkbox", "color", "date", "datetime", "email", "file", "hidden", "number", "password", "search", "tel",
    "text", "time", "url")}
_TEXTAREA = f"{WIDGETS}textarea.html"
_SELECT, _SELECT_OPTION = f"{WIDGETS}select.html", f"{WIDGETS}select_option.html"
_CHOICE_GROUPS = {f"{WIDGETS}radio.html": f"{WIDGETS}radio_option.html",
                  f"{WIDGETS}checkbox_select.html": f"{WIDGETS}checkbox_option.html"}
WRITTEN_IN_PYTHON = {*_INPUTS, _TEXTAREA, _SELECT, _SELECT_OPTION, *_CHOICE_GROUPS, *_CHOICE_GROUPS.values()}


def bootstrap_class(widget: forms.Widget) -> str:
    """The class Bootstrap styles ``widget`` by ("" for hidden inputs)."""
    if widget.is_hidden:
        return ""
    if isinstance(widget, (forms.CheckboxInput, forms.RadioSelect)):  # RadioSelect: CheckboxSelectMultiple too
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


class BootstrapBoundField(BoundField):
    @property
    def is_checkbox(self) -> bool:
        return isinstance(self.field.widget, forms.CheckboxInput)

    def build_widget_attrs(self, attrs, widget=None):
        widget = widget or self.field.widget
        attrs = super().build_widget_attrs(attrs, widget)
        css = bootstrap_class(widget)
        if css:
            own = attrs.get("class", widget.attrs.get("class"))  # as_widget's attrs win over the widget's, as in Django
            attrs["class"] = " ".join(filter(None, (own, css, "is-invalid" if self.errors else "")))
        return attrs

    def as_field_group(self):
        """``field_html``, unless the field names a template of its own."""
        return super().as_field_group() if self.field.template_name else SafeString(field_html(self))


class FormRenderer(TemplatesSetting):
    """Django's template renderer (the project's templates first) with Bootstrap's form and field layout."""

    form_template_name = "forms/form.html"
    bound_field_class = BootstrapBoundField

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if template_name in _INPUTS:
            return input_html(widget)
        if template_name == _TEXTAREA:
            return textarea_html(widget)
        if template_name == _SELECT and _options_use(widget, _SELECT_OPTION):
            return select_html(widget)
        if template_name in _CHOICE_GROUPS and _options_use(widget, _CHOICE_GROUPS[template_name]):
            return choice_group_html(widget)
        return super().render(template_name, context, request)


def _options_use(widget, template_name) -> bool:
    return all(option["template_name"] == template_name for _, options, _ in widget["optgroups"] for option in options)


def _attrs(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html writes them."""
    return "".join(f" {conditional_escape(name)}" if value is True else
                   f' {conditional_escape(name)}="{conditional_escape(value)}"'
                   for name, value in attrs.items() if value is not False)


def input_html(widget: dict) -> str:
    """What Django's input.html writes."""
    value = "" if widget["value"] is None else f' value="{conditional_escape(widget["value"])}"'
    return f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"{value}' \
           f'{_attrs(widget["attrs"])}>'


def textarea_html(widget: dict) -> str:
    """What Django's textarea.html writes."""
    return f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n' \
           f'{conditional_escape(widget["value"]) if widget["value"] else ""}</textarea>'


def select_html(widget: dict) -> str:
    """What Django's select.html and select_option.html write."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        parts.extend(f'\n  <option value="{conditional_escape(option["value"])}"{_attrs(option["attrs"])}>'
                     f'{conditional_escape(option["label"])}</option>\n' for option in options)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def choice_group_html(widget: dict) -> str:
    """Radio buttons or checkboxes, each in Bootstrap's ``form-check`` with its label."""
    container = widget["attrs"].get("id")
    parts = [f'<div id="{conditional_escape(container)}">' if container else "<div>"]
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'<div class="form-text">{conditional_escape(group_name)}</div>')
        for option in options:
            value = "" if option["value"] is None else f' value="{conditional_escape(option["value"])}"'
            for_id = option["attrs"].get("id")
            label_for = f' for="{conditional_escape(for_id)}"' if for_id else ""
            parts.append(f'<div class="form-check"><input type="{option["type"]}" name="{conditional_escape(option["name"])}"'
                         f'{value}{_attrs(option["attrs"])}> <label{label_for} class="form-check-label">'
                         f'{conditional_escape(option["label"])}</label></div>')
    parts.append("</div>")
    return "".join(parts)


def field_html(field: BootstrapBoundField) -> str:
    """One field in Bootstrap 5's markup: label (or a fieldset's legend), widget, errors, help text."""
    if field.is_hidden:
        return str(field)
    auto_id = conditional_escape(field.auto_id)
    required = '<span class="asteriskField">*</span>' if field.field.required else ""
    label = conditional_escape(field.label)
    if field.is_checkbox:
        parts = [f'<div id="div_{auto_id}" class="form-check mb-3">\n{field} <label for="'
                 f'{conditional_escape(field.id_for_label)}" class="form-check-label">{label}{required}</label>\n']
    elif field.use_fieldset:
        described = field.aria_describedby
        described = f' aria-describedby="{conditional_escape(described)}"' if described else ""
        parts = [f'<div id="div_{auto_id}" class="mb-3">\n<fieldset{described}>\n'
                 f'  <legend class="form-label fs-6">{label}{required}</legend>\n  {field}\n</fieldset>\n']
    else:
        parts = [f'<div id="div_{auto_id}" class="mb-3">\n']
        if field.label:
            parts.append(f'<label for="{conditional_escape(field.id_for_label)}" class="form-label">{label}{required}'
                         '</label>\n')
        parts.append(f"{field}\n")
    if field.errors:
        parts.append(f'<div id="{auto_id}_error" class="invalid-feedback d-block">')
        parts.extend(f'<p class="mb-0"><strong>{conditional_escape(error)}</strong></p>' for error in field.errors)
        parts.append("</div>\n")
    if field.help_text:
        help_id = f' id="{auto_id}_helptext"' if field.auto_id else ""
        parts.append(f'<div{help_id} class="form-text">{field.help_text}</div>\n')
    parts.append("</div>")
    return "".join(parts)
