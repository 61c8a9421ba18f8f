"""/health/: what a load balancer asks each web process before sending it requests."""
from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_a_healthy_process_answers_200_without_a_sign_in(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_an_unreachable_database_answers_503_and_says_so(client):
    with mock.patch("config.health.connection.cursor", side_effect=OperationalError("server closed the connection")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"database": "unreachable"}


def test_with_redis_configured_the_cache_is_checked_too(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    assert client.get("/health/").json() == {"database": "ok", "cache": "ok"}
    with mock.patch("config.health.cache.set", side_effect=ConnectionError("Redis is down")):
        response = client.get("/health/")
    assert (response.status_code, response.json()) == (503, {"database": "ok", "cache": "unreachable"})
