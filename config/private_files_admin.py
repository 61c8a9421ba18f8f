"""The admin's way to private files: a download link through the admin's own permission check,
never the storage URL (which nothing serves)."""
import os

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.forms import ClearableFileInput
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html

from .private_files import private_file_response


class PrivateFileInput(ClearableFileInput):
    """The file input without the link to the file's storage URL."""

    template_name = "admin/widgets/private_file_input.html"


class PrivateFileAdminMixin:
    """For a ModelAdmin whose model has private FileFields: ``stored_file`` links to a checked download."""

    private_file_field = "file"
    formfield_overrides = {models.FileField: {"widget": PrivateFileInput}}

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [path("<path:object_id>/file/", self.admin_site.admin_view(self.private_file_view),
                     name="%s_%s_file" % info), *super().get_urls()]

    def private_file_view(self, request, object_id):
        obj = self.get_object(request, object_id)
        if obj is None or not getattr(obj, self.private_file_field):
            raise Http404("No such file.")
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        file = getattr(obj, self.private_file_field)
        return private_file_response(file, filename=os.path.basename(file.name), inline=False)

    @admin.display(description="stored file")
    def stored_file(self, obj):
        file = getattr(obj, self.private_file_field) if obj else None
        if not file:
            return "—"
        url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_file", args=[obj.pk])
        return format_html('<a href="{}">Download {}</a>', url, os.path.basename(file.name))
