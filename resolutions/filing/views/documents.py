"""Each filer's own filing documents, and the page where a represented shareholder signs its authorization.

"Our filing documents" (lead organization and co-filers alike) holds the filer's proofs of
ownership and, when it files for a shareholder, the shareholder's Rule 14a-8(b)(1)(iv)
authorization. Every draft view starts with ``get_draft_for`` (need "read") and then acts only for
the user's own organization (``own_filer``); the lead adds and removes any filer's proofs from the
filing page. Proofs and authorizations are served here, after that check, never from a media URL.
The signing page is reached by an emailed single-use link, as an invitation is, without an account.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from config.private_files import private_file_response

from resolutions.cofiling.services import InvalidInvitation
from resolutions.drafts.gate import get_draft_for
from resolutions.drafts.selectors import draft_content
from resolutions.filing import services
from resolutions.filing.authorization import authorization_paragraphs, default_support, self_evident_statement
from resolutions.filing.forms import AuthorizationSignForm, OwnershipProofForm, RepresentationForm
from resolutions.filing.selectors import FilerStatus, draft_filer_statuses
from .filing import filing_page


def own_filer(draft, user) -> FilerStatus:
    """The user's organization among the draft's filers (the lead, or a co-filer that joined and was not removed)."""
    row = next((r for r in draft_filer_statuses(draft) if r.organization_id == user.organization_id), None)
    if row is None:
        raise Http404("Your organization does not file this draft.")
    return row


def documents(request, pk):
    draft = get_draft_for(request.user, pk)
    return documents_page(request, draft)


def documents_page(request, draft, *, proof_form=None, representation_form=None, status=200):
    row = own_filer(draft, request.user)
    representation = row.representation
    if representation_form is None:
        fields = ["shareholder_name", "shareholder_kind", "basis", "signer_name", "signer_title", "signer_email",
                  "document_date", "self_evident_role"]
        representation_form = RepresentationForm(
            initial={name: getattr(representation, name) for name in fields} if representation else None)
    statement = (self_evident_statement(shareholder=representation.shareholder_name, representative=row.name,
                                        role=representation.self_evident_role)
                 if representation and representation.basis == representation.Basis.SELF_EVIDENT
                 and representation.self_evident_role else "")
    return render(request, "filing/documents.html", {
        "draft": draft, "row": row, "representation": representation, "statement": statement,
        "proof_form": proof_form or OwnershipProofForm(filers=[row]), "representation_form": representation_form,
        "is_lead": row.lead, "latest": draft.versions.newest(),
    }, status=status)


def _acting_for(draft, user) -> list:
    """The filers a user may add a proof for: the lead organization any filer, a co-filer its own."""
    filers = draft_filer_statuses(draft)
    if draft.is_led_by(user):
        return filers
    own = [row for row in filers if row.organization_id == user.organization_id]
    if not own:
        raise Http404("Your organization does not file this draft.")
    return own


@require_POST
def proof_add(request, pk):
    """A broker's letter: the lead adds one for any filer, a co-filer for itself ("Our filing documents")."""
    draft = get_draft_for(request.user, pk)
    filers = _acting_for(draft, request.user)
    form = OwnershipProofForm(request.POST, request.FILES, filers=filers)
    from_documents = request.POST.get("page") == "documents" or not draft.is_led_by(request.user)
    if form.is_valid():
        try:
            services.ownership_proof_add(draft=draft, user=request.user, data=form.to_input(),
                                         upload=form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Proof of ownership added.")
            return redirect("drafts:documents" if from_documents else "drafts:filing", pk=draft.pk)
    if from_documents:
        return documents_page(request, draft, proof_form=form, status=400)
    return filing_page(request, draft, filers, proof_form=form, status=400)


def _proof(draft, proof_id, user):
    """A proof of ownership of the draft: any for the lead organization, a co-filer's own for it."""
    proof = draft.ownership_proofs.filter(pk=proof_id).first()
    if proof is None or not (draft.is_led_by(user) or proof.organization_id == user.organization_id):
        raise Http404("No such proof of ownership.")
    return proof


@require_GET
def proof_file(request, pk, proof_id):
    proof = _proof(get_draft_for(request.user, pk), proof_id, request.user)
    return private_file_response(proof.file, filename=proof.original_name, content_type=proof.content_type)


@require_POST
def proof_remove(request, pk, proof_id):
    draft = get_draft_for(request.user, pk)
    services.ownership_proof_remove(proof=_proof(draft, proof_id, request.user), user=request.user)
    messages.success(request, "Proof of ownership removed.")
    from_documents = request.POST.get("page") == "documents" or not draft.is_led_by(request.user)
    return redirect("drafts:documents" if from_documents else "drafts:filing", pk=draft.pk)


@require_POST
def representation_save(request, pk):
    draft = get_draft_for(request.user, pk)
    own_filer(draft, request.user)
    form = RepresentationForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            representation = services.representation_save(
                draft=draft, user=request.user, organization=request.user.organization, data=form.to_input(),
                upload=form.cleaned_data["file"], base_url=request.build_absolute_uri("/"))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, {
                representation.Basis.SIGNED_HERE: f"Saved. A signing link is emailed to {representation.signer_email}.",
                representation.Basis.UPLOADED: "Saved with the signed authorization.",
                representation.Basis.SELF_EVIDENT: "Saved: your letter says why no authorization is needed.",
            }[representation.basis])
            return redirect("drafts:documents", pk=draft.pk)
    return documents_page(request, draft, representation_form=form, status=400)


