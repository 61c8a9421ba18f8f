from django import forms

from .models import Kind, deliveries_for, default_delivery


class PreferencesForm(forms.Form):
    """One choice per kind of notification: an email at once, in the daily digest, or none."""

    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label, choices=deliveries_for(kind), widget=forms.RadioSelect,
                initial=current.get(kind.value, default_delivery(kind)))
