"""Organizations and their members: who may join, on whose word, and the trail it leaves.

An organization's name is never identity. A newcomer creates their own organization (refused
when one by that name exists); only a member adds a colleague, by an emailed link that proves
the colleague's mailbox; a curator may also move people in the admin.
"""
import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from config.mail import send_or_say_why

from .models import MemberInvitation, MembershipEvent, Organization, User

ORGANIZATION_EXISTS = "An account for this organization exists: ask one of its members to add you."


class InvalidMemberInvitation(Exception):
    """A colleague's link that cannot be used; the message says why."""


def token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode("utf-8")).hexdigest()


def membership_record(*, organization: Organization, member_email: str, actor, verb: str,
                      detail: str = "") -> MembershipEvent:
    """Append one event to an organization's membership trail (inside the change's transaction)."""
    return MembershipEvent.objects.create(organization=organization, member_email=member_email, actor=actor,
                                          verb=verb, detail=detail[:500])


def organization_found(*, legal_name: str, founder_email: str, detail: str = "") -> Organization:
    """A new organization for a newcomer, refused when one with that name (any case or punctuation) exists."""
    legal_name = " ".join((legal_name or "").split())
    if not legal_name:
        raise ValidationError("Give your organization's legal name.")
    if Organization.objects.named_like(legal_name).exists():
        raise ValidationError(ORGANIZATION_EXISTS)
    organization = Organization.objects.create(legal_name=legal_name)
    membership_record(organization=organization, member_email=founder_email, actor=None,
                      verb=MembershipEvent.Verb.FOUNDED, detail=detail)
    return organization


# --- A member invites a colleague ---------------------------------------------------


def member_invitation_create(*, organization: Organization, user: User, email: str,
                             base_url: str) -> MemberInvitation:
    """Email a colleague a link to join; the link goes only to their mailbox."""
    email = email.strip().lower()
    if organization.members.filter(email__iexact=email).exists():
        raise ValidationError(f"{email} is a member already.")
    if organization.member_invitations.filter(email=email, revoked_at__isnull=True, accepted_at__isnull=True,
                                              expires_at__gt=timezone.now()).exists():
        raise ValidationError(f"{email} already has an open invitation. Use “Send again” instead.")
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = MemberInvitation.objects.create(
            organization=organization, email=email, token_sha256=token_hash(token), created_by=user,
            last_sent_at=timezone.now(), expires_at=timezone.now() + timedelta(days=settings.INVITATION_DAYS))
        membership_record(organization=organization, member_email=email, actor=user,
                          verb=MembershipEvent.Verb.INVITED)
        _mail_after_commit(invitation, token, base_url)
    return invitation


def member_invitation_resend(*, invitation: MemberInvitation, user: User, base_url: str) -> MemberInvitation:
    """A fresh link (the old one stops working) and a new expiry date, emailed again."""
    if invitation.accepted_at or invitation.revoked_at:
        raise ValidationError("This invitation was already accepted or withdrawn; invite again instead.")
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation.token_sha256 = token_hash(token)
        invitation.expires_at = timezone.now() + timedelta(days=settings.INVITATION_DAYS)
        invitation.last_sent_at = timezone.now()
        invitation.save(update_fields=["token_sha256", "expires_at", "last_sent_at"])
        membership_record(organization=invitation.organization, member_email=invitation.email, actor=user,
                          verb=MembershipEvent.Verb.INVITED, detail="Sent again")
        _mail_after_commit(invitation, token, base_url)
    return invitation


def member_invitation_revoke(*, invitation: MemberInvitation, user: User) -> None:
    if invitation.accepted_at:
        raise ValidationError(f"{invitation.email} has joined already; remove them from the member list instead.")
    with transaction.atomic():
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        membership_record(organization=invitation.organization, member_email=invitation.email, actor=user,
                          verb=MembershipEvent.Verb.INVITATION_REVOKED)


def _mail_after_commit(invitation: MemberInvitation, token: str, base_url: str) -> None:
    link = base_url.rstrip("/") + reverse("accounts:member_join", args=[token])
    transaction.on_commit(lambda: _mail_invitation(invitation, link))


