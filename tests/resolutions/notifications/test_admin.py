"""The notifications admin: a read-only list that says how each was delivered, never what it said."""
import pytest

from resolutions.cofiling import services as cofiling
from resolutions.models import Notification

pytestmark = pytest.mark.django_db


def test_curators_see_who_was_told_and_how_but_not_what_and_change_nothing(client, make_user, draft, cofiler,
                                                                          version, lead):
    cofiling.comment_add(draft=draft, user=cofiler, text="A private remark about the draft.")
    notification = Notification.objects.get(recipient=lead, kind="commented")
    client.force_login(make_user("librarian@test.example", staff=True, is_superuser=True))

    page = client.get("/admin/resolutions/notification/").content.decode()
    assert lead.email in page and "Comments" in page
    assert "A private remark" not in page and draft.title not in page
    assert "A private remark" not in client.get("/admin/resolutions/notification/?q=remark").content.decode()
    assert client.get("/admin/resolutions/notificationdigest/").status_code == 200
    for url in (f"/admin/resolutions/notification/{notification.pk}/change/", "/admin/resolutions/notification/add/",
                f"/admin/resolutions/notification/{notification.pk}/delete/"):
        assert client.get(url).status_code in (302, 403), url
    assert Notification.objects.filter(pk=notification.pk, read_at__isnull=True).exists()
