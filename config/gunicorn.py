"""gunicorn's settings, for the Dockerfile and docker-compose: ``gunicorn -c config/gunicorn.py config.wsgi``.

A worker is killed only well after the app would have stopped the longest work it does in a
request itself (a PDF render, or the read of an upload, each in its sandbox with a limit): so the
user gets the app's own styled answer ("The PDF took longer than 60 seconds…"), not a killed
worker and a bare 502, and no other request waits on a worker gunicorn is about to kill.
"""
import os

from django.conf import settings  # DJANGO_SETTINGS_MODULE is set wherever gunicorn runs (the image sets it)

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# The app's own limits, plus time to answer after one: the render or read stopped, the page sent.
timeout = max(settings.PDF_RENDER_TIMEOUT_SECONDS, settings.UPLOAD_READ_SECONDS) + 30
graceful_timeout = timeout


def post_worker_init(worker):
    """Start this web worker's sandbox worker now: the first upload read or PDF render would wait 1–3 s for it."""
    from config import sandbox

    sandbox.warm()