def _mail_invitation(invitation: MemberInvitation, link: str) -> None:
    context = {"invitation": invitation, "link": link, "days": settings.INVITATION_DAYS}
    message = EmailMultiAlternatives(
        subject=f"Join {invitation.organization} on Whereas",
        body=render_to_string("accounts/email/member_invitation.txt", context), to=[invitation.email])
    invitation.send_error = send_or_say_why(message)
    MemberInvitation.objects.filter(pk=invitation.pk).update(send_error=invitation.send_error)


def member_invitation_for_token(token: str) -> MemberInvitation:
    invitation = (MemberInvitation.objects.select_related("organization")
                  .filter(token_sha256=token_hash(token)).first())
    if invitation is None:
        raise InvalidMemberInvitation("This link is not valid. Check that you copied the whole link, "
                                      "or ask your colleague to send it again.")
    state = invitation.state(timezone.now())
    if state == "revoked":
        raise InvalidMemberInvitation("This invitation was withdrawn.")
    if state == "accepted":
        raise InvalidMemberInvitation("This link was already used. Sign in to continue.")
    if state == "expired":
        raise InvalidMemberInvitation(f"This invitation expired on {invitation.expires_at:%B %-d, %Y}. "
                                      "Ask your colleague to send it again.")
    return invitation


def member_invitation_accept(*, invitation: MemberInvitation, user: User | None = None,
                             new_account: dict | None = None) -> User:
    """Join the organization: the invited address's account, or a new one for it (the link proved the mailbox)."""
    with transaction.atomic():
        invitation = MemberInvitation.objects.select_for_update(of=("self",)).select_related("organization").get(
            pk=invitation.pk)
        if invitation.accepted_at or invitation.revoked_at:
            raise InvalidMemberInvitation("This link was already used or withdrawn.")
        if user is None:
            if User.objects.filter(email__iexact=invitation.email).exists():
                raise InvalidMemberInvitation(f"An account for {invitation.email} exists already: sign in to join.")
            user = User.objects.create_user(
                email=invitation.email, password=new_account["password"],
                first_name=new_account.get("first_name", ""), last_name=new_account.get("last_name", ""))
        elif user.email.lower() != invitation.email:
            raise InvalidMemberInvitation(
                f"This invitation is for {invitation.email}, and you are signed in as {user.email}. "
                f"Sign out, then open the link again.")
        if user.organization_id == invitation.organization_id:
            raise InvalidMemberInvitation(f"You are a member of {invitation.organization} already.")
        if user.organization_id is not None:
            raise InvalidMemberInvitation(
                f"You are a member of {user.organization}. A person belongs to one organization: "
                "ask a curator to move your account.")
        user.organization = invitation.organization
        user.save(update_fields=["organization"])
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        membership_record(organization=invitation.organization, member_email=user.email, actor=user,
                          verb=MembershipEvent.Verb.JOINED,
                          detail=f"Invited by {invitation.created_by.email if invitation.created_by else 'a member'}")
    return user


def member_remove(*, organization: Organization, member: User, user: User) -> None:
    """Take a member out of the organization and end their sessions; the last member stays."""
    with transaction.atomic():
        members = list(User.objects.select_for_update().filter(organization=organization).order_by("pk"))
        if member.pk not in {m.pk for m in members}:
            raise ValidationError(f"{member.email} is not a member of {organization}.")
        if len(members) == 1:
            raise ValidationError(f"{member.email} is the last member of {organization}; an organization keeps "
                                  "at least one. Ask a curator if the account should close.")
        member.organization = None
        member.save(update_fields=["organization"])
        member.end_sessions()
        membership_record(organization=organization, member_email=member.email, actor=user,
                          verb=MembershipEvent.Verb.REMOVED)


def membership_change_by_curator(*, member: User, old_organization_id: int | None, curator: User) -> None:
    """Record a curator's change of a person's organization in the admin (the save already happened)."""
    if old_organization_id == member.organization_id:
        return
    if old_organization_id is not None:
        membership_record(organization=Organization.objects.get(pk=old_organization_id), member_email=member.email,
                          actor=curator, verb=MembershipEvent.Verb.CURATOR_REMOVED)
        member.end_sessions()
    if member.organization_id is not None:
        membership_record(organization=member.organization, member_email=member.email, actor=curator,
                          verb=MembershipEvent.Verb.CURATOR_ADDED)
