from django.urls import include, path

from resolutions.drafts import views

app_name = "drafts"

urlpatterns = [
    path("", views.draft_list, name="list"),
    path("new/", views.draft_new, name="new"),
    path("companies/", views.company_suggest, name="company_suggest"),
    path("<int:pk>/", views.draft_editor, name="editor"),
    path("<int:pk>/settings/", views.draft_settings, name="settings"),
    path("<int:pk>/clauses/", views.clause_add, name="clause_add"),
    path("<int:pk>/clauses/order/", views.clause_reorder, name="clause_reorder"),
    path("<int:pk>/clauses/<int:clause_id>/", views.clause_save, name="clause_save"),
    path("<int:pk>/clauses/<int:clause_id>/delete/", views.clause_delete, name="clause_delete"),
    path("<int:pk>/clauses/<int:clause_id>/move/", views.clause_move, name="clause_move"),
    path("<int:pk>/cite/", views.cite_picker, name="cite_picker"),
    path("<int:pk>/notes/", views.note_add, name="note_add"),
    path("<int:pk>/preview/", views.preview, name="preview"),
    path("<int:pk>/versions/", views.version_list, name="version_list"),
    path("<int:pk>/versions/save/", views.version_save, name="version_save"),
    path("<int:pk>/versions/<int:number>/", views.version_detail, name="version_detail"),
    path("<int:pk>/versions/<int:number>/restore/", views.version_restore, name="version_restore"),
    path("<int:pk>/redline/", views.redline, name="redline"),
]

# Co-filing and filing pages live under a draft's URL too, in the same "drafts" namespace.
urlpatterns += [
    path("", include("resolutions.cofiling.urls")),
    path("", include("resolutions.filing.urls")),
    path("", include("resolutions.filing.record.urls")),
]
