from django.urls import path

from resolutions.precedents import views

app_name = "resolutions"

urlpatterns = [
    path("", views.precedent_list, name="precedent_list"),
    path("import/", views.precedent_import, name="precedent_import"),
    path("import/proxy/", views.proxy_import_upload, name="proxy_import"),
    path("import/proxy/<int:pk>/", views.proxy_import_review, name="proxy_import_review"),
    path("<int:pk>/", views.precedent_detail, name="precedent_detail"),
]
