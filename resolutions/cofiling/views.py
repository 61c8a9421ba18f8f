"""Co-filer views: invitations, review, comments, sign-on, the filers dashboard and the audit trail."""
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.backends import MEMBER_BACKEND
from accounts.forms import NewAccountForm, OrganizationNameForm
from accounts.models import User
from config.csv_export import csv_response

from resolutions import rule14a8
from resolutions.cofiling import services
from resolutions.cofiling.forms import CommentForm, DeclineForm, InvitationForm, SignOnForm
from resolutions.cofiling.selectors import draft_filers
from resolutions.drafts.gate import get_draft_for, get_version_for
from resolutions.drafts.models import Need
from resolutions.drafts.redline import content_document, document_redline
from resolutions.drafts.services import draft_circulate
from resolutions.models import Comment, Invitation, SignOn


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def filers_dashboard(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    rows = draft_filers(draft, now=timezone.now())
    deadline = rule14a8.check_deadline(draft.company.filing_deadline(), today=timezone.localdate())
    return render(request, "cofiling/filers.html", {
        "draft": draft, "rows": rows, "deadline": deadline, "form": InvitationForm(),
    })


def _sent_message(request, invitation: Invitation, *, again: bool = False) -> None:
    """Whether the email went: the lead filer never sees the link, only that it was sent."""
    if invitation.send_error:
        messages.error(request, f"The invitation to {invitation.email} was not sent: {invitation.send_error}.")
    elif again:
        messages.success(request, f"Invitation sent again to {invitation.email} with a new link; the old link "
                                  "no longer works.")
    else:
        messages.success(request, f"Invitation emailed to {invitation.email}. The link works once, for that address.")


@require_POST
def invitation_create(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation, _ = services.invitation_create(draft=draft, user=request.user, base_url=_base_url(request),
                                                       **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            _sent_message(request, invitation)
    else:
        messages.error(request, "Invitation not sent: " + "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect("drafts:filers", pk=draft.pk)


def _invitation(draft, invitation_id) -> Invitation:
    return get_object_or_404(draft.invitations, pk=invitation_id)


@require_POST
def invitation_revoke(request, pk, invitation_id):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    invitation = _invitation(draft, invitation_id)
    try:
        services.invitation_revoke(invitation=invitation, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{invitation.organization} is no longer a co-filer: its access ended, its "
                                  "sign-on is withdrawn and it has been told." if invitation.accepted_at
                         else "Invitation revoked: its link no longer works.")
    return redirect("drafts:filers", pk=draft.pk)


@require_POST
def invitation_resend(request, pk, invitation_id):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    invitation = _invitation(draft, invitation_id)
    try:
        services.invitation_resend(invitation=invitation, user=request.user, base_url=_base_url(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _sent_message(request, invitation, again=True)
    return redirect("drafts:filers", pk=draft.pk)


@login_not_required
def invitation_accept(request, token):
    """The emailed link: the invited address's account joins with its own organization; a new person
    creates an account and names their own (new) organization, then joins."""
    try:
        invitation = services.invitation_for_token(token)
    except services.InvalidInvitation as error:
        return render(request, "cofiling/invitation_invalid.html", {"reason": str(error)}, status=404)
    user = request.user if request.user.is_authenticated else None
    if user is not None and not invitation.is_for(user):
        return render(request, "cofiling/invitation_invalid.html",
                      {"reason": invitation.wrong_account_message(user)}, status=403)
    services.invitation_open(invitation=invitation, user=user)
    email_taken = user is None and User.objects.filter(email__iexact=invitation.email).exists()
    data = request.POST if request.method == "POST" else None
    account_form = NewAccountForm(data) if user is None and not email_taken else None
    name_form = (OrganizationNameForm(data, initial={"legal_name": invitation.organization_name})
                 if account_form or (user and user.organization_id is None) else None)
    if data is not None and not email_taken and all(f.is_valid() for f in (account_form, name_form) if f):
        try:
            joined = services.invitation_accept(
                invitation=invitation, user=user, new_account=account_form.account() if account_form else None,
                legal_name=name_form.cleaned_data["legal_name"] if name_form else "")
        except ValidationError as error:
            name_form.add_error("legal_name", error)
        except services.InvalidInvitation as error:
            return render(request, "cofiling/invitation_invalid.html", {"reason": str(error)}, status=400)
        else:
            if user is None:
                login(request, joined, backend=MEMBER_BACKEND)
            messages.success(request, f"You are now a co-filer of “{invitation.draft.title}”.")
            return redirect("drafts:review", pk=invitation.draft_id)
    return render(request, "cofiling/invitation_accept.html", {
        "invitation": invitation, "form": account_form, "name_form": name_form, "email_taken": email_taken,
    }, status=400 if data is not None else 200)


def review(request, pk):
    draft = get_draft_for(request.user, pk)
    version = draft.versions.newest()
    invitation = draft.invitations.filter(organization_id=request.user.organization_id,
                                          revoked_at__isnull=True).first()
    seen = invitation.last_seen_version if invitation else None
    redline = None
    if version and seen and seen.pk != version.pk:
        redline = document_redline(content_document(seen.content["parts"], seen.content["footnotes"]),
                                   content_document(version.content["parts"], version.content["footnotes"]))
    sign_on = draft.sign_ons.filter(organization_id=request.user.organization_id).select_related("version").first()
    if sign_on and sign_on.version and version and sign_on.status == SignOn.Status.NEEDS_RECONFIRMATION:
        redline = document_redline(
            content_document(sign_on.version.content["parts"], sign_on.version.content["footnotes"]),
            content_document(version.content["parts"], version.content["footnotes"]))
        seen = sign_on.version
    services.invitation_mark_seen(invitation=invitation, version=version)
    comments = list(draft.comments.filter(parent__isnull=True).select_related("author", "clause", "resolved_by")
                    .prefetch_related(Prefetch("replies", queryset=Comment.objects.select_related("author"))))
    labels = draft.clause_labels()
    clauses = list(draft.clauses.all())
    for item in [*comments, *clauses]:
        item.label = labels.get(item.clause_id if isinstance(item, Comment) else item.pk, "")
    return render(request, "cofiling/review.html", {
        "draft": draft, "version": version, "seen": seen, "redline": redline, "comments": comments,
        "clauses": clauses, "comment_form": CommentForm(), "sign_on": sign_on,
        "is_lead": draft.is_led_by(request.user),
    })


@require_POST
def comment_add(request, pk):
    draft = get_draft_for(request.user, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(draft=draft, user=request.user, text=form.cleaned_data["text"],
                                 clause_id=form.cleaned_data["clause"], parent_id=form.cleaned_data["parent"],
                                 form_token=form.cleaned_data["form_token"])
            messages.success(request, "Comment posted.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, "Comment not posted: it needs some text (5,000 characters at most).")
    return redirect("drafts:review", pk=draft.pk)


@require_POST
def comment_resolve(request, pk, comment_id):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    comment = get_object_or_404(draft.comments, pk=comment_id)
    services.comment_resolve(comment=comment, user=request.user)
    messages.success(request, "Comment marked resolved.")
    return redirect("drafts:review", pk=draft.pk)


def sign_from_form(request, form, *, draft, version):
    """Sign ``version`` with a posted SignOnForm: the co-filer's sign page and the lead's statements page.

    Returns the form's 14a-8(b) verdicts and whether the sign-on was saved; a refusal lands on the form.
    """
    if request.method != "POST" or not form.is_valid():
        return services.company_details_checks(draft), False
    data = form.to_data()
    verdicts = services.sign_on_checks(data, draft=draft)
    try:
        services.sign_on_create(draft=draft, version=version, user=request.user, data=data,
                                ip_address=request.META.get("REMOTE_ADDR"),
                                user_agent=request.META.get("HTTP_USER_AGENT", ""))
    except ValidationError as error:
        form.add_error(None, error)  # each problem at the field it is about
        return [v for v in verdicts if v.status != rule14a8.ERROR], False  # shown once, at its field
    return verdicts, True


def sign(request, pk, number):
    version = get_version_for(request.user, pk, number, need=Need.SIGN)
    draft = version.draft
    latest = draft.versions.newest()
    last = draft.sign_ons.filter(organization_id=request.user.organization_id).first()  # a re-sign starts from it
    form = SignOnForm(request.POST or None, initial=SignOnForm.initial_from(last, request.user),
                      lead_organization=draft.lead_organization, company=draft.company)
    verdicts, signed = sign_from_form(request, form, draft=draft, version=version)
    if signed:
        messages.success(request, f"Signed version {version.number}. The lead filer has been notified.")
        return redirect("drafts:review", pk=draft.pk)
    return render(request, "cofiling/sign.html", {"draft": draft, "version": version, "latest": latest,
                                                  "form": form, "verdicts": verdicts, "last": last,
                                                  "representation": _representation(draft, request.user)},
                  status=400 if request.method == "POST" else 200)


def _representation(draft, user):
    """The shareholder the user's organization files for here (Rule 14a-8(b)(1)(iv)), if any."""
    return draft.representations.filter(organization_id=user.organization_id).first()


@require_POST
def decline(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.SIGN)
    form = DeclineForm(request.POST)
    if form.is_valid():
        services.sign_on_decline(draft=draft, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, "You declined to co-file. The lead filer sees your reason.")
    else:
        messages.error(request, "Please give a short reason for declining.")
    return redirect("drafts:review", pk=draft.pk)


@require_POST
def withdraw(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.SIGN)
    try:
        services.sign_on_withdraw(draft=draft, user=request.user)
        messages.success(request, "Your sign-on is withdrawn; you are no longer listed as a filer.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("drafts:review", pk=draft.pk)


@require_POST
def circulate(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    version = draft_circulate(draft=draft, user=request.user)
    messages.success(request, f"Circulated as version {version.number}. Co-filers review and sign this text.")
    return redirect("drafts:filers", pk=draft.pk)


def audit_timeline(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    return render(request, "cofiling/audit.html", {
        "draft": draft, "events": draft.audit_events.select_related("actor").order_by("created_at", "pk"),
    })


def audit_csv(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    events = draft.audit_events.select_related("actor").order_by("created_at", "pk")
    return csv_response(f"draft-{draft.pk}-audit.csv", ["time (UTC)", "actor", "event", "detail"], (
        [event.created_at.isoformat(), event.actor.email if event.actor else "", event.get_verb_display(),
         event.detail]
        for event in events
    ))
