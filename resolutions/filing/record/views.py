"""The filing record page of a submitted draft and its forms, and the user's calendar feed. Every view starts with ``get_draft_for``:
the lead organization records everything; a co-filer reads the record and records its own deficiency
notices and responses (it sees only its own)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from config.private_files import private_file_response
from resolutions import rule14a8
from resolutions.drafts.gate import get_draft_for
from resolutions.drafts.models import Need
from resolutions.filing.selectors import draft_filer_statuses
from . import forms, services
from .calendar import deadlines_calendar
from .models import CalendarFeed, VoteResult
from .selectors import filing_record_page


def _page(request, draft, *, bound=None, status=200):
    """The record page; ``bound`` is the one form that was posted with errors (shown in place of its blank)."""
    page = filing_record_page(draft, user=request.user, today=timezone.localdate())
    lead = draft.is_led_by(request.user)
    own = _own(request, draft, page.filers)
    record = page.record
    blank = {
        "meeting": forms.MeetingForm(initial={"meeting_date": record.meeting_date, "presenter": record.presenter,
                                              "proxy_filed_on": record.proxy_filed_on}),
        "notice": forms.DeficiencyNoticeForm(filers=own),
        "engagement": forms.EngagementForm(),
        "exclusion": forms.ExclusionNoticeForm(initial=_initial(page.exclusion, forms.ExclusionNoticeForm)),
        "opposition": forms.OppositionForm(initial=_initial(page.opposition, forms.OppositionForm)),
        "withdrawal": forms.WithdrawalForm(),
        "vote": forms.VoteForm(initial=_initial(page.vote, forms.VoteForm)),
    }
    bound = bound or {}
    for row in page.notices:
        row.cure_form = bound.get(("cure", row.notice.pk)) or forms.CureForm(prefix=f"cure-{row.notice.pk}")
    today = timezone.localdate()
    context = {"draft": draft, "page": page, "lead": lead, "grounds": rule14a8.GROUNDS,
               "clock_rows": [(clock, clock.when(today)) for clock in page.clocks],
               "forms": {**blank, **{key: form for key, form in bound.items() if isinstance(key, str)}}}
    return render(request, "filing/record.html", context, status=status)


def _initial(row, form_class) -> dict:
    return {name: getattr(row, name) for name in form_class.base_fields} if row is not None else {}


def filing_record(request, pk):
    draft = get_draft_for(request.user, pk)
    return _page(request, draft)


def _save(request, draft, key, form, write, success: str):
    """Validate ``form``, call ``write(form)``; a refusal re-shows the page with the form and its message (400)."""
    if form.is_valid():
        try:
            write(form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect("drafts:filing_record", pk=draft.pk)
    messages.error(request, "Nothing was saved: see the form marked below.")
    return _page(request, draft, bound={key: form}, status=400)


def _record_form(key: str, form_class, service, success: str):
    """A lead's POST recording one thing on the filing record: the form's ``to_input()`` goes to ``service``."""
    @require_POST
    def view(request, pk):
        draft = get_draft_for(request.user, pk, need=Need.EDIT)
        return _save(request, draft, key, form_class(request.POST),
                     lambda form: service(draft=draft, user=request.user, data=form.to_input()), success)
    return view


meeting_save = _record_form("meeting", forms.MeetingForm, services.filing_record_save, "The meeting is recorded.")
engagement_add = _record_form("engagement", forms.EngagementForm, services.engagement_meeting_record,
                              "The engagement meeting is recorded.")
exclusion_notice_save = _record_form("exclusion", forms.ExclusionNoticeForm, services.exclusion_notice_record,
                                     "The (j) notice is recorded.")
opposition_save = _record_form("opposition", forms.OppositionForm, services.opposition_statement_record,
                               "The statement in opposition is recorded.")
withdrawal_save = _record_form("withdrawal", forms.WithdrawalForm, services.proposal_withdraw,
                               "The proposal is withdrawn: its deadlines and reminders stop.")
vote_save = _record_form("vote", forms.VoteForm, services.vote_record, "The vote is recorded.")


def _own(request, draft, filers) -> list:
    """The filers the user records notices for: the lead any, a co-filer its own organization."""
    lead = draft.is_led_by(request.user)
    return [row for row in filers if lead or row.organization_id == request.user.organization_id]


@require_POST
def deficiency_notice_add(request, pk):
    draft = get_draft_for(request.user, pk)
    form = forms.DeficiencyNoticeForm(request.POST, filers=_own(request, draft, draft_filer_statuses(draft)))

    def write(f):
        notice = services.deficiency_notice_record(draft=draft, user=request.user, data=f.to_input())
        messages.info(request, f"Respond by {rule14a8.cure_due(notice.received_on):%B %-d, %Y}: "
                               f"{rule14a8.CURE_DAYS} calendar days after you received it (Rule 14a-8(f)(1)).")
    return _save(request, draft, "notice", form, write, "The deficiency notice is recorded.")


def _notice(request, draft, notice_id):
    """A deficiency notice the user may see: the lead any, a co-filer its own organization's."""
    notice = draft.deficiency_notices.select_related("organization", "draft").filter(pk=notice_id).first()
    if notice is None or not (draft.is_led_by(request.user) or notice.organization_id == request.user.organization_id):
        raise Http404("No such deficiency notice.")
    return notice


