from django.contrib import admin
from django.urls import include, path

from config.health import health
from resolutions.drafts import views as draft_views
from resolutions.cofiling import views as views_cofilers
from resolutions.filing.views import documents as filing_documents

admin.site.site_header = "Whereas — curator's workbench"
admin.site.site_title = "Whereas admin"

urlpatterns = [
    path("", draft_views.dashboard, name="home"),
    path("accounts/", include("accounts.auth_urls")),
    path("invite/<str:token>/", views_cofilers.invitation_accept, name="invitation_accept"),
    path("authorize/<str:token>/", filing_documents.authorization_sign, name="authorization_sign"),
    path("organizations/", include("accounts.urls")),
    path("precedents/", include("resolutions.precedents.urls")),
    path("evidence/", include("evidence.urls")),
    path("drafts/", include("resolutions.drafts.urls")),
    path("calendar/", include("resolutions.filing.record.calendar_urls")),
    path("notifications/", include("resolutions.notifications.urls")),
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
]
# No route serves MEDIA_URL, DEBUG or not: every stored file is private (config/private_files.py).
handler500 = "config.errors.server_error"
