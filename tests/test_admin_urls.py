"""The admin's URL fields: an address typed without its scheme is an https one (Django 5.2 assumes http).
Sources' addresses have the app's own rules in the admin too (tests/evidence/test_admin.py)."""
import pytest
from django import forms
from django.contrib import admin
from django.db import models
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def test_every_admin_url_field_takes_an_address_without_a_scheme_as_https(curator):
    request = RequestFactory().get("/admin/")
    request.user = curator
    checked = []
    for model, model_admin in admin.site._registry.items():
        url_fields = [f.name for f in model._meta.get_fields() if isinstance(f, models.URLField)]
        if not url_fields:
            continue
        form = model_admin.get_form(request)()
        for name in url_fields:
            if isinstance(form.fields.get(name), forms.URLField):
                assert form.fields[name].clean("www.sec.gov/x") == "https://www.sec.gov/x", (model, name)
                checked.append(f"{model._meta.label}.{name}")
    assert {"resolutions.Precedent.source_url", "accounts.Organization.website"} <= set(checked)
