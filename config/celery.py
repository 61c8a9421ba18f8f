"""Celery app. Without a broker (CELERY_BROKER_URL unset) tasks run eagerly in-process.

Celery beat (the worker runs it, see docker-compose.yml) starts the periodic jobs below.
"""
import os

from celery import Celery
from celery.schedules import crontab
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("whereas")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# the app's jobs live in its sub-domain packages
app.autodiscover_tasks(["resolutions.filing", "resolutions.filing.record", "resolutions.notifications",
                       "resolutions.precedents"])

app.conf.beat_schedule = {
    "notification-digests": {
        "task": "resolutions.notifications.tasks.send_daily_digests",
        "schedule": crontab(hour=int(os.environ.get("NOTIFICATION_DIGEST_HOUR", "7")), minute=0),
    },
    # Deadline reminders; each is recorded, so a rerun sends nothing twice.
    "deadline-reminders": {"task": "resolutions.filing.record.tasks.send_deadline_reminders",
                           "schedule": crontab(hour=7, minute=0)},
}


@worker_process_init.connect
def warm_sandbox(**_):
    """Each worker process starts its sandbox worker before its first job (a proxy read, a packet) needs it."""
    from config import sandbox

    sandbox.warm()
