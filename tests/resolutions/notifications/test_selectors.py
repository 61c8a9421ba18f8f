"""The bell's count: kept between pages, dropped by what changes it."""
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resolutions.cofiling import services as cofiling

pytestmark = pytest.mark.django_db


def bell_count(client, path="/drafts/") -> str:
    bell = re.search(r'<a id="notification-bell".*?</a>', client.get(path).content.decode(), re.S).group(0)
    found = re.search(r'notification-count">(\d+)<', bell)
    return found.group(1) if found else "none"


def test_pages_after_the_first_do_not_count_again(client, draft, lead, cofiler, version):
    cofiling.comment_add(draft=draft, user=cofiler, text="One.")
    client.force_login(lead)
    assert bell_count(client) == "2"  # the co-filer joined, then commented
    with CaptureQueriesContext(connection) as queries:
        assert bell_count(client) == "2"
    assert not [q for q in queries if 'FROM "resolutions_notification"' in q["sql"]]


def test_a_new_notification_and_reading_show_on_the_next_page(client, draft, lead, cofiler, version,
                                                             django_capture_on_commit_callbacks):
    client.force_login(lead)
    assert bell_count(client) == "1"
    with django_capture_on_commit_callbacks(execute=True):  # the kept count goes once the comment is committed
        cofiling.comment_add(draft=draft, user=cofiler, text="Two.")
    assert bell_count(client) == "2"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/notifications/read/")
    assert bell_count(client) == "none"


def test_a_co_filer_removed_sees_the_count_go_at_the_next_poll(client, draft, lead, cofiler, invitation, version):
    client.force_login(cofiler)
    cofiling.comment_add(draft=draft, user=lead, text="For the co-filers.")
    assert bell_count(client) == "2"  # the version circulated, and the comment
    cofiling.cofiler_remove(invitation=invitation, user=lead)
    assert client.get("/notifications/bell/").context["unread"] == 0
    assert bell_count(client, "/") == "none"
