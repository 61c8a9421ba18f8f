from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from config.private_files_admin import PrivateFileAdminMixin

from .models import Snippet, Source
from .selectors import drafts_citing
from .services import (
    SOURCE_FIELDS,
    snippet_create,
    snippet_quote_checked,
    snippet_update,
    snippet_verify,
    source_create,
    source_update,
)
from .weburls import normalize_url, validate_web_url


class SourceAdminForm(forms.ModelForm):
    """The same URL rules as the app: web addresses only, stored normalized."""

    url = forms.CharField(label="URL", max_length=1000, required=False)
    archived_url = forms.CharField(label="Archived URL", max_length=1000, required=False)

    class Meta:
        model = Source
        fields = "__all__"

    def clean_url(self):
        url = self.cleaned_data["url"]
        return normalize_url(self._web_url(url)) if url else url

    def clean_archived_url(self):
        url = self.cleaned_data["archived_url"]
        return self._web_url(url) if url else url

    @staticmethod
    def _web_url(url):
        try:
            return validate_web_url(url)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


class SnippetAdminForm(forms.ModelForm):
    """The app's rules for a quote: in the source's stored text, and one snippet a passage."""

    class Meta:
        model = Snippet
        fields = "__all__"

    def clean(self):
        data = super().clean()
        source = self.instance.source if self.instance.pk else data.get("source")
        if source is not None and data.get("quote"):
            try:
                snippet_quote_checked(source=source, quote=data["quote"], snippet=self.instance)
            except ValidationError as error:
                self.add_error("quote", error)
        return data


class ThroughServicesAdmin(admin.ModelAdmin):
    """Saves through the app's services (``write``), which set the many-to-many fields too."""

    def write(self, request, obj, form, change):
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        obj.pk = self.write(request, obj, form, change).pk
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


class SnippetInline(admin.TabularInline):
    """Read-only list: snippets are changed on their own page, where deletion is guarded."""

    model = Snippet
    fields = ["quote", "pinpoint", "added_by", "verified_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Source)
class SourceAdmin(PrivateFileAdminMixin, ThroughServicesAdmin):
    form = SourceAdminForm
    private_file_field = "text_file"
    list_display = ["title", "kind", "publisher", "published", "url", "added_by"]
    list_filter = ["kind", "published"]
    search_fields = ["title", "publisher", "url"]
    date_hierarchy = "published"
    readonly_fields = ["stored_file", "added_by", "created_at"]
    inlines = [SnippetInline]

    def write(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {name: data[name] for name in SOURCE_FIELDS if name in data}
        upload = data.get("text_file")
        upload = upload if upload is False or isinstance(upload, UploadedFile) else None
        if change:
            return source_update(user=request.user, source=obj, text_file=upload, **fields)
        return source_create(user=request.user, text_file=upload, **fields)


@admin.register(Snippet)
class SnippetAdmin(ThroughServicesAdmin):
    form = SnippetAdminForm
    list_display = ["__str__", "source", "pinpoint", "added_by", "verified_at"]
    list_filter = ["topics", "source__kind", ("verified_at", admin.EmptyFieldListFilter)]
    search_fields = ["quote", "paraphrase", "source__title", "source__publisher"]
    autocomplete_fields = ["source", "topics", "companies"]
    readonly_fields = ["added_by", "verified_by", "verified_at", "created_at", "updated_at"]
    actions = ["mark_verified"]

    def get_readonly_fields(self, request, obj=None):
        """A snippet stays with its source (drafts cite it as that source's words)."""
        return [*self.readonly_fields, "source"] if obj else self.readonly_fields

    def write(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {name: data[name] for name in ("quote", "pinpoint", "paraphrase", "topics", "companies")}
        if change:
            return snippet_update(user=request.user, snippet=obj, **fields)
        return snippet_create(user=request.user, source=data["source"], **fields)

    def has_delete_permission(self, request, obj=None):
        """A snippet a draft cites cannot be deleted here either."""
        if obj is not None and drafts_citing([obj.pk]).exists():
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # bulk deletion would skip the citation check
        return actions

    @admin.action(description="Mark the selected snippets as verified")
    def mark_verified(self, request, queryset):
        for snippet in queryset:
            snippet_verify(user=request.user, snippet=snippet)
        messages.success(request, f"{queryset.count()} snippet(s) marked as verified.")
