"""Against the real Redis when one answers (CI has one): cache, sessions, and a Celery worker."""
import os
import socket
import threading

import pytest
from celery.signals import task_postrun
from django.test import override_settings

from config.celery import app
from resolutions.models import PacketExport
from resolutions.filing import tasks
from resolutions.filing.exports import packet_start
from tests import factories
from tests.conftest import PASSWORD

# TEST_REDIS_DB lets two checkouts run this file at once without sharing a queue.
REDIS_URL = f"redis://127.0.0.1:6379/{os.environ.get('TEST_REDIS_DB', '15')}"


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")


@pytest.mark.django_db
@override_settings(
    CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}},
    SESSION_ENGINE="django.contrib.sessions.backends.cache",
)
def test_sessions_live_in_redis_so_any_web_process_can_serve_the_next_request(client, lead):
    from django.core.cache import cache

    response = client.post("/accounts/login/", {"username": lead.email, "password": PASSWORD})
    assert response.status_code == 302
    assert cache.get(f"django.contrib.sessions.cache{client.session.session_key}") is not None
    assert client.get("/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_packet_is_built_by_a_real_worker_through_the_redis_broker(lead):
    from celery.contrib.testing.worker import start_worker

    draft = factories.draft(lead, clauses=[("whereas", "Facts."), ("resolved", "Shareholders request a report.")])
    packet = packet_start(draft=draft, user=lead)
    # The worker runs in a thread of this process: its task_postrun says when it is done, so the test reads
    # the row only then (on SQLite's shared in-memory test database, a read while the worker writes locks
    # the worker out).
    finished, statuses = threading.Event(), []

    def on_postrun(sender=None, retval=None, **_):
        if sender.name == tasks.packet_build.name:
            statuses.append(retval)
            finished.set()

    task_postrun.connect(on_postrun, weak=False)
    before = {key: app.conf[key] for key in ("broker_url", "task_always_eager", "task_ignore_result")}
    app.conf.update(broker_url=REDIS_URL, task_always_eager=False, task_ignore_result=True)
    app._after_fork()  # drop connection pools made for the earlier, brokerless configuration
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            tasks.packet_build.delay(packet.pk)
            assert finished.wait(60), "the worker did not finish the packet within 60 s"
    finally:
        task_postrun.disconnect(on_postrun)
        app.conf.update(before)
        app._after_fork()
    packet.refresh_from_db()
    assert statuses == [PacketExport.Status.DONE] and packet.status == PacketExport.Status.DONE, packet.error
    assert packet.progress == 100 and packet.file
