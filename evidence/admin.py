from django import forms
from django.contrib import admin, messages

from config.private_files_admin import PrivateFileAdminMixin

from .models import Snippet, Source
from .selectors import drafts_citing
from .services import snippet_refresh_search, snippet_verify
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
class SourceAdmin(PrivateFileAdminMixin, admin.ModelAdmin):
    form = SourceAdminForm
    private_file_field = "text_file"
    list_display = ["title", "kind", "publisher", "published", "url", "added_by"]
    list_filter = ["kind", "published"]
    search_fields = ["title", "publisher", "url"]
    date_hierarchy = "published"
    readonly_fields = ["stored_file", "added_by", "created_at"]
    inlines = [SnippetInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for snippet in form.instance.snippets.all():
            snippet_refresh_search(snippet=snippet)


@admin.register(Snippet)
class SnippetAdmin(admin.ModelAdmin):
    list_display = ["__str__", "source", "pinpoint", "added_by", "verified_at"]
    list_filter = ["topics", "source__kind", ("verified_at", admin.EmptyFieldListFilter)]
    search_fields = ["quote", "paraphrase", "source__title", "source__publisher"]
    autocomplete_fields = ["source", "topics", "companies"]
    readonly_fields = ["added_by", "verified_by", "verified_at", "created_at", "updated_at"]
    actions = ["mark_verified"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        snippet_refresh_search(snippet=form.instance)

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
