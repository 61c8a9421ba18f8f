"""Non-trivial reads of co-filing: the lead filer's view of who was invited and who signed."""
from resolutions import rule14a8
from resolutions.models import Draft, SignOn


def draft_filers(draft: Draft, *, now) -> list[dict]:
    """One row per invitee for the lead filer's dashboard: status in plain words and the ownership verdict."""
    sign_ons = {s.organization_id: s for s in draft.sign_ons.select_related("version", "organization")}
    commented = set(draft.comments.values_list("author__organization_id", flat=True))
    rows = []
    for invitation in draft.invitations.select_related("organization").order_by("created_at"):
        sign_on = sign_ons.get(invitation.organization_id) if invitation.organization_id else None
        state = invitation.state(now)
        if sign_on and sign_on.status == SignOn.Status.SIGNED:
            status = f"signed version {sign_on.version.number}" if sign_on.version else "signed"
        elif sign_on:
            status = sign_on.get_status_display().lower()
        elif state == "accepted":
            status = "commented" if invitation.organization_id in commented else "joined"
        else:
            status = state
        verdict = None
        if sign_on and sign_on.market_value is not None and sign_on.held_since and sign_on.signed_at:
            verdict = rule14a8.ownership_verdict(market_value=sign_on.market_value, held_since=sign_on.held_since,
                                               as_of=sign_on.signed_at.date())
        rows.append({"invitation": invitation, "sign_on": sign_on, "status": status, "verdict": verdict,
                     "can_resend": state in ("invited", "opened", "expired"), "can_remove": state == "accepted"})
    return rows


def sign_on_notice(draft: Draft) -> str:
    """What the editor says before an edit unsettles co-filers' signatures, or "" when none are at stake."""
    co_filers = list(draft.sign_ons.exclude(organization_id=draft.lead_organization_id)
                     .values_list("status", "version__number"))
    current = [number for status, number in co_filers if status == SignOn.Status.SIGNED]
    signed = sorted({number for number in current if number is not None})
    count = len(current)
    waiting = sum(1 for status, _ in co_filers if status == SignOn.Status.NEEDS_RECONFIRMATION)
    parts = []
    if count:
        versions = " and ".join(str(n) for n in signed)
        parts.append(f"{count} co-filer{'s' if count != 1 else ''} signed version{'s' if len(signed) > 1 else ''} "
                     f"{versions}; changing the text asks {'them' if count != 1 else 'it'} to re-confirm.")
    if waiting:
        parts.append(f"{waiting} co-filer{'s' if waiting != 1 else ''} asked to re-confirm after a change.")
    return " ".join(parts)
