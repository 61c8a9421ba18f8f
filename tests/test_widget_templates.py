"""The project's copies of Django's widget templates (templates/django/forms/widgets/) are
written for speed and must render exactly what Django's own templates render."""
from django import forms
from django.forms.renderers import DjangoTemplates, TemplatesSetting

from resolutions.precedents.forms import PrecedentSearchForm


class Choices(forms.Form):
    plain = forms.ChoiceField(choices=[("", "Any"), ("x", 'X "quoted" <b>'), (3, "three")], initial=3)
    grouped = forms.ChoiceField(choices=[("Group", [("1", "one"), ("2", "two")]), ("3", "three")], initial="2")
    many = forms.MultipleChoiceField(choices=[("1", "one"), ("2", "two"), ("3", "three")], initial=["1", "3"])
    maybe = forms.NullBooleanField()


def _rendered(form, renderer):
    form.renderer = renderer
    return {name: form[name].as_widget() for name in form.fields}


def test_select_renders_as_djangos_own(db):
    for form in (Choices(), Choices({"plain": "x", "many": ["2"]}), PrecedentSearchForm({"outcome": "voted"})):
        ours = _rendered(form, TemplatesSetting())
        assert ours == _rendered(form, DjangoTemplates())
        assert "<option" in "".join(ours.values())
