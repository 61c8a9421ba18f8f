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
