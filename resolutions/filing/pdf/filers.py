"""Who files a version: the lead filer first, then the co-filers who signed this exact text."""
from dataclasses import dataclass, field

from django.db.models import Q

from resolutions.models import DraftVersion, Representation, SignOn


@dataclass(frozen=True)
class Filer:
    name: str
    organization: str
    lead: bool
    organization_id: int
    sign_on: SignOn | None = field(default=None, compare=False, repr=False)
    # Rule 14a-8(b)(1)(iv): the shareholder this filer submits for, if any
    representation: Representation | None = field(default=None, compare=False, repr=False)

    @property
    def proponent(self) -> str:
        """Who owns the shares and makes the statements: the represented shareholder, else the organization."""
        return self.representation.shareholder_name if self.representation else self.organization


def version_filers(version: DraftVersion) -> list[Filer]:
    """The lead organization with the version's author, then current sign-ons on this text by time signed.

    A sign-on counts when it names this version or carries its SHA-256; one on another text
    is not listed. The lead's own sign-on, if it signed this text, backs the lead's letter.
    """
    draft = version.draft
    sign_ons = list(
        SignOn.objects.signed().filter(draft=draft).filter(Q(version=version) | Q(version_sha256=version.sha256))
        .select_related("organization", "user").order_by("signed_at", "pk")
    )
    lead_sign_on = next((s for s in sign_ons if s.organization_id == draft.lead_organization_id), None)
    represents = {r.organization_id: r for r in draft.representations.all()}
    lead = Filer(
        name=_person(version.created_by or draft.created_by), organization=draft.lead_organization.legal_name,
        lead=True, organization_id=draft.lead_organization_id, sign_on=lead_sign_on,
        representation=represents.get(draft.lead_organization_id),
    )
    return [lead] + [
        Filer(name=s.signatory_name or _person(s.user), organization=s.legal_name or s.organization.legal_name,
              lead=False, organization_id=s.organization_id, sign_on=s, representation=represents.get(s.organization_id))
        for s in sign_ons if s is not lead_sign_on
    ]


def _person(user) -> str:
    return (user.get_full_name() or user.email) if user else ""
