import hashlib

from django.conf import settings
from django.db import migrations, models


def hash_quotes(apps, schema_editor):
    """Hash every quote; a repeat of a passage already saved for its source keeps an empty hash
    (outside the constraint), so drafts citing it still resolve."""
    Snippet = apps.get_model("evidence", "Snippet")
    seen = set()
    for snippet in Snippet.objects.order_by("pk"):
        digest = hashlib.sha256(snippet.quote.encode("utf-8")).hexdigest()
        if (snippet.source_id, digest) not in seen:
            seen.add((snippet.source_id, digest))
            Snippet.objects.filter(pk=snippet.pk).update(quote_sha256=digest)


class Migration(migrations.Migration):

    dependencies = [
        ('evidence', '0004_private_files_under_random_names'),
        ('resolutions', '0007_draftversion_uploaded_from_word'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='snippet',
            name='quote_sha256',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.RunPython(hash_quotes, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='snippet',
            constraint=models.UniqueConstraint(condition=models.Q(('quote_sha256', ''), _negated=True), fields=('source', 'quote_sha256'), name='one_snippet_per_source_and_quote'),
        ),
    ]
