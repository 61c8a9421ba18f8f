"""Celery app. Without a broker (CELERY_BROKER_URL unset) tasks run eagerly in-process."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("whereas")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["resolutions.filing", "resolutions.precedents"])  # the app's jobs live in its sub-domain packages
