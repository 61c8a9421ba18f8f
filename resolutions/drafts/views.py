"""Draft views. Every one starts with ``get_draft_for``: a draft you may not see is a 404."""
import json
from collections import Counter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evidence.models import Snippet

from resolutions import rule14a8
from resolutions.drafts import selectors
from resolutions.drafts.gate import get_draft_for, get_version_for
from resolutions.drafts.models import Need
from resolutions.drafts.limits import draft_limits
from resolutions.drafts.rendering import CLAUSE_HTML
from resolutions.drafts.forms import ClauseForm, DraftCreateForm, DraftSettingsForm, IdempotentForm, NoteForm, RevisionForm
from resolutions.cofiling.selectors import sign_on_notice
from resolutions.filing.forms import WordUploadForm
from resolutions.filing.record import selectors as record_selectors
from resolutions.filing.record.models import CalendarFeed
from resolutions.models import Company, Draft, PartKind, Precedent
from resolutions.precedents import selectors as precedent_selectors
from resolutions.drafts.redline import Document, content_document, document_redline
from resolutions.drafts import services


def dashboard(request):
    drafts = list(Draft.objects.visible_to(request.user).for_list().with_sign_on_status_of(request.user)[:10])
    today = timezone.localdate()
    return render(request, "drafts/dashboard.html", {
        "recent_precedents": precedent_selectors.precedents_recent(), "drafts": drafts,
        "deadlines": selectors.draft_deadlines(drafts, today=today),
        "due_soon": [(row, row.clock.summary(today)) for row in record_selectors.clocks_due_soon(request.user, today=today)],
        "calendar_feed": CalendarFeed.objects.filter(user=request.user).active().first(), "today": today,
    })


def draft_list(request):
    drafts = Draft.objects.visible_to(request.user).for_list().with_sign_on_status_of(request.user)
    page = Paginator(drafts, 25).get_page(request.GET.get("page"))
    return render(request, "drafts/draft_list.html", {"page": page})


