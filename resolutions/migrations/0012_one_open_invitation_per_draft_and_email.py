from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def revoke_duplicate_open_invitations(apps, schema_editor):
    """Of two or more open invitations to one mailbox for one draft, keep the newest."""
    Invitation = apps.get_model("resolutions", "Invitation")
    seen = set()
    for invitation in Invitation.objects.filter(revoked_at=None, accepted_at=None).order_by("-created_at", "-pk"):
        key = (invitation.draft_id, invitation.email)
        if key in seen:
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at"])
        seen.add(key)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_organization_name_key_membership_trail_member_invitations'),
        ('resolutions', '0011_precedent_preamble_board_statement'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(revoke_duplicate_open_invitations, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='invitation',
            constraint=models.UniqueConstraint(condition=models.Q(('accepted_at__isnull', True), ('revoked_at__isnull', True)), fields=('draft', 'email'), name='one_open_invitation_per_draft_and_email'),
        ),
    ]
