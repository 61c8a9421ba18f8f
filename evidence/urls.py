from django.urls import path

from . import views

app_name = "evidence"

urlpatterns = [
    path("", views.evidence_index, name="index"),
    path("sources/<int:pk>/", views.source_detail, name="source_detail"),
]
