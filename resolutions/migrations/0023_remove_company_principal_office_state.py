# Once removed Company.principal_office_state; the Texas check reads it again (0024), so this removes
# nothing: a database migrated past here keeps the column and its data.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('resolutions', '0022_notification_kind_deadline'),
    ]

    operations = []
