"""Celery app. Without a broker (CELERY_BROKER_URL unset) tasks run eagerly in-process.

The beat schedule runs in the compose file's worker (``celery -A config worker -B``).
"""
import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("whereas")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["resolutions.filing", "resolutions.filing.record", "resolutions.precedents"])  # jobs live in sub-domain packages
app.conf.beat_schedule = {
    # Deadline reminders, once a day in the morning (TIME_ZONE); each is recorded, so a rerun sends nothing twice.
    "deadline-reminders": {"task": "resolutions.filing.record.tasks.send_deadline_reminders",
                           "schedule": crontab(hour=7, minute=0)},
}
