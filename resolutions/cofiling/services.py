"""Co-filing: invitations, comments and sign-ons. Each write records its audit event."""
import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.services import organization_found
from config.mail import send_or_say_why

from resolutions import rule14a8
from ..models import AuditEvent, Comment, Draft, DraftVersion, Invitation, SignOn
from resolutions.drafts.audit import audit_record
from resolutions.notifications.models import Kind
from resolutions.notifications.services import notification_emit


class InvalidInvitation(Exception):
    """A link that cannot be used: unknown, expired, revoked or already used. The message says which."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def invitation_url(token: str, *, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("invitation_accept", args=[token])


def invitation_create(*, draft: Draft, user, email: str, organization_name: str, contact_name: str = "",
                      base_url: str, send_email: bool = True) -> tuple[Invitation, str]:
    """Invite an organization; returns the invitation and its link, which only the email carries
    (emailed once the transaction commits; a failure is kept in ``send_error``)."""
    email = email.strip().lower()
    already = ValidationError(f"{email} already has an open invitation to this draft. Use “Send again” instead.")
    open_ones = draft.invitations.filter(email=email, revoked_at__isnull=True, accepted_at__isnull=True)
    if open_ones.filter(expires_at__gt=timezone.now()).exists():
        raise already
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        open_ones.filter(expires_at__lte=timezone.now()).update(revoked_at=timezone.now())  # superseded
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    draft=draft, email=email, organization_name=organization_name.strip(),
                    contact_name=contact_name.strip(), token_sha256=_hash(token), created_by=user,
                    last_sent_at=timezone.now(), expires_at=timezone.now() + timedelta(days=settings.INVITATION_DAYS),
                )
        except IntegrityError:  # the same invitation, sent by a double submit a moment ago
            raise already from None
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.INVITED,
                     detail=f"{invitation.organization_name} <{email}>")
        notification_emit(draft=draft, kind=Kind.INVITED, actor=user, target=invitation)
        link = invitation_url(token, base_url=base_url)
        if send_email:
            transaction.on_commit(lambda: _send_invitation(invitation, link))
    return invitation, link


def invitation_resend(*, invitation: Invitation, user, base_url: str) -> str:
    """A fresh link (the old one stops working) and a new expiry date, emailed again."""
    if invitation.accepted_at or invitation.revoked_at:
        raise ValidationError("This invitation was already accepted or revoked; invite again instead.")
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation.token_sha256 = _hash(token)
        invitation.expires_at = timezone.now() + timedelta(days=settings.INVITATION_DAYS)
        invitation.last_sent_at = timezone.now()
        invitation.save(update_fields=["token_sha256", "expires_at", "last_sent_at"])
        audit_record(draft=invitation.draft, actor=user, verb=AuditEvent.Verb.INVITED,
                     detail=f"Sent again to {invitation.email}")
        link = invitation_url(token, base_url=base_url)
        transaction.on_commit(lambda: _send_invitation(invitation, link))
    return link


def invitation_revoke(*, invitation: Invitation, user) -> None:
    """Before acceptance the link stops working; after it, the co-filer is removed (``cofiler_remove``)."""
    if invitation.revoked_at:
        raise ValidationError("This invitation was revoked already.")
    if invitation.accepted_at:
        cofiler_remove(invitation=invitation, user=user)
        return
    with transaction.atomic():
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit_record(draft=invitation.draft, actor=user, verb=AuditEvent.Verb.REVOKED, detail=invitation.email)


def cofiler_remove(*, invitation: Invitation, user) -> None:
    """Take an accepted co-filer off the draft: access ends, their sign-on is withdrawn (so they are on
    no letter, proposal or packet), the trail says who did it, and they are told by email."""
    with transaction.atomic():
        invitation = (Invitation.objects.select_for_update(of=("self",))
                      .select_related("draft__company", "organization", "accepted_by").get(pk=invitation.pk))
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        withdrawn = SignOn.objects.filter(
            draft=invitation.draft, organization_id=invitation.organization_id,
            status__in=[SignOn.Status.SIGNED, SignOn.Status.NEEDS_RECONFIRMATION],
        ).update(status=SignOn.Status.WITHDRAWN, updated_at=timezone.now())
        organization = invitation.organization or invitation.organization_name
        audit_record(draft=invitation.draft, actor=user, verb=AuditEvent.Verb.REMOVED,
                     detail=f"{organization} <{invitation.email}>" + ("; its sign-on withdrawn" if withdrawn else ""))
        recipients = sorted({invitation.email, *([invitation.accepted_by.email] if invitation.accepted_by else [])})
        context = {"draft": invitation.draft, "organization": organization,
                   "lead_organization": invitation.draft.lead_organization}
        message = EmailMultiAlternatives(
            subject=f"You are no longer a co-filer of “{invitation.draft.title}”",
            body=render_to_string("cofiling/email/removed.txt", context), to=recipients)
        transaction.on_commit(lambda: send_or_say_why(message))


def _send_invitation(invitation: Invitation, link: str) -> None:
    """Email the link to the invited address; a failure is kept on the invitation for the lead to see."""
    context = {"invitation": invitation, "draft": invitation.draft, "link": link,
               "days": settings.INVITATION_DAYS}
    message = EmailMultiAlternatives(
        subject=f"Invitation to co-file “{invitation.draft.title}” at {invitation.draft.company.name}",
        body=render_to_string("cofiling/email/invitation.txt", context),
        to=[invitation.email],
    )
    message.attach_alternative(render_to_string("cofiling/email/invitation.html", context), "text/html")
    invitation.send_error = send_or_say_why(message)
    Invitation.objects.filter(pk=invitation.pk).update(send_error=invitation.send_error)


def invitation_for_token(token: str) -> Invitation:
    invitation = (
        Invitation.objects.select_related("draft__company", "draft__lead_organization")
        .filter(token_sha256=_hash(token or "")).first()
    )
    if invitation is None:
        raise InvalidInvitation("This invitation link is not valid. Check that you copied the whole link, "
                                "or ask the lead filer to send it again.")
    state = invitation.state(timezone.now())
    if state == "revoked":
        raise InvalidInvitation("This invitation was withdrawn by the lead filer.")
    if state == "accepted":
        raise InvalidInvitation("This invitation link was already used. Sign in to see the draft.")
    if state == "expired":
        raise InvalidInvitation(f"This invitation expired on {invitation.expires_at:%B %-d, %Y}. "
                                "Ask the lead filer to send it again.")
    return invitation


def invitation_open(*, invitation: Invitation, user=None) -> None:
    if invitation.opened_at is None:
        with transaction.atomic():
            invitation.opened_at = timezone.now()
            invitation.save(update_fields=["opened_at"])
            audit_record(draft=invitation.draft, actor=user, verb=AuditEvent.Verb.OPENED, detail=invitation.email)


def invitation_accept(*, invitation: Invitation, user: User | None = None, new_account: dict | None = None,
                      legal_name: str = "") -> User:
    """Join the draft as co-filer, as the invited address: its account with its own organization, or a new
    account (the emailed link proved the mailbox) with a new organization named ``legal_name``.

    An organization's name is never identity: a name matching an existing organization is refused
    (``organization_found``); membership of an existing organization comes only from its members.
    """
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().select_related("draft").get(pk=invitation.pk)
        if invitation.accepted_at:
            raise InvalidInvitation("This invitation link was already used.")
        if user is None:
            if User.objects.filter(email__iexact=invitation.email).exists():
                raise InvalidInvitation(f"An account for {invitation.email} exists already: sign in to join.")
            user = User.objects.create_user(
                email=invitation.email, password=new_account["password"],
                first_name=new_account.get("first_name", ""), last_name=new_account.get("last_name", ""),
            )
        elif not invitation.is_for(user):
            raise InvalidInvitation(invitation.wrong_account_message(user))
        if user.organization_id is None:
            user.organization = organization_found(
                legal_name=legal_name, founder_email=user.email,
                detail=f"On accepting the invitation to co-file “{invitation.draft.title}”")
            user.save(update_fields=["organization"])
        if invitation.draft.is_led_by(user):
            raise InvalidInvitation("Your organization is the lead filer of this draft already.")
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.organization_id = user.organization_id
        invitation.save(update_fields=["accepted_at", "accepted_by", "organization"])
        audit_record(draft=invitation.draft, actor=user, verb=AuditEvent.Verb.JOINED, detail=str(user.organization))
        notification_emit(draft=invitation.draft, kind=Kind.JOINED, actor=user, target=invitation)
    return user


def comment_add(*, draft: Draft, user, text: str, clause_id=None, parent_id=None, form_token: str = "") -> Comment:
    """A comment; posted again with the same ``form_token`` (a double submit), the first one is returned."""
    if form_token and (first := draft.comments.filter(form_token=form_token).first()):
        return first
    text = (text or "").strip()
    if not text:
        raise ValidationError("A comment needs some text.")
    if len(text) > 5000:
        raise ValidationError("A comment may hold at most 5,000 characters.")
    clause = draft.clauses.filter(pk=clause_id).first() if clause_id else None
    if clause_id and clause is None:
        raise ValidationError("That clause is not part of this draft (it may have been deleted).")
    parent = draft.comments.filter(pk=parent_id).first() if parent_id else None
    try:
        with transaction.atomic():
            comment = Comment.objects.create(draft=draft, clause=clause or (parent.clause if parent else None),
                                             parent=parent, author=user, text=text, form_token=form_token,
                                             version=draft.versions.newest())
            audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.COMMENTED, detail=text[:120])
            notification_emit(draft=draft, kind=Kind.REPLIED if parent else Kind.COMMENTED, actor=user,
                              target=comment)
    except IntegrityError:  # the same form, posted twice at once: the other request made it
        return draft.comments.get(form_token=form_token)
    return comment


def comment_resolve(*, comment: Comment, user) -> None:
    if not comment.draft.is_led_by(user):
        raise PermissionDenied("Only the lead filer resolves comments.")
    with transaction.atomic():
        comment.resolved_at = timezone.now()
        comment.resolved_by = user
        comment.save(update_fields=["resolved_at", "resolved_by"])
        audit_record(draft=comment.draft, actor=user, verb=AuditEvent.Verb.COMMENT_RESOLVED,
                     detail=comment.text[:120])
        notification_emit(draft=comment.draft, kind=Kind.RESOLVED, actor=user, target=comment)


def invitation_mark_seen(*, invitation: Invitation | None, version: DraftVersion | None) -> None:
    """The co-filer has now reviewed ``version``: its next review shows a redline from it."""
    if invitation is None or version is None or invitation.last_seen_version_id == version.pk:
        return
    Invitation.objects.filter(pk=invitation.pk).update(last_seen_version=version)
    invitation.last_seen_version = version


@dataclass(frozen=True)
class SignOnData:
    legal_name: str
    signatory_name: str
    signatory_title: str
    email: str
    phone: str
    shares: int
    market_value: Decimal
    held_since: date
    holder_type: str
    intends_to_hold: bool
    availability: list[datetime]
    authorizes_lead: bool
    signature: str
    submission_date: date
    valuation_date: date | None = None
    price_per_share: Decimal | None = None
    price_basis: str = ""


# The sign-on form's field each check is about (the rest are the form's own errors).
SIGN_ON_CHECK_FIELDS = {"Valuation": "valuation_date", "Ownership": "shares", "Engagement": "slot_1",
                        "Business hours": "slot_1"}


def company_details_checks(draft: Draft) -> list[rule14a8.Check]:
    """What the sign-on form says before anything is posted: whether the company's details are a curator's."""
    company = draft.company
    return rule14a8.check_company_details(str(company), verified=company.verified,
                                          uses="the business hours and time zone of the engagement times")


def sign_on_checks(data: SignOnData, *, draft: Draft) -> list[rule14a8.Check]:
    """The valuation, the ownership verdict, the engagement days and hours, as the form shows them."""
    found = company_details_checks(draft)
    if data.valuation_date and data.price_per_share is not None:
        found.append(rule14a8.check_valuation(valuation_date=data.valuation_date, submission_date=data.submission_date,
                                            shares=data.shares, price=data.price_per_share,
                                            basis=data.price_basis or rule14a8.PRICE_BID_ASK))
    opens, closes = draft.company.business_hours()
    return found + [
        rule14a8.ownership_verdict(market_value=data.market_value, held_since=data.held_since,
                                 as_of=data.submission_date),
        rule14a8.check_engagement(submission_date=data.submission_date, slots=data.availability),
        rule14a8.check_business_hours(slots=data.availability, opens=opens, closes=closes,
                                      zone=draft.company.time_zone_text),
    ]


def sign_on_create(*, draft: Draft, version: DraftVersion, user, data: SignOnData, ip_address=None,
                   user_agent: str = "") -> SignOn:
    """Sign (or re-confirm) one exact version. Refused for an old version or a second signature.

    The lead organization gives the same statements through this service (its letter is built
    from them); it needs no authorization of itself, and may replace its statements on the
    same version.
    """
    lead = draft.is_led_by(user)
    latest = draft.versions.newest()
    if latest is None or version.pk != latest.pk:
        raise ValidationError(
            f"Version {version.number} is no longer the current text (the latest is version "
            f"{latest.number if latest else '—'}). Review the latest version and sign that one."
        )
    problems: dict[str, list[str]] = {}
    for check in sign_on_checks(data, draft=draft):
        if check.status == rule14a8.ERROR:
            problems.setdefault(SIGN_ON_CHECK_FIELDS.get(check.label, NON_FIELD_ERRORS), []).append(check.message)
    if not data.intends_to_hold:
        problems["intends_to_hold"] = [
            "Rule 14a-8(b): a proponent must state that it intends to hold the shares through the meeting."]
    if not lead and not data.authorizes_lead:
        problems["authorizes_lead"] = ["Rule 14a-8(b): authorize the lead filer to act for you, or decline instead."]
    if problems:
        raise ValidationError(problems)  # keyed by the sign-on form's fields: each shown at its own
    with transaction.atomic():
        existing = SignOn.objects.select_for_update().filter(draft=draft, organization_id=user.organization_id).first()
        if existing and existing.status == SignOn.Status.SIGNED and not lead:
            raise ValidationError(
                f"{existing.legal_name or user.organization} already signed version {existing.version.number}. "
                "Withdraw that sign-on first if you need to change it."
            )
        reconfirming = existing is not None and existing.status == SignOn.Status.NEEDS_RECONFIRMATION
        sign_on = existing or SignOn(draft=draft, organization_id=user.organization_id)
        for name, value in data.__dict__.items():
            if name == "availability":
                value = [slot.isoformat() for slot in value]
            setattr(sign_on, name, value)
        if lead:
            sign_on.authorizes_lead = False
        sign_on.availability_time_zone = draft.company.office_time_zone  # the zone the times were given in
        sign_on.version, sign_on.version_sha256 = version, version.sha256
        sign_on.user, sign_on.status, sign_on.signed_at = user, SignOn.Status.SIGNED, timezone.now()
        sign_on.ip_address, sign_on.user_agent = ip_address, (user_agent or "")[:500]
        sign_on.decline_reason = ""
        try:
            with transaction.atomic():
                sign_on.save()
        except IntegrityError as error:
            raise ValidationError("Your organization has already signed this draft.") from error
        verb = AuditEvent.Verb.RECONFIRMED if reconfirming else AuditEvent.Verb.SIGNED
        audit_record(draft=draft, actor=user, verb=verb,
                     detail=f"{sign_on.legal_name} signed version {version.number} ({version.short_hash})")
        if not lead:  # the lead's own statements are no news to the lead
            notification_emit(draft=draft, kind=Kind.RECONFIRMED if reconfirming else Kind.SIGNED, actor=user,
                              target=sign_on)
    return sign_on


def sign_on_decline(*, draft: Draft, user, reason: str) -> SignOn:
    with transaction.atomic():
        sign_on, _ = SignOn.objects.get_or_create(draft=draft, organization_id=user.organization_id,
                                                  defaults={"user": user})
        sign_on.status, sign_on.decline_reason, sign_on.user = SignOn.Status.DECLINED, reason.strip(), user
        sign_on.save()
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.DECLINED, detail=reason[:200])
        notification_emit(draft=draft, kind=Kind.DECLINED, actor=user, target=sign_on)
    return sign_on


def sign_on_withdraw(*, draft: Draft, user) -> SignOn:
    with transaction.atomic():
        sign_on = SignOn.objects.filter(draft=draft, organization_id=user.organization_id).first()
        if sign_on is None or not sign_on.can_withdraw:
            raise ValidationError("Your organization has no sign-on to withdraw.")
        sign_on.status = SignOn.Status.WITHDRAWN
        sign_on.save(update_fields=["status", "updated_at"])
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.WITHDRAWN, detail=str(sign_on.organization))
        notification_emit(draft=draft, kind=Kind.WITHDREW, actor=user, target=sign_on)
    return sign_on


def sign_ons_flag_for_reconfirmation(*, draft: Draft, user) -> int:
    """After the lead changes the text, every signature asks to be confirmed again (and is not listed meanwhile);
    each co-filer is told, with a link to the changes since the version it signed."""
    signed = list(SignOn.objects.filter(draft=draft, status=SignOn.Status.SIGNED).select_related("version", "organization"))
    if not signed:
        return 0
    SignOn.objects.filter(pk__in=[s.pk for s in signed]).update(status=SignOn.Status.NEEDS_RECONFIRMATION)
    audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.NEEDS_RECONFIRMATION,
                 detail=", ".join(s.legal_name or str(s.organization_id) for s in signed))
    for sign_on in signed:
        notification_emit(draft=draft, kind=Kind.NEEDS_RECONFIRMATION, actor=user, target=sign_on)
    return len(signed)