@require_POST
def deficiency_cure(request, pk, notice_id):
    draft = get_draft_for(request.user, pk)
    notice = _notice(request, draft, notice_id)
    form = forms.CureForm(request.POST, request.FILES, prefix=f"cure-{notice.pk}")

    def write(f):
        services.deficiency_cure_record(notice=notice, user=request.user, cure_sent_on=f.cleaned_data["cure_sent_on"],
                                        cure_says=f.cleaned_data["cure_says"], upload=f.cleaned_data["cure_proof"])
    return _save(request, draft, ("cure", notice.pk), form, write, "The response is recorded.")


@require_GET
def cure_proof_file(request, pk, notice_id):
    notice = _notice(request, get_draft_for(request.user, pk), notice_id)
    if not notice.cure_proof:
        raise Http404("No proof was uploaded for this response.")
    return private_file_response(notice.cure_proof, filename=notice.cure_proof_name,
                                 content_type=notice.cure_proof_type, inline=False)


@require_POST
def engagement_status(request, pk, meeting_id):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    meeting = get_object_or_404(draft.engagement_meetings, pk=meeting_id)
    return _save(request, draft, "engagement_status", forms.EngagementStatusForm(request.POST),
                 lambda f: services.engagement_meeting_update(meeting=meeting, user=request.user,
                                                              status=f.cleaned_data["status"]),
                 "The engagement meeting is updated.")


@require_POST
def vote_to_precedent(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    vote = VoteResult.objects.filter(draft=draft).first()
    if vote is None:
        messages.error(request, "Record the vote first.")
        return redirect("drafts:filing_record", pk=draft.pk)
    precedent = services.vote_add_to_precedents(vote=vote, user=request.user)
    messages.success(request, f"“{precedent.title}” is in the precedent library, uncurated until a curator looks.")
    return redirect(precedent)


@login_not_required
@require_GET
def calendar_feed(request, secret):
    """A user's deadlines for a calendar app: no sign-in, the secret in the URL; an unknown or revoked one is a 404."""
    feed = (CalendarFeed.objects.active().select_related("user")
            .filter(secret_sha256=CalendarFeed.hash(secret)).first())
    if feed is None or not feed.user.is_active:
        raise Http404("No such calendar.")
    body = deadlines_calendar(feed.user, site_url=request.build_absolute_uri("/"), now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="whereas-deadlines.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def calendar_feed_new(request):
    services.calendar_feed_create(user=request.user)
    messages.success(request, "Your calendar link is ready; any link you had before no longer works.")
    return redirect("home")


@require_POST
def calendar_feed_revoke(request):
    CalendarFeed.objects.filter(user=request.user).revoke()
    messages.success(request, "Your calendar link is revoked: calendar apps using it get nothing from now on.")
    return redirect("home")
