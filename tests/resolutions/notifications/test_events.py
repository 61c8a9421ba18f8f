"""Who hears of what: each event reaches the people on the draft, with a link to the place, and nobody else."""
import pytest

from resolutions.cofiling import services as cofiling
from resolutions.drafts import services as drafts
from resolutions.models import Notification
from resolutions.notifications.models import Delivery, Kind
from tests import factories
from tests.resolutions.cofiling.test_services import sign_on_data

pytestmark = pytest.mark.django_db


def told(kind, **filters):
    return list(Notification.objects.filter(kind=kind, **filters).order_by("recipient__email")
                .values_list("recipient__email", flat=True))


def test_a_comment_reaches_the_lead_organization_with_a_link_to_the_comment(draft, lead, cofiler, colleague, version):
    clause = draft.clauses.get(kind="whereas")
    comment = cofiling.comment_add(draft=draft, user=cofiler, text="Could we cite\na newer figure?", clause_id=clause.pk)
    assert told(Kind.COMMENTED) == [colleague.email, lead.email]  # never the one who commented
    notification = Notification.objects.get(kind=Kind.COMMENTED, recipient=lead)
    assert notification.url == f"/drafts/{draft.pk}/review/#comment-{comment.pk}"
    assert notification.summary == ("cofiler@test.example (Pension Fund of Tests) commented on WHEREAS 1: "
                                    "“Could we cite a newer figure?”")
    assert notification.actor == cofiler and notification.delivery == Delivery.AT_ONCE


def test_the_lead_s_comment_reaches_the_co_filer_and_a_reply_the_thread(draft, lead, cofiler, colleague, version):
    comment = cofiling.comment_add(draft=draft, user=lead, text="Please read the new recital.")
    assert told(Kind.COMMENTED) == [cofiler.email, colleague.email]
    reply = cofiling.comment_add(draft=draft, user=cofiler, text="Done.", parent_id=comment.pk)
    assert told(Kind.REPLIED) == [colleague.email, lead.email]
    assert Notification.objects.filter(kind=Kind.REPLIED).first().url.endswith(f"#comment-{reply.pk}")
    cofiling.comment_resolve(comment=comment, user=colleague)
    assert told(Kind.RESOLVED) == [cofiler.email, lead.email]  # the thread's authors, not the one who resolved


def test_sign_decline_and_withdraw_tell_the_lead_at_the_filer_s_row(draft, lead, cofiler, invitation, version):
    sign_on = cofiling.sign_on_create(draft=draft, version=version, user=cofiler, data=sign_on_data())
    signed = Notification.objects.get(kind=Kind.SIGNED)
    assert (signed.recipient, signed.url) == (lead, f"/drafts/{draft.pk}/filers/#invitation-{invitation.pk}")
    assert f"signed version {version.number} for Pension Fund of Tests" in signed.summary
    cofiling.sign_on_withdraw(draft=draft, user=cofiler)
    cofiling.sign_on_decline(draft=draft, user=cofiler, reason="Our board said no.")
    assert told(Kind.WITHDREW) == told(Kind.DECLINED) == [lead.email]
    assert "“Our board said no.”" in Notification.objects.get(kind=Kind.DECLINED).summary
    assert sign_on.pk and not Notification.objects.filter(recipient=cofiler, kind__in=[
        Kind.SIGNED, Kind.WITHDREW, Kind.DECLINED]).exists()


def test_invited_and_joined_tell_the_lead_organization_only(draft, lead, cofiler, colleague, invitation):
    assert told(Kind.INVITED) == [colleague.email]  # the lead who invited knows; the invitee gets the invitation
    assert told(Kind.JOINED) == [colleague.email, lead.email]


def test_an_edit_after_signing_asks_the_co_filer_to_re_confirm_with_a_link_to_the_changes(
        client, draft, lead, cofiler, version):
    cofiling.sign_on_create(draft=draft, version=version, user=cofiler, data=sign_on_data())
    draft.refresh_from_db()
    drafts.clause_update(draft=draft, clause_id=draft.clauses.first().pk, expected_revision=draft.revision,
                         text="Facts changed.", user=lead)
    notification = Notification.objects.get(kind=Kind.NEEDS_RECONFIRMATION)
    assert notification.recipient == cofiler and notification.url == f"/drafts/{draft.pk}/review/#changes"
    drafts.version_save(draft=draft, user=lead)
    client.force_login(cofiler)
    page = client.get(f"/notifications/{notification.pk}/", follow=True)
    assert page.redirect_chain[-1][0] == notification.url
    assert 'id="changes"' in page.content.decode() and "<ins" in page.content.decode()
    latest = draft.versions.order_by("-number").first()
    cofiling.sign_on_create(draft=draft, version=latest, user=cofiler, data=sign_on_data())
    assert told(Kind.RECONFIRMED) == [lead.email]


def test_a_version_saved_goes_to_everyone_on_the_draft_in_the_digest_only(draft, lead, cofiler, version):
    notification = Notification.objects.get(kind=Kind.VERSION_SAVED)
    assert notification.recipient == cofiler and notification.delivery == Delivery.DAILY
    assert notification.url == f"/drafts/{draft.pk}/versions/{version.number}/"


def test_nobody_hears_of_a_draft_they_may_not_see(draft, lead, cofiler, outsider, make_user, version):
    invited_only = make_user("invited@test.example", organization="Invited But Not Joined")
    cofiling.invitation_create(draft=draft, user=lead, email=invited_only.email,
                               organization_name="Invited But Not Joined", base_url="http://t")
    other = factories.draft(outsider)
    cofiling.comment_add(draft=draft, user=lead, text="News.")
    cofiling.comment_add(draft=other, user=outsider, text="Elsewhere.")
    assert set(Notification.objects.values_list("recipient__email", flat=True)) == {cofiler.email, lead.email}
    assert not Notification.objects.filter(draft=other).exists()


def test_a_removed_co_filer_receives_nothing_more(client, draft, lead, cofiler, invitation, version):
    cofiling.comment_add(draft=draft, user=lead, text="Before.")
    assert Notification.objects.filter(recipient=cofiler, kind=Kind.COMMENTED).count() == 1
    cofiling.cofiler_remove(invitation=invitation, user=lead)
    cofiling.comment_add(draft=draft, user=lead, text="After.")
    drafts.version_save(draft=draft, user=lead)
    assert Notification.objects.filter(recipient=cofiler, kind=Kind.COMMENTED).count() == 1
    client.force_login(cofiler)
    assert "Before." not in client.get("/notifications/").content.decode()  # nor does the old one show
    assert client.get("/notifications/bell/").context["unread"] == 0


def test_a_built_packet_tells_the_lead_organization_and_whoever_asked(draft, lead, colleague, version,
                                                                      django_capture_on_commit_callbacks):
    from resolutions.filing.pdf.packet import packet_start
    from resolutions.filing.tasks import build_packet

    packet = packet_start(draft=draft, user=lead)
    build_packet(packet.pk)
    assert told(Kind.PACKET_READY) == [colleague.email, lead.email]
    assert Notification.objects.filter(kind=Kind.PACKET_READY).first().url == f"/drafts/{draft.pk}/packet/"
