from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models

from config.admin_delete import CountsOnlyDeleteMixin

from .models import MembershipEvent, Organization, User
from .services import membership_change_by_curator


class MembershipEventInline(admin.TabularInline):
    model = MembershipEvent
    fields = ["created_at", "verb", "member_email", "actor", "detail"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = "membership trail"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Organization)
class OrganizationAdmin(CountsOnlyDeleteMixin, admin.ModelAdmin):
    list_display = ["legal_name", "kind", "website"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # a website typed without its scheme
    list_filter = ["kind"]
    search_fields = ["legal_name"]
    inlines = [MembershipEventInline]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "organization", "is_staff"]
    list_filter = ["is_staff", "is_active", "organization"]
    search_fields = ["email", "first_name", "last_name", "organization__legal_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Person", {"fields": ("first_name", "last_name", "job_title", "phone", "organization")}),
        ("Roles", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "organization", "password1", "password2")}),
    )
    autocomplete_fields = ["organization"]

    def save_model(self, request, obj, form, change):
        """A curator's change of someone's organization goes in both organizations' trails."""
        old_organization_id = form.initial.get("organization") if change else None
        super().save_model(request, obj, form, change)
        membership_change_by_curator(member=obj, old_organization_id=old_organization_id, curator=request.user)
