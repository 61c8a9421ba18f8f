"""Settings of the bench's gunicorn: production, plus the bare view (``bench.urls``)."""
from config.settings.prod import *  # noqa: F401,F403

ROOT_URLCONF = "bench.urls"
