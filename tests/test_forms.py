"""config.forms: Bootstrap's markup from Django's own form machinery, widgets written in Python."""
from pathlib import Path

from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from config.forms import WIDGETS, WRITTEN_IN_PYTHON, BootstrapBoundField, FormRenderer
from resolutions.drafts.forms import DraftSettingsForm
from resolutions.precedents.forms import PrecedentSearchForm
from tests import factories


class Inputs(forms.Form):
    text = forms.CharField(initial='a "quoted" <b>', widget=forms.TextInput(attrs={"data-x": "1", "class": "js-x"}))
    safe = forms.CharField(initial=mark_safe("<i>kept</i>"))
    number = forms.IntegerField(initial=0, required=False, min_value=1)
    flag = forms.BooleanField(initial=True)
    off = forms.BooleanField(required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, initial="t")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), initial="line <one>\nline two")
    empty = forms.CharField(widget=forms.Textarea, required=False)
    upload = forms.FileField(required=False)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    mail = forms.EmailField(disabled=True, initial="a@example.org")


class Choices(forms.Form):
    plain = forms.ChoiceField(choices=[("", "Any"), ("x", 'X "quoted" <b>'), (3, "three")], initial=3)
    grouped = forms.ChoiceField(choices=[("Group <1>", [("1", "one"), ("2", "two")]), ("3", "three")], initial="2")
    many = forms.MultipleChoiceField(choices=[("1", "one"), ("2", mark_safe("<i>two</i>")), ("3", "three")],
                                     initial=["1", "3"])
    maybe = forms.NullBooleanField()
    sized = forms.ChoiceField(choices=[("a", "A")], widget=forms.Select(attrs={"size": 3, "data-x": 'a"b'}))


class DjangoOwnTemplates(DjangoTemplates):
    """Django's own widget templates, with the same attributes on the widgets."""

    bound_field_class = BootstrapBoundField


def _widgets(form):
    return {name: form[name].as_widget(attrs={"class": "k"}) for name in form.fields}


def test_inputs_and_textareas_render_as_djangos_own_templates():
    for data in (None, {"text": "typed & sent", "number": "-3", "notes": "x", "flag": "on"}):
        ours = _widgets(Inputs(data, renderer=FormRenderer()))
        assert ours == _widgets(Inputs(data, renderer=DjangoOwnTemplates()))
    assert 'value="a &quot;quoted&quot; &lt;b&gt;"' in _widgets(Inputs(renderer=FormRenderer()))["text"]


def test_no_project_template_overrides_a_widget_template_written_in_python():
    ours = Path(settings.BASE_DIR) / "templates" / WIDGETS
    assert not [name for name in WRITTEN_IN_PYTHON if (Path(settings.BASE_DIR) / "templates" / name).exists()], \
        f"{ours} overrides a template config.forms writes in Python: write it there instead"


def test_a_select_renders_as_djangos_own_templates(db):
    for data in (None, {"plain": "x", "many": ["2"], "grouped": "3"}):
        ours = _widgets(Choices(data, renderer=FormRenderer()))
        django_own = _widgets(Choices(data, renderer=DjangoOwnTemplates()))
        assert ours == django_own
    assert "<optgroup label=\"Group &lt;1&gt;\">" in ours["grouped"] and "<i>two</i>" in ours["many"]
    assert 'class="k form-select"' in ours["plain"]
    search = PrecedentSearchForm({"outcome": "voted"})
    assert _widgets(search) == _widgets(PrecedentSearchForm({"outcome": "voted"}, renderer=DjangoOwnTemplates()))


def test_fields_carry_bootstraps_classes_and_their_errors(db):
    form = PrecedentSearchForm({"year_from": "not a year", "q": "x"})
    assert not form.is_valid()
    html = str(form)
    assert 'placeholder="e.g. &quot;due diligence&quot; -climate" class="form-control" id="id_q"' in html
    assert 'class="form-select" id="id_topic"' in html
    assert ('aria-invalid="true" aria-describedby="id_year_from_error" class="form-control is-invalid"' in html
            and '<div id="id_year_from_error" class="invalid-feedback d-block">' in html)
    assert '<label for="id_company" class="form-label">Company</label>' in html
    assert 'aria-describedby="id_company_helptext"' in html and '<div id="id_company_helptext" class="form-text">' in html


