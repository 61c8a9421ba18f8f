"""Thin views over the evidence selectors and services. Login is required globally."""
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.csv_export import csv_response

from . import selectors, services
from .forms import CaptureForm, EvidenceSearchForm, ImportForm, SnippetForm, SnippetFormSet, SourceForm
from .freshness import age_label, is_stale
from .interchange import to_csl_json
from .models import Snippet, Source

PAGE_SIZE = 20
CSV_COLUMNS = [
    "snippet id", "quote", "pinpoint", "paraphrase", "topics", "companies", "source title", "source kind",
    "publisher", "publication date", "url", "footnote (Chicago)", "age", "stale", "added by", "verified by",
    "verified at",
]


@require_GET
def evidence_index(request):
    form = EvidenceSearchForm(request.GET or None)
    filters = _search_filters(form)
    page = Paginator(selectors.snippet_search(**filters), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.annotate_snippets(page.object_list, user=request.user, today=timezone.localdate())
    query_string = request.GET.copy()
    query_string.pop("page", None)
    template = "evidence/_snippet_results.html" if request.htmx else "evidence/index.html"
    return render(request, template, {
        "form": form, "page": page, "query": filters["query"], "filtered": any(filters.values()),
        "query_string": query_string.urlencode(), "csv_max_rows": settings.EVIDENCE_CSV_MAX_ROWS,
    })


def _search_filters(form: EvidenceSearchForm) -> dict:
    data = form.cleaned_data if form.is_valid() else {}
    return {
        "query": data.get("q", ""), "topic": data.get("topic"), "company": data.get("company"),
        "kind": data.get("kind", ""), "published_from": data.get("published_from"),
        "published_to": data.get("published_to"),
    }


@require_GET
def source_detail(request, pk):
    return _source_page(request, get_object_or_404(Source, pk=pk), CaptureForm())


def _source_page(request, source: Source, capture_form: CaptureForm, *, status=200):
    today = timezone.localdate()
    return render(request, "evidence/source_detail.html", {
        **_snippets_context(request, source),
        "capture_form": capture_form,
        "citations": selectors.source_citations(source, request.user),
        "age": age_label(source.published, today),
        "stale": is_stale(published=source.published, text="", today=today,
                          max_age_years=settings.EVIDENCE_STALE_AFTER_YEARS),
        "can_edit_source": source.can_edit(request.user),
    }, status=status)


def _snippets_context(request, source: Source) -> dict:
    snippets = selectors.annotate_snippets(
        selectors.source_snippets(source), user=request.user, today=timezone.localdate(), footnotes=True
    )
    return {"source": source, "snippets": snippets}


@require_http_methods(["GET", "POST"])
def source_new(request):
    form = SourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            source = services.source_create(user=request.user, **form.source_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"“{source.title}” was added to the evidence library.")
            return redirect(source)
    return render(request, "evidence/source_form.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def source_edit(request, pk):
    source = get_object_or_404(Source, pk=pk)
    if not source.can_edit(request.user):
        raise PermissionDenied("Only the person who added this source, or a curator, can change it.")
    form = SourceForm.for_source(source, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            source = services.source_update(user=request.user, source=source, **form.source_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"“{source.title}” was updated.")
            return redirect(source)
    return render(request, "evidence/source_form.html", {"form": form, "source": source},
                  status=400 if form.errors else 200)


@require_POST
def snippet_capture(request, pk):
    """Save a passage selected in the stored text. htmx gets the form back
    (with its message) and the refreshed snippet list out of band."""
    source = get_object_or_404(Source, pk=pk)
    form = CaptureForm(request.POST)
    saved = None
    if form.is_valid():
        try:
            saved = services.snippet_capture(user=request.user, source=source, quote=form.cleaned_data["quote"])
        except ValidationError as error:
            form.add_error("quote", error)
    if request.htmx:
        context = {"source": source, "capture_form": CaptureForm() if saved else form, "saved": saved}
        if saved:
            context.update(_snippets_context(request, source))
        return render(request, "evidence/_capture_response.html", context, status=200 if saved else 400)
    if saved:
        where = f" at {saved.pinpoint}" if saved.pinpoint else ""
        messages.success(request, f"Snippet saved{where}.")
        return redirect(saved)
    return _source_page(request, source, form, status=400)


@require_http_methods(["GET", "POST"])
def snippet_new(request):
    """A source and up to five snippets in one form; with ?source=<id>, snippets for that source."""
    source = get_object_or_404(Source, pk=request.GET["source"]) if request.GET.get("source", "").isdigit() else None
    source_form = None if source else SourceForm(request.POST or None, request.FILES or None)
    problems = []
    if source is not None:
        text = source.full_text
    elif request.method == "POST" and source_form.is_valid():
        text = source_form.cleaned_data["full_text"]
    else:
        text = ""
    formset = SnippetFormSet(request.POST or None, prefix="snippets", form_kwargs={"source_text": text})
    if request.method == "POST" and (source is not None or source_form.is_valid()) and formset.is_valid():
        try:
            if source is not None:
                services.snippets_create(user=request.user, source=source, snippets=formset.snippet_fields())
            else:
                source = services.source_create_with_snippets(
                    user=request.user, snippets=formset.snippet_fields(), **source_form.source_fields()
                )
        except ValidationError as error:
            if source_form is not None:
                source_form.add_error(None, error)
            else:
                problems = error.messages
        else:
            count = len(formset.snippet_fields())
            messages.success(request, f"Saved {count} snippet{'s' if count != 1 else ''} of “{source.title}”.")
            return redirect(source)
    return render(request, "evidence/snippet_new.html", {
        "source": source, "source_form": source_form, "formset": formset, "problems": problems,
    }, status=400 if request.method == "POST" else 200)


def _editable_snippet(request, pk) -> Snippet:
    snippet = get_object_or_404(Snippet.objects.select_related("source"), pk=pk)
    if not snippet.can_edit(request.user):
        raise PermissionDenied("Only the person who added this snippet, or a curator, can change or delete it.")
    return snippet


@require_http_methods(["GET", "POST"])
def snippet_edit(request, pk):
    snippet = _editable_snippet(request, pk)
    form = SnippetForm.for_snippet(snippet, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            snippet = services.snippet_update(user=request.user, snippet=snippet, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The snippet was updated.")
            return redirect(snippet)
    return render(request, "evidence/snippet_form.html", {"form": form, "snippet": snippet},
                  status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def snippet_delete(request, pk):
    snippet = _editable_snippet(request, pk)
    problems = []
    if request.method == "POST":
        try:
            services.snippet_delete(user=request.user, snippet=snippet)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(request, "The snippet was deleted.")
            return redirect(snippet.source)
    return render(request, "evidence/snippet_confirm_delete.html", {"snippet": snippet, "problems": problems},
                  status=400 if problems else 200)


@require_POST
def snippet_verify(request, pk):
    snippet = get_object_or_404(Snippet, pk=pk)
    services.snippet_verify(user=request.user, snippet=snippet)
    messages.success(request, "The snippet is marked as verified.")
    return redirect(snippet)


@require_http_methods(["GET", "POST"])
def sources_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = services.sources_import(
                user=request.user, data=form.cleaned_data["data"], filename=form.cleaned_data["file"].name
            )
        except ValidationError as error:
            form.add_error("file", error)
    return render(request, "evidence/sources_import.html", {"form": form, "report": report},
                  status=400 if form.errors else 200)


@require_GET
def export_csl(request):
    response = HttpResponse(to_csl_json(Source.objects.order_by("title", "pk")),
                            content_type="application/vnd.citationstyles.csl+json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="whereas-sources.json"'
    return response


@require_GET
def export_csv(request):
    """The snippets the search page shows for the same filters, one row each: refused, saying why, when
    a filter is not understood (the page would show the whole library) or more match than a CSV holds."""
    form = EvidenceSearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        problems = "; ".join(f"{form[name].label}: {' '.join(errors)}" for name, errors in form.errors.items())
        return HttpResponseBadRequest(f"Nothing was exported: {problems}", content_type="text/plain; charset=utf-8")
    matching = selectors.snippet_search(**_search_filters(form))
    count, limit = matching.count(), settings.EVIDENCE_CSV_MAX_ROWS
    if count > limit:
        return HttpResponseBadRequest(
            f"Nothing was exported: {count:,} snippets match, and one CSV holds at most {limit:,}. "
            "Add search words or filters (a topic, a company, a kind of source, dates), then download again.",
            content_type="text/plain; charset=utf-8")
    snippets = selectors.annotate_snippets(
        matching.select_related("added_by", "verified_by"),
        user=request.user, today=timezone.localdate(),
        footnotes=True,
    )
    return csv_response("whereas-snippets.csv", CSV_COLUMNS, (
        [s.pk, s.quote, s.pinpoint, s.paraphrase, "; ".join(s.topic_names), "; ".join(s.company_names), s.source.title, s.source.get_kind_display(),
         s.source.publisher, s.source.published or "", s.source.url, s.footnote, s.age, s.stale or "",
         s.added_by or "", s.verified_by or "", s.verified_at.isoformat() if s.verified_at else ""]
        for s in snippets
    ))
