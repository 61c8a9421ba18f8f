"""Reads for filing: who must sign the text to file, and what each filer still lacks."""
from dataclasses import dataclass, field

from resolutions import rule14a8
from resolutions.drafts.limits import draft_limits, printed_chars
from resolutions.drafts.rendering import content_sha256
from resolutions.drafts.selectors import draft_content
from ..models import Draft, DraftVersion, SignOn
from .models import OwnershipProof, Representation


@dataclass
class FilerStatus:
    """One organization expected to file: the lead, or a co-filer that joined and was not removed."""

    organization_id: int
    name: str
    lead: bool
    sign_on: SignOn | None
    proofs: list[OwnershipProof] = field(default_factory=list)
    representation: Representation | None = None

    @property
    def signed(self) -> bool:
        return self.sign_on is not None and self.sign_on.status == SignOn.Status.SIGNED

    def signed_text(self, version: DraftVersion) -> bool:
        return self.signed and version.sha256 == (self.sign_on.version_sha256 or self.sign_on.version.sha256)

    @property
    def needs_proof(self) -> bool:
        return self.signed and self.sign_on.holder_type == SignOn.Holder.BROKER

    def proof_checks(self) -> list[rule14a8.Check]:
        """Each letter against the filer's planned submission date and holding period."""
        sign_on = self.sign_on
        if not sign_on or not sign_on.submission_date:
            return []
        needed = (rule14a8.required_holding_start(market_value=sign_on.market_value,
                                                submission_date=sign_on.submission_date)
                  if sign_on.market_value is not None else None)
        return [rule14a8.check_proof_period(period_start=p.period_start, period_end=p.period_end,
                                          held_since_needed=needed, submission_date=sign_on.submission_date)
                for p in self.proofs]


def draft_filer_statuses(draft: Draft) -> list[FilerStatus]:
    """The lead organization first, then each co-filer that accepted and was not removed, by invitation."""
    sign_ons = {s.organization_id: s for s in draft.sign_ons.select_related("version", "organization")}
    proofs: dict[int, list[OwnershipProof]] = {}
    for proof in draft.ownership_proofs.all():
        proofs.setdefault(proof.organization_id, []).append(proof)
    representations = {r.organization_id: r for r in draft.representations.all()}
    rows = [FilerStatus(draft.lead_organization_id, draft.lead_organization.legal_name, True,
                        sign_ons.get(draft.lead_organization_id), proofs.get(draft.lead_organization_id, []),
                        representations.get(draft.lead_organization_id))]
    invitations = (draft.invitations.filter(accepted_at__isnull=False, revoked_at__isnull=True)
                   .select_related("organization").order_by("created_at"))
    for invitation in invitations:
        org_id = invitation.organization_id
        if org_id and all(row.organization_id != org_id for row in rows):
            rows.append(FilerStatus(org_id, invitation.organization.legal_name, False, sign_ons.get(org_id),
                                    proofs.get(org_id, []), representations.get(org_id)))
    return rows


def finalize_problems(draft: Draft, version: DraftVersion) -> list[str]:
    """Why ``version`` cannot be the text to file yet; empty when it can."""
    latest = draft.versions.newest()
    if latest is None or latest.pk != version.pk:
        return [f"Version {version.number} is not the latest text; finalize version "
                f"{latest.number if latest else '—'} or restore this one first."]
    problems = []
    for row in draft_filer_statuses(draft):
        who = f"{row.name} (lead filer)" if row.lead else row.name
        if row.sign_on is None or row.sign_on.signed_at is None:
            problems.append(f"{who} has not given its Rule 14a-8(b) statements and signature"
                            + (": fill in “Our statements”." if row.lead else ". Ask it to sign, or remove it."))
        elif not row.signed_text(version):
            problems.append(f"{who} has not signed version {version.number} (SHA-256 {version.short_hash}); "
                            + ("sign it under “Our statements”." if row.lead
                               else "it must re-confirm this exact text, or be removed."))
        if row.representation is not None:
            problems += authorization_problems(row.name, row.representation, title=version.content["title"])
    return problems


def authorization_problems(filer: str, representation: Representation, *, title: str) -> list[str]:
    """Rule 14a-8(b)(1)(iv): what a filer acting for a shareholder still needs before the text can be filed."""
    shareholder = representation.shareholder_name
    if not representation.authorized:
        pending = (f"; the signing link went to {representation.signer_email}"
                   if representation.basis == Representation.Basis.SIGNED_HERE else "")
        return [f"Rule 14a-8(b)(1)(iv): {filer} files for {shareholder}, whose authorization, signed and dated by "
                f"the shareholder, is not in yet{pending}."]
    if representation.proposal_title and representation.proposal_title != title:
        return [f"Rule 14a-8(b)(1)(iv): {shareholder}'s authorization names the proposal “"
                f"{representation.proposal_title}”, and the text to file is titled “{title}”: ask "
                f"{shareholder} to authorize it again."]
    return []


def version_to_file(draft: Draft) -> DraftVersion | None:
    """The finalized version of a draft that is final or filed (the latest finalized one)."""
    if draft.status not in (Draft.Status.FINAL, Draft.Status.FILED):
        return None
    return draft.versions.filter(finalized_at__isnull=False).newest()



def draft_content_sha256(draft: Draft) -> str:
    """The SHA-256 a version saved now would get (the same content as ``version_save`` builds)."""
    return content_sha256(draft_content(draft))


def renders_in_background(version: DraftVersion) -> bool:
    """A version this long has its proposal PDF and letters made in the background (``drafts.limits``)."""
    return printed_chars(version.content) > draft_limits().background_render_chars