def test_a_checkbox_group_is_a_fieldset_of_bootstrap_checks(lead):
    chosen, other = factories.topic("Climate"), factories.topic("Water <rights>")
    draft = factories.draft(lead)
    draft.topics.add(chosen)
    html = str(DraftSettingsForm(instance=draft))
    assert '<fieldset>\n  <legend class="form-label fs-6">Topics</legend>\n  <div id="id_topics"><div class="form-check">' in html
    assert (f'<input type="checkbox" name="topics" value="{chosen.pk}" class="form-check-input" id="id_topics_0" checked>'
            ' <label for="id_topics_0" class="form-check-label">Climate</label></div>') in html
    assert (f'value="{other.pk}" class="form-check-input" id="id_topics_1">'
            ' <label for="id_topics_1" class="form-check-label">Water &lt;rights&gt;</label>') in html
    assert '<div id="div_id_resolved_first" class="form-check mb-3">' in html


def test_a_required_field_is_marked_a_widgets_own_class_kept_and_hidden_fields_render_bare():
    class Signed(forms.Form):
        name = forms.CharField(widget=forms.TextInput(attrs={"class": "js-name"}))
        token = forms.CharField(widget=forms.HiddenInput, initial="t")

    html = str(Signed())
    assert 'class="js-name form-control"' in html
    assert '<label for="id_name" class="form-label">Name<span class="asteriskField">*</span></label>' in html
    assert '<input type="hidden" name="token" value="t" id="id_token">' in html
    assert "div_id_token" not in html


def test_each_field_is_laid_out_in_bootstraps_markup_exactly():
    class Laid(forms.Form):
        name = forms.CharField(label="Name <full>", help_text="As <em>filed</em>", max_length=3)
        agree = forms.BooleanField(label="I agree")
        bare = forms.CharField(label="", required=False)
        kinds = forms.MultipleChoiceField(choices=[("a", "A")], widget=forms.CheckboxSelectMultiple, required=False)

    form = Laid({"name": "too long", "bare": "x"})
    assert not form.is_valid()
    assert form["name"].as_field_group() == (
        '<div id="div_id_name" class="mb-3">\n'
        '<label for="id_name" class="form-label">Name &lt;full&gt;<span class="asteriskField">*</span></label>\n'
        f'{form["name"]}\n'
        '<div id="id_name_error" class="invalid-feedback d-block"><p class="mb-0"><strong>'
        'Ensure this value has at most 3 characters (it has 8).</strong></p></div>\n'
        '<div id="id_name_helptext" class="form-text">As <em>filed</em></div>\n</div>')
    assert form["agree"].as_field_group() == (
        f'<div id="div_id_agree" class="form-check mb-3">\n{form["agree"]} <label for="id_agree" '
        'class="form-check-label">I agree<span class="asteriskField">*</span></label>\n'
        '<div id="id_agree_error" class="invalid-feedback d-block"><p class="mb-0"><strong>'
        'This field is required.</strong></p></div>\n</div>')
    assert form["bare"].as_field_group() == f'<div id="div_id_bare" class="mb-3">\n{form["bare"]}\n</div>'
    assert form["kinds"].as_field_group() == (
        f'<div id="div_id_kinds" class="mb-3">\n<fieldset>\n  <legend class="form-label fs-6">Kinds</legend>\n'
        f'  {form["kinds"]}\n</fieldset>\n</div>')


def test_a_field_naming_its_own_template_keeps_it():
    class Own(forms.Form):
        name = forms.CharField(template_name="django/forms/field.html")

    assert str(Own()["name"].as_field_group()).startswith('<label for="id_name">Name:</label>')
