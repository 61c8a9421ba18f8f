from django.contrib import admin
from django.urls import include, path

from config.health import health
from resolutions import views as resolution_views
from resolutions import views_cofilers

admin.site.site_header = "Whereas — curator's workbench"
admin.site.site_title = "Whereas admin"

urlpatterns = [
    path("", resolution_views.dashboard, name="home"),
    path("accounts/", include("accounts.auth_urls")),
    path("invite/<str:token>/", views_cofilers.invitation_accept, name="invitation_accept"),
    path("organizations/", include("accounts.urls")),
    path("precedents/", include("resolutions.urls_precedents")),
    path("evidence/", include("evidence.urls")),
    path("drafts/", include("resolutions.urls_drafts")),
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
]
# No route serves MEDIA_URL, DEBUG or not: every stored file is private (config/private_files.py).
handler500 = "config.errors.server_error"
