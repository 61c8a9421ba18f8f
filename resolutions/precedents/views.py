from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRefresh

from accounts.permissions import curator_required
from config.uploads import upload_limit

from resolutions import rule14a8
from resolutions.precedents import selectors
from .forms import ImportReviewForm, ImportUploadForm, PrecedentSearchForm, ProxySaveForm, ProxyUploadForm
from .importer import parse_resolution
from .tasks import read_proxy_statement
from resolutions.models import Company, Precedent, ProxyImport
from resolutions.precedents.import_review import structure_to_text, text_to_structure
from resolutions.precedents.services import (
    PrecedentFields, precedent_save_import, proxy_import_save, proxy_import_start, source_fingerprint,
)

PAGE_SIZE = 20


def precedent_list(request):
    form = PrecedentSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    precedents = selectors.precedent_search(
        query=filters.get("q", ""),
        company=filters.get("company"),
        year_from=filters.get("year_from"),
        year_to=filters.get("year_to"),
        topic=filters.get("topic"),
        outcome=filters.get("outcome", ""),
        organization=filters.get("organization", ""),
    )
    page = Paginator(precedents, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_topic_names(page.object_list)
    query_string = request.GET.copy()
    query_string.pop("page", None)
    template = "precedents/_precedent_results.html" if request.htmx else "precedents/precedent_list.html"
    return render(request, template, {
        "form": form, "page": page, "query": filters.get("q", ""), "query_string": query_string.urlencode(),
    })


def precedent_detail(request, pk):
    try:
        precedent = selectors.precedent_for_display(pk)
    except Precedent.DoesNotExist as error:
        raise Http404("No such precedent.") from error
    history = list(selectors.precedent_history(precedent))
    # A resubmission is for a meeting after this precedent's own (a vote just added counts).
    meeting_year = max(rule14a8.upcoming_meeting_year(timezone.localdate()), precedent.meeting_year + 1)
    resubmission = rule14a8.resubmission_check(
        prior_votes=[p.prior_vote for p in [precedent, *history] if p.meeting_year < meeting_year],
        meeting_year=meeting_year,
    )
    return render(request, "precedents/precedent_detail.html", {
        "precedent": precedent, "history": history, "resubmission": resubmission,
        "resolved_parts": precedent.parts_of("resolved"), "whereas_parts": precedent.parts_of("whereas"),
        "supporting_parts": precedent.parts_of("supporting"),
    })


@curator_required
@require_http_methods(["GET", "POST"])
def precedent_import(request):
    """Upload → review (nothing saved) → save. The review form carries the source text back."""
    if request.method == "POST" and request.POST.get("step") == "review":
        return _import_save(request)
    upload = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and upload.is_valid():
        source_text = upload.cleaned_data["source_text"]
        parsed = parse_resolution(source_text, filename=upload.cleaned_data["filename"])
        structure = parsed.as_dict()
        structure["calls"] = parsed.calls_with_offsets()
        existing = selectors.precedent_matching_source(fingerprint=source_fingerprint(source_text))
        initial = {
            **structure_to_text(structure),
            "title": structure["title"],
            "resolved_first": parsed.resolved_first,
            "source_text": source_text,
            "filename": upload.cleaned_data["filename"],
        }
        if existing:
            initial.update(company=existing.company, meeting_year=existing.meeting_year,
                           outcome=existing.outcome, support_percent=existing.support_percent,
                           source_url=existing.source_url, topics=list(existing.topics.all()))
        review = ImportReviewForm(initial=initial, existing=existing)
        return render(request, "precedents/precedent_import_review.html", {
            "form": review, "warnings": structure["warnings"], "source_text": source_text, "existing": existing,
        })
    return render(request, "precedents/precedent_import.html", {"form": upload},
                  status=400 if request.method == "POST" else 200)


def _import_save(request):
    source_text = request.POST.get("source_text", "")
    existing = selectors.precedent_matching_source(fingerprint=source_fingerprint(source_text))
    form = ImportReviewForm(request.POST, existing=existing)
    if not form.is_valid():
        messages.error(request, "Nothing was saved: please correct the fields marked below.")
        return render(request, "precedents/precedent_import_review.html", {
            "form": form, "warnings": [], "source_text": source_text, "existing": existing,
        }, status=400)
    data = form.cleaned_data
    structure = text_to_structure(title=data["title"], texts=data)
    replace = existing if existing and data.get("replace") == existing.pk else None
    try:
        precedent = precedent_save_import(
            structure=structure,
            fields=PrecedentFields(
                company=data["company"] or data["new_company"], meeting_year=data["meeting_year"], title=data["title"], outcome=data["outcome"],
                support_percent=data["support_percent"], source_url=data["source_url"],
                curator_notes=data["curator_notes"], curated=data["curated"],
            ),
            source_text=source_text,
            topics=data["topics"],
            resolved_first=data["resolved_first"],
            user=request.user,
            existing=replace,
        )
    except ValidationError as error:
        form.add_error(None, error)
        messages.error(request, "Nothing was saved: " + " ".join(error.messages))
        return render(request, "precedents/precedent_import_review.html", {
            "form": form, "warnings": [], "source_text": source_text, "existing": existing,
        }, status=400)
    verb = "updated" if replace else "saved"
    messages.success(request, f"“{precedent.title}” was {verb} in the precedent library.")
    return redirect(precedent)


PROXY_PAGE_SIZE = 10


@upload_limit("MAX_PROXY_BYTES")
@curator_required
@require_http_methods(["GET", "POST"])
def proxy_import_upload(request):
    """Upload a whole proxy statement; it is read in the background and reviewed on its own page."""
    form = ProxyUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        proxy_import = proxy_import_start(upload=form.cleaned_data["file"], user=request.user)
        transaction.on_commit(partial(read_proxy_statement.delay, proxy_import.pk))
        return redirect(proxy_import)
    return render(request, "precedents/proxy_import.html", {"form": form}, status=400 if form.errors else 200)


@curator_required
@require_http_methods(["GET", "POST"])
def proxy_import_review(request, pk):
    """The reading's progress (polled by htmx), then every shareholder proposal found, to save one or all."""
    proxy_import = get_object_or_404(ProxyImport, pk=pk)
    if request.htmx:  # the status polled while reading; once read, the whole page
        if not proxy_import.is_reading:
            return HttpResponseClientRefresh()
        return render(request, "precedents/_proxy_import_status.html", {"proxy_import": proxy_import})
    if proxy_import.status != ProxyImport.Status.DONE:
        return render(request, "precedents/proxy_import_review.html", {"proxy_import": proxy_import})
    proposals = selectors.proxy_import_proposals(proxy_import)
    statement = proxy_import.statement
    if request.method == "POST":
        form = ProxySaveForm(request.POST, proposal_count=len(proposals))
        try:
            results = proxy_import_save(
                proxy_import=proxy_import, indexes=form.cleaned_data["save"], user=request.user,
                company_name=form.cleaned_data["company"], meeting_year=form.cleaned_data["meeting_year"],
            ) if form.is_valid() else None
        except ValidationError as error:
            form.add_error(None, error)
            results = None
        if results is not None:
            messages.success(request, _saved_message(results))
            return redirect(f"{proxy_import.get_absolute_url()}?page={request.GET.get('page', 1)}")
        messages.error(request, "Nothing was saved: " + (" ".join(form.non_field_errors())
                                                         or "please correct the fields marked below."))
    else:
        company = selectors.company_named(statement.get("company", ""))
        form = ProxySaveForm(proposal_count=len(proposals), initial={
            "company": company.name if company else statement.get("company", ""),
            "meeting_year": statement.get("meeting_year"),
        })
    page = Paginator(proposals, PROXY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "precedents/proxy_import_review.html", {
        "proxy_import": proxy_import, "statement": statement, "form": form, "page": page,
        "proposals": proposals, "companies": Company.objects.values_list("name", flat=True),
    }, status=400 if form.errors else 200)


def _saved_message(results) -> str:
    updated = sum(1 for _, was_updated in results if was_updated)
    if len(results) == 1:
        precedent, was_updated = results[0]
        return f"“{precedent.title}” was {'updated' if was_updated else 'saved'} in the precedent library."
    added = len(results) - updated
    return f"{added} proposal{'s' if added != 1 else ''} saved and {updated} updated in the precedent library."
