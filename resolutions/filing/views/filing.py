"""The lead's filing page: its own Rule 14a-8(b) statements, each filer's statements and proofs, finalize,
and the submission with the company's proof of receipt. Every view starts with ``get_draft_for`` or
``get_version_for`` (need "edit"); a receipt is served here, after that check, never from a media URL.
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from config.private_files import private_file_response

from resolutions import rule14a8
from resolutions.cofiling.forms import SignOnForm
from resolutions.cofiling.views import sign_from_form
from resolutions.drafts.gate import get_draft_for, get_version_for
from resolutions.drafts.models import Need
from resolutions.filing import services
from resolutions.filing.forms import FinalizeForm, OwnershipProofForm, SubmissionForm
from resolutions.filing.selectors import draft_filer_statuses, finalize_problems, version_to_file


def statements(request, pk, number):
    """The lead organization's own Rule 14a-8(b) statements and signature on one version."""
    version = get_version_for(request.user, pk, number, need=Need.EDIT)
    draft = version.draft
    latest = draft.versions.newest()
    sign_on = draft.sign_ons.filter(organization_id=request.user.organization_id).first()
    form = SignOnForm(request.POST or None, initial=SignOnForm.initial_from(sign_on, request.user), for_lead=True,
                      company=draft.company)
    verdicts, signed = sign_from_form(request, form, draft=draft, version=version)
    if signed:
        messages.success(request, f"Your statements are signed on version {version.number}; "
                                  "your letter is built from them.")
        return redirect("drafts:filing", pk=draft.pk)
    return render(request, "filing/statements.html", {
        "draft": draft, "version": version, "latest": latest, "form": form, "verdicts": verdicts,
        "sign_on": sign_on,
        "representation": draft.representations.filter(organization_id=request.user.organization_id).first(),
    }, status=400 if request.method == "POST" else 200)


def filing(request, pk):
    """Where the lead files from: each filer's statements and proofs, finalize, the packet, the submission."""
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    return filing_page(request, draft, draft_filer_statuses(draft))


def filing_page(request, draft, filers, *, proof_form=None, status=200):
    latest = draft.versions.newest()
    return render(request, "filing/filing.html", {
        "draft": draft, "latest": latest, "filers": filers, "final": version_to_file(draft),
        "problems": finalize_problems(draft, latest) if latest else [],
        "proof_form": proof_form or OwnershipProofForm(filers=filers),
        "submission": draft.submissions.select_related("version").first(),
        "invitations": {i.organization_id: i for i in draft.invitations.filter(revoked_at__isnull=True)},
    }, status=status)


@require_POST
def finalize(request, pk):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    form = FinalizeForm(request.POST)
    version = draft.versions.filter(number=form.cleaned_data["version"]).first() if form.is_valid() else None
    if version is None:
        messages.error(request, "Save a version of the draft before finalizing it.")
        return redirect("drafts:filing", pk=draft.pk)
    try:
        services.draft_finalize(draft=draft, version=version, user=request.user)
    except ValidationError as error:
        messages.error(request, "Not finalized: " + " ".join(error.messages))
    else:
        messages.success(request, f"Version {version.number} is final: build the filing packet from it.")
    return redirect("drafts:filing", pk=draft.pk)


def submission(request, pk):
    """Mark the finalized text as submitted, with the company's proof of receipt."""
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    final = version_to_file(draft)
    initial = {"recipient": ", ".join(x for x in (draft.company.corporate_secretary, "Corporate Secretary") if x)}
    form = SubmissionForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.submission_record(draft=draft, user=request.user, data=form.to_input(),
                                       upload=form.cleaned_data["proof"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Marked as submitted on {form.cleaned_data['submitted_on']:%B %-d, %Y}.")
            return redirect("drafts:filing", pk=draft.pk)
    return render(request, "filing/submission.html", {
        "draft": draft, "final": final, "form": form, "today": timezone.localdate(),
        "submissions": draft.submissions.select_related("version", "recorded_by"),
        "deadline": rule14a8.check_deadline(draft.company.filing_deadline(), today=timezone.localdate()),
    }, status=400 if request.method == "POST" else 200)


@require_GET
def receipt_file(request, pk, submission_id):
    draft = get_draft_for(request.user, pk, need=Need.EDIT)
    found = get_object_or_404(draft.submissions, pk=submission_id)
    return private_file_response(found.proof, filename=found.proof_name, content_type=found.proof_type,
                                 inline=False)