def draft_new(request):
    precedent_id = request.GET.get("precedent") or request.POST.get("precedent")
    precedent = get_object_or_404(Precedent, pk=precedent_id) if precedent_id and precedent_id.isdigit() else None
    initial = {"precedent": precedent}
    if precedent:
        initial.update(title=precedent.title, company=precedent.company, topics=list(precedent.topics.all()),
                       meeting_year=rule14a8.upcoming_meeting_year(timezone.localdate()))
    form = DraftCreateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        ticker, cik = data.pop("new_company_ticker"), data.pop("new_company_cik")
        if data["company"] is None:
            data["new_company"] = {"name": request.POST["company"], "ticker": ticker, "cik": cik}
        try:
            draft = services.draft_create(user=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            company = draft.company
            messages.success(request, "Draft created. Every change saves as you type." + (
                f" {company} is new to the library: a curator will check its details; until then the checks "
                "that use them say so." if not company.verified else ""))
            return redirect(draft)
    return render(request, "drafts/draft_new.html", {"form": form, "precedent": precedent})


@require_GET
def company_suggest(request):
    """The type-ahead's options: up to 20 companies whose name contains what was typed, or whose ticker it is."""
    typed = request.GET.get("company", "").replace("\x00", "").strip()  # PostgreSQL refuses a NUL; no name has one
    companies = Company.objects.matching(typed)[:20] if len(typed) >= 2 else []
    return render(request, "drafts/_company_options.html", {"companies": companies})


def _editor_context(draft):
    clauses = list(draft.clauses.all())
    rendered = selectors.draft_rendered(draft, clauses=clauses)
    checks, words = selectors.draft_checks(draft, rendered, today=timezone.localdate())
    open_comments = dict(draft.comments.filter(parent__isnull=True, resolved_at__isnull=True, clause__isnull=False)
                         .values_list("clause").annotate(n=Count("pk")))
    for clause, part in zip(clauses, rendered.parts):
        clause.rendered_html = part.html
        clause.open_comments = open_comments.get(clause.pk, 0)
    return {"draft": draft, "rendered": rendered, "checks": checks, "words": words,
            "check_counts": Counter(check.status for check in checks), "clauses": clauses, "kinds": PartKind.choices}


def draft_editor(request, pk):
    draft = get_draft_for(request.user, pk)
    if not draft.is_led_by(request.user):
        return redirect("drafts:review", pk=draft.pk)
    prefetch_related_objects([draft], "topics")  # read by the (i)(12) check
    context = _editor_context(draft)
    context["limits"] = draft_limits()
    context["clause_html"] = json.dumps(CLAUSE_HTML)  # the editor keeps what the server keeps (escaped in the attribute)
    context["sign_on_notice"] = sign_on_notice(draft)
    return render(request, "drafts/editor.html", context)


def _panels(request, draft, *, status, status_code=200, clause=None, conflict=None):
    """The htmx answer to an edit: save status plus out-of-band refreshes of the side panels.

    ``conflict`` is (clause id, the words that could not be saved): both texts are shown as they read.
    A refused save (400) answers with its status only: nothing else on the page changes.
    """
    if status_code == 400:
        return render(request, "drafts/_edit_response.html", {"status": status, "status_code": 400}, status=400)
    context = _editor_context(draft)
    context.update(status=status, status_code=status_code, clause=clause)
    if conflict:
        clause_id, user_text = conflict
        context["conflict"] = {
            "saved": next((part.html for part in context["rendered"].parts if part.clause_id == clause_id), ""),
            "yours": selectors.clause_reading(draft, clause_id=clause_id, text=user_text),
        }
    return render(request, "drafts/_edit_response.html", context, status=status_code)


@require_POST
def clause_save(request, pk, clause_id):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    form = ClauseForm(request.POST)
    if not form.is_valid():
        return _panels(request, draft, status="Not saved: the page is out of date. Reload it.", status_code=400)
    data = form.cleaned_data
    try:
        clause = services.clause_update(draft=draft, clause_id=clause_id, expected_revision=data["revision"], user=request.user,
                                        text=data["text"], kind=data["kind"] or None)
    except services.StaleRevision as stale:
        return _panels(request, stale.draft, status="Not saved: someone else saved this draft first.",
                       status_code=409, conflict=(clause_id, data["text"]))
    except ValidationError as error:
        return _panels(request, draft, status="Not saved: " + " ".join(error.messages), status_code=400)
    draft.refresh_from_db()
    return _panels(request, draft, status="Saved", clause=clause)


@require_POST
def clause_add(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    form = ClauseForm(request.POST)
    if form.is_valid():
        try:
            clause = services.clause_add(draft=draft, expected_revision=form.cleaned_data["revision"], user=request.user,
                                         kind=form.cleaned_data["kind"] or PartKind.WHEREAS, text=form.cleaned_data["text"])
        except services.StaleRevision:
            messages.error(request, "Someone else saved this draft first; here is the latest text. Add the clause again.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect(f"{draft.get_absolute_url()}#clause-{clause.pk}")  # the editor puts the caret in it
    return redirect(draft)


@require_POST
def clause_delete(request, pk, clause_id):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    return _structural_edit(request, draft, lambda revision: services.clause_delete(
        draft=draft, clause_id=clause_id, expected_revision=revision, user=request.user), done="Clause deleted.")


@require_POST
def clause_move(request, pk, clause_id):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    direction = -1 if request.POST.get("direction") == "up" else 1
    return _structural_edit(request, draft, lambda revision: services.clause_move(
        draft=draft, clause_id=clause_id, direction=direction, expected_revision=revision, user=request.user), done="Clause moved.")


@require_POST
def clause_reorder(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    try:
        order = [int(x) for x in request.POST.getlist("order")]
    except ValueError:
        order = []
    return _structural_edit(request, draft, lambda revision: services.clause_reorder(
        draft=draft, clause_ids=order, expected_revision=revision, user=request.user), done="Clauses reordered.")


def _structural_edit(request, draft, action, *, done):
    form = RevisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The page is out of date; it has been reloaded.")
    else:
        try:
            action(form.cleaned_data["revision"])
        except services.StaleRevision:
            messages.error(request, "Someone else saved this draft first; nothing was changed. Here is the latest text.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if not request.htmx:
                messages.success(request, done)
    if request.htmx:
        draft.refresh_from_db()
        return render(request, "drafts/_workspace.html", _editor_context(draft))
    return redirect(draft)


@require_http_methods(["GET", "POST"])
def draft_settings(request, pk):
    """GET: the form, into the editor's settings panel when it is opened (htmx), or as a page of its own."""
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    if request.method == "GET":
        template = "drafts/_settings_form.html" if request.htmx else "drafts/draft_settings.html"
        return render(request, template, {"draft": draft, "settings_form": DraftSettingsForm(instance=draft)})
    form = DraftSettingsForm(request.POST, instance=Draft.objects.get(pk=draft.pk))
    revision = RevisionForm(request.POST)
    if form.is_valid() and revision.is_valid():
        try:
            services.draft_update(draft=draft, expected_revision=revision.cleaned_data["revision"], user=request.user,
                                  **{f: form.cleaned_data[f] for f in form.Meta.fields})
            messages.success(request, "Draft settings saved.")
        except services.StaleRevision:
            messages.error(request, "Someone else saved this draft first; your settings were not applied.")
    else:
        messages.error(request, "Settings not saved: " + "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect(draft)


@require_GET
def cite_picker(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    query = request.GET.get("q", "").strip()
    snippets = list(Snippet.objects.select_related("source").search(query)[:10]) if query else []
    for snippet in snippets:
        snippet.stale = snippet.stale_reason()
    return render(request, "drafts/_cite_results.html", {"draft": draft, "snippets": snippets, "query": query})


@require_POST
def note_add(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return render(request, "drafts/_note_added.html", {"error": " ".join(form.errors["text"])}, status=400)
    note = services.note_add(draft=draft, text=form.cleaned_data["text"])
    return render(request, "drafts/_note_added.html", {"note": note})


@require_POST
def version_save(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    form = IdempotentForm(request.POST)
    token = form.cleaned_data["form_token"] if form.is_valid() else ""
    version = services.version_save(draft=draft, user=request.user, form_token=token)
    messages.success(request, f"Saved as version {version.number} ({version.short_hash}).")
    return redirect(draft)


def version_list(request, pk):
    draft = get_draft_for(request.user, pk)
    upload_form = WordUploadForm() if draft.is_led_by(request.user) else None
    return render(request, "drafts/version_list.html",
                  {"draft": draft, "versions": draft.versions.listed(), "upload_form": upload_form})


def version_detail(request, pk, number):
    version = get_version_for(request.user, pk, number)
    return render(request, "drafts/version_detail.html", {"draft": version.draft, "version": version})


@require_POST
def version_restore(request, pk, number):
    version = get_version_for(request.user, pk, number, need=Need.EDIT)
    draft = version.draft
    revision = RevisionForm(request.POST)
    if not revision.is_valid():
        messages.error(request, "The page was out of date; nothing was restored. Try again.")
        return redirect("drafts:version_detail", pk=draft.pk, number=number)
    try:
        services.version_restore(draft=draft, version=version, expected_revision=revision.cleaned_data["revision"],
                                 user=request.user)
        messages.success(request, f"Version {number}'s text is now the draft's text.")
    except services.StaleRevision:
        messages.error(request, "Someone else saved this draft first; nothing was restored.")
    except ValidationError as error:
        messages.error(request, "Nothing was restored: " + " ".join(error.messages))
    return redirect(draft)


def _version_document(version) -> Document:
    return content_document(version.content["parts"], version.content["footnotes"])


def redline(request, pk):
    draft = get_draft_for(request.user, pk)
    versions = {v.number: v for v in draft.versions.all()}
    a, b = request.GET.get("a", ""), request.GET.get("b", "")
    old: Document | None = None
    if a == "precedent" and draft.based_on_id:
        old_label, old = f"Precedent: {draft.based_on}", precedent_selectors.precedent_document(draft.based_on)
    elif a.isdigit() and int(a) in versions:
        old_label, old = f"Version {a}", _version_document(versions[int(a)])
    else:
        old_label = None
    if b.isdigit() and int(b) in versions:
        new_label, new = f"Version {b}", _version_document(versions[int(b)])
    else:
        rendered = selectors.draft_rendered(draft)
        new_label = "Current text"
        new = content_document([{"kind": p.kind, "html": p.html, "source": p.source} for p in rendered.parts],
                               rendered.footnotes)
    return render(request, "drafts/redline.html", {
        "draft": draft, "versions": versions.values(), "a": a, "b": b,
        "old_label": old_label, "new_label": new_label,
        "redline": document_redline(old, new) if old else None,
    })


def preview(request, pk):
    draft = get_draft_for(request.user, pk)
    rendered = selectors.draft_rendered(draft)
    return render(request, "drafts/preview.html", {"draft": draft, "rendered": rendered})
