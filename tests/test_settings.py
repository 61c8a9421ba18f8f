"""config.settings: what the environment gives."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("url, engine", [
    ("", "django.db.backends.sqlite3"),
    ("postgres://someone@db.example:5432/whereas", "django.db.backends.postgresql"),
])
def test_database_url_names_the_database_and_an_empty_one_means_the_embedded_default(url, engine):
    environment = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    printed = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
                               "print(settings.DATABASES['default']['ENGINE'])"],
        cwd=ROOT, env=environment, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert printed == engine


def test_without_a_broker_tasks_run_in_process_and_nothing_says_it_reverted_to_localhost():
    environment = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "CELERY_BROKER_URL")}
    environment["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    # An eager task's first step: a producer from the broker's pool (celery.app.task.Task.apply_async).
    run = subprocess.run(
        [sys.executable, "-c", "import logging; logging.basicConfig(); import django; django.setup(); "
                               "from config.celery import app; print(app.conf.task_always_eager); "
                               "app.producer_or_acquire().__enter__()"],
        cwd=ROOT, env=environment, capture_output=True, text=True, check=True,
    )
    assert run.stdout.strip() == "True"
    assert "No hostname was supplied" not in run.stderr, run.stderr
