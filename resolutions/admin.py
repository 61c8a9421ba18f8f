import json

from django.contrib import admin, messages
from django.db import models
from django.http import HttpResponse

from config.admin_delete import CountsOnlyDeleteMixin
from config.csv_export import csv_response
from config.private_files_admin import PrivateFileAdminMixin

from .models import Company, Precedent, PrecedentFiler, PrecedentFootnote, PrecedentPart, Topic
from resolutions.precedents.services import precedent_refresh_search, precedent_structure
from resolutions.notifications import admin as notifications_admin  # noqa: F401 (registers its read-only pages)


@admin.register(Company)
class CompanyAdmin(CountsOnlyDeleteMixin, admin.ModelAdmin):
    list_display = ["name", "ticker", "verified", "state_of_incorporation", "texas_opt_in", "prior_proxy_date",
                    "stated_deadline"]
    list_filter = ["verified", "texas_opt_in", "exchange"]
    search_fields = ["name", "ticker", "cik"]
    actions = ["mark_verified"]

    @admin.action(description="Mark as verified (details checked)")
    def mark_verified(self, request, queryset):
        count = queryset.verify()
        messages.success(request, f"{count} compan{'y' if count == 1 else 'ies'} marked verified.")


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PartInline(admin.StackedInline):
    model = PrecedentPart
    extra = 0
    fields = ["position", "kind", "text"]


class FootnoteInline(admin.TabularInline):
    model = PrecedentFootnote
    extra = 0


class FilerInline(admin.TabularInline):
    model = PrecedentFiler
    extra = 0


@admin.register(Precedent)
class PrecedentAdmin(PrivateFileAdminMixin, admin.ModelAdmin):
    private_file_field = "source_file"
    # "www.sec.gov/…" typed without a scheme is an https address, as in the import review's form.
    formfield_overrides = {**PrivateFileAdminMixin.formfield_overrides, models.URLField: {"assume_scheme": "https"}}
    change_list_template = "admin/resolutions/precedent/change_list.html"
    list_display = ["title", "company", "meeting_year", "outcome", "support_percent", "curated"]
    list_filter = ["curated", "outcome", "meeting_year", "topics", "company"]
    search_fields = ["title", "company__name", "search_document"]
    autocomplete_fields = ["company"]
    filter_horizontal = ["topics"]
    readonly_fields = ["stored_file", "source_sha256", "import_warnings", "created_at", "updated_at", "created_by"]
    inlines = [PartInline, FootnoteInline, FilerInline]
    actions = ["mark_curated", "export_csv", "export_json"]
    fieldsets = (
        (None, {"fields": ("company", "meeting_year", "title", "topics", "resolved_first")}),
        ("Outcome", {"fields": ("outcome", "support_percent")}),
        ("Source", {"fields": ("source_url", "source_file", "stored_file", "source_text", "source_sha256", "import_warnings")}),
        ("Curation", {"fields": ("curated", "curator_notes", "created_by", "created_at", "updated_at")}),
    )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        precedent_refresh_search(precedent=form.instance)

    @admin.action(description="Mark selected precedents as curated")
    def mark_curated(self, request, queryset):
        count = queryset.mark_curated()
        self.message_user(request, f"{count} precedent(s) marked as curated.", messages.SUCCESS)

    @admin.action(description="Export selected precedents as CSV")
    def export_csv(self, request, queryset):
        header = ["id", "company", "meeting_year", "title", "outcome", "support_percent", "curated", "lead_filer",
                  "topics", "source_url"]
        return csv_response("precedents.csv", header, (
            [p.pk, p.company.name, p.meeting_year, p.title, p.outcome, p.support_percent, p.curated,
             p.lead_filer or "", "; ".join(t.name for t in p.topics.all()), p.source_url]
            for p in queryset.select_related("company").prefetch_related("filers", "topics")
        ))

    @admin.action(description="Export selected precedents as JSON")
    def export_json(self, request, queryset):
        rows = []
        for p in queryset.select_related("company").prefetch_related("parts__calls", "footnotes", "filers", "topics"):
            rows.append({
                "id": p.pk, "company": p.company.name, "meeting_year": p.meeting_year, "outcome": p.outcome,
                "support_percent": str(p.support_percent) if p.support_percent is not None else None,
                "topics": [t.name for t in p.topics.all()], **precedent_structure(p),
            })
        response = HttpResponse(json.dumps(rows, indent=2, ensure_ascii=False), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="precedents.json"'
        return response


