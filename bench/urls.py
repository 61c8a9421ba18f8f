"""The app's URLs plus the bench's bare view (``bench.floor.bare``), for in-process and gunicorn runs."""
from django.urls import path

from config.urls import handler500, urlpatterns as app_urlpatterns  # noqa: F401

from .floor import bare

urlpatterns = [path("__bench__/bare/<int:size>/", bare), *app_urlpatterns]
