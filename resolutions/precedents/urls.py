from django.urls import path

from resolutions.precedents import views

app_name = "resolutions"

urlpatterns = [
    path("", views.precedent_list, name="precedent_list"),
    path("import/", views.precedent_import, name="precedent_import"),
    path("<int:pk>/", views.precedent_detail, name="precedent_detail"),
]
