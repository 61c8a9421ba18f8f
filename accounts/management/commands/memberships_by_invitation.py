"""List memberships that accepting a co-filing invitation granted in an organization that already existed.

Before organizations stopped being joined by name, accepting an invitation put the acceptor in the
organization whose legal name the lead filer had typed, creating it only if it did not exist.
Such a membership shows in the records as: the acceptor is a member of the invitation's
organization, whose legal name is exactly the name typed, and the organization existed before the
invitation was made (or had other members before the acceptance). A curator reviews each row and
removes the person in the admin (Accounts › Users) where they do not belong.
"""
from django.core.management.base import BaseCommand
from django.db.models import F

from accounts.models import MembershipEvent, User
from resolutions.models import Invitation


class Command(BaseCommand):
    help = "List memberships created by accepting an invitation into an organization that already existed."

    def handle(self, *args, **options):
        rows = [row for row in self._candidates() if row is not None]
        self.stdout.write(f"{len(rows)} membership(s) to review: accepted into an organization that already existed.")
        for invitation, how in rows:
            self.stdout.write(
                f"  {invitation.accepted_at:%Y-%m-%d %H:%M} · {invitation.accepted_by.email} · "
                f"member of “{invitation.organization}” (organization #{invitation.organization_id}) · {how} · "
                f"invitation #{invitation.pk} to draft #{invitation.draft_id}")
        if rows:
            self.stdout.write("Remove a person who does not belong in the admin: Accounts › Users › Organization.")

    def _candidates(self):
        accepted = (Invitation.objects.filter(accepted_at__isnull=False, accepted_by__organization=F("organization"),
                                              organization__legal_name=F("organization_name"))
                    .select_related("accepted_by", "organization").order_by("accepted_at"))
        for invitation in accepted:
            member, organization = invitation.accepted_by, invitation.organization
            founded_it = MembershipEvent.objects.filter(organization=organization, member_email=member.email,
                                                        verb=MembershipEvent.Verb.FOUNDED).exists()
            existed = organization.created_at < invitation.created_at or User.objects.filter(
                organization=organization, date_joined__lt=invitation.accepted_at).exclude(pk=member.pk).exists()
            if founded_it or not existed:
                yield None
                continue
            how = ("new account made by the acceptance" if member.date_joined >= invitation.created_at
                   else "existing account: check whether it belonged to this organization before")
            yield invitation, how
