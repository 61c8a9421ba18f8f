from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('resolutions', '0012_one_open_invitation_per_draft_and_email'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='comment',
            name='form_token',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name='draftversion',
            name='form_token',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddConstraint(
            model_name='comment',
            constraint=models.UniqueConstraint(condition=models.Q(('form_token', ''), _negated=True), fields=('draft', 'form_token'), name='one_comment_per_form'),
        ),
        migrations.AddConstraint(
            model_name='draftversion',
            constraint=models.UniqueConstraint(condition=models.Q(('form_token', ''), _negated=True), fields=('draft', 'form_token'), name='one_version_per_form'),
        ),
    ]
