"""In-process settings for the benchmark: the test settings, on the bench's PostgreSQL database.

``bench.__main__`` puts the bench database's URL in ``DATABASE_URL`` and a temporary folder in
``MEDIA_ROOT`` before Django starts.
"""
from config.settings.test import *  # noqa: F401,F403

# django.test.Client talks to "testserver"; nothing here listens on a network.
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# Persistent connections, as gunicorn workers would have them after their first request.
DATABASES["default"]["CONN_MAX_AGE"] = None  # noqa: F405
# Stored PDFs on disk, as in production (the tests keep them in memory).
STORAGES = {**STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}  # noqa: F405
# The app's URLs and the bare view the pages are measured against (bench.floor).
ROOT_URLCONF = "bench.urls"
