from django.urls import path

from . import views

app_name = "evidence"

urlpatterns = [
    path("", views.evidence_index, name="index"),
    path("sources/new/", views.source_new, name="source_new"),
    path("sources/<int:pk>/", views.source_detail, name="source_detail"),
    path("sources/<int:pk>/edit/", views.source_edit, name="source_edit"),
    path("sources/<int:pk>/capture/", views.snippet_capture, name="snippet_capture"),
    path("snippets/new/", views.snippet_new, name="snippet_new"),
    path("snippets/<int:pk>/edit/", views.snippet_edit, name="snippet_edit"),
    path("snippets/<int:pk>/delete/", views.snippet_delete, name="snippet_delete"),
    path("snippets/<int:pk>/verify/", views.snippet_verify, name="snippet_verify"),
    path("import/", views.sources_import, name="sources_import"),
    path("export/sources.json", views.export_csl, name="export_csl"),
    path("export/snippets.csv", views.export_csv, name="export_csv"),
]
