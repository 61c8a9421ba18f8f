"""The members page of an organization, and a colleague's invitation link."""
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from . import selectors, services
from .backends import MEMBER_BACKEND
from .forms import MemberInvitationForm, NewAccountForm
from .models import Organization, User


def _organization(request, pk) -> Organization:
    try:
        return selectors.organization_for_member(request.user, pk)
    except Organization.DoesNotExist:
        raise Http404("No such organization.") from None


def members(request, pk):
    organization = _organization(request, pk)
    context = selectors.organization_members_page(organization, trail_page=request.GET.get("page"))
    return render(request, "accounts/members.html", {"organization": organization, "form": MemberInvitationForm(),
                                                     **context})


def _sent_message(request, invitation) -> None:
    if invitation.send_error:
        messages.error(request, f"The invitation to {invitation.email} was not sent: {invitation.send_error}.")
    else:
        messages.success(request, f"Invitation emailed to {invitation.email}. The link works once, for that address.")


@require_POST
def member_invite(request, pk):
    organization = _organization(request, pk)
    form = MemberInvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Invitation not sent: " + "; ".join(e for errs in form.errors.values() for e in errs))
        return redirect("accounts:members", pk=pk)
    try:
        invitation = services.member_invitation_create(organization=organization, user=request.user,
                                                       email=form.cleaned_data["email"],
                                                       base_url=request.build_absolute_uri("/"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _sent_message(request, invitation)
    return redirect("accounts:members", pk=pk)


def _member_invitation(organization, invitation_id):
    return get_object_or_404(organization.member_invitations, pk=invitation_id)


@require_POST
def member_invitation_resend(request, pk, invitation_id):
    organization = _organization(request, pk)
    try:
        invitation = services.member_invitation_resend(invitation=_member_invitation(organization, invitation_id),
                                                       user=request.user, base_url=request.build_absolute_uri("/"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _sent_message(request, invitation)
    return redirect("accounts:members", pk=pk)


@require_POST
def member_invitation_revoke(request, pk, invitation_id):
    organization = _organization(request, pk)
    try:
        services.member_invitation_revoke(invitation=_member_invitation(organization, invitation_id),
                                          user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Invitation withdrawn: its link no longer works.")
    return redirect("accounts:members", pk=pk)


@require_POST
def member_remove(request, pk, user_id):
    organization = _organization(request, pk)
    member = get_object_or_404(organization.members, pk=user_id)
    try:
        services.member_remove(organization=organization, member=member, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("accounts:members", pk=pk)
    if member.pk == request.user.pk:
        return redirect("login")
    messages.success(request, f"{member.email} is no longer a member; their sessions have ended.")
    return redirect("accounts:members", pk=pk)


@login_not_required
def member_join(request, token):
    """A colleague's emailed link: a new person creates an account; the invited account joins."""
    try:
        invitation = services.member_invitation_for_token(token)
    except services.InvalidMemberInvitation as error:
        return render(request, "cofiling/invitation_invalid.html", {"reason": str(error)}, status=404)
    user = request.user if request.user.is_authenticated else None
    email_taken = user is None and User.objects.filter(email__iexact=invitation.email).exists()
    form = NewAccountForm(request.POST or None) if user is None and not email_taken else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            joined = services.member_invitation_accept(invitation=invitation, user=user,
                                                       new_account=form.account() if form else None)
        except services.InvalidMemberInvitation as error:
            return render(request, "cofiling/invitation_invalid.html", {"reason": str(error)}, status=400)
        if user is None:
            login(request, joined, backend=MEMBER_BACKEND)
        messages.success(request, f"You are now a member of {invitation.organization}.")
        return redirect("accounts:members", pk=invitation.organization_id)
    return render(request, "accounts/member_join.html", {"invitation": invitation, "form": form,
                                                         "email_taken": email_taken},
                  status=400 if request.method == "POST" else 200)