@require_POST
def representation_remove(request, pk):
    draft = get_draft_for(request.user, pk)
    representation = own_filer(draft, request.user).representation
    if representation is None:  # removed already (a second click): nothing to do
        messages.info(request, "Your organization files for no shareholder here.")
    else:
        services.representation_remove(representation=representation, user=request.user)
        messages.success(request, "You file for your own organization now, with no representative.")
    return redirect("drafts:documents", pk=draft.pk)


@require_GET
def authorization_file(request, pk, representation_id):
    """An uploaded authorization: for the lead organization, and the filer that uploaded it."""
    draft = get_draft_for(request.user, pk)
    found = draft.representations.filter(pk=representation_id).exclude(file="").first()
    if found is None or not (draft.is_led_by(request.user) or found.organization_id == request.user.organization_id):
        raise Http404("No such authorization.")
    return private_file_response(found.file, filename=found.original_name, content_type=found.content_type)


@login_not_required
def authorization_sign(request, token):
    """The shareholder's signer reads the proposal and the authorization, and signs and dates it."""
    try:
        representation = services.representation_for_token(token)
    except InvalidInvitation as error:
        return render(request, "filing/authorization_invalid.html", {"reason": str(error)}, status=404)
    draft = representation.draft
    if representation.signed_at:
        return render(request, "filing/authorization_signed.html", {"representation": representation})
    form = AuthorizationSignForm(request.POST or None, initial={
        "signer_name": representation.signer_name, "signer_title": representation.signer_title,
        "support_statement": default_support(representation.shareholder_name)})
    if request.method == "POST" and form.is_valid():
        try:
            signed = services.authorization_sign(representation=representation, data=form.to_input(),
                                                 ip_address=request.META.get("REMOTE_ADDR"),
                                                 user_agent=request.META.get("HTTP_USER_AGENT", ""))
        except InvalidInvitation as error:
            return render(request, "filing/authorization_invalid.html", {"reason": str(error)}, status=400)
        return render(request, "filing/authorization_signed.html", {"representation": signed})
    paragraphs = authorization_paragraphs(
        company=draft.company.name, meeting_year=draft.meeting_year, title=draft.title,
        topics=[t.name for t in draft.topics.all()], shareholder=representation.shareholder_name,
        representative=representation.organization.legal_name,
        support=form["support_statement"].value() or default_support(representation.shareholder_name))
    return render(request, "filing/authorization_sign.html", {
        "representation": representation, "draft": draft, "form": form, "paragraphs": paragraphs,
        "content": draft_content(draft),
    }, status=400 if request.method == "POST" else 200)
