"""Every form renders in Bootstrap 5's markup through Django's own form machinery.

``FormRenderer`` (settings.FORM_RENDERER) lays out label, widget, help text and errors with
templates/forms/form.html and field.html, and writes selects and radio/checkbox groups in Python;
``BootstrapBoundField`` gives each widget its Bootstrap class (and ``is-invalid``; Django links the
error's and the help text's ids in ``aria-describedby``, the templates write those ids). crispy-bootstrap5 wrote the same markup at several times
the cost: its templates took 12 of the editor's 38 ms (the 30-topic picker 6.6 ms) and a third of
a search page's Python; a template loop costs 40-70 µs an option, a Python one a few.
"""
from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape

_SELECT = "django/forms/widgets/select.html"
_SELECT_OPTION = "django/forms/widgets/select_option.html"
_CHOICE_GROUPS = {"django/forms/widgets/radio.html": "django/forms/widgets/radio_option.html",
                  "django/forms/widgets/checkbox_select.html": "django/forms/widgets/checkbox_option.html"}


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


class FormRenderer(TemplatesSetting):
    """Django's template renderer (the project's templates first) with Bootstrap's form and field layout."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = BootstrapBoundField

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
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
