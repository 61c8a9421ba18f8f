"""The filing packet: letters, proposal and sign-on certificate in one PDF, built as a task with visible progress."""
import re
from io import BytesIO
from types import SimpleNamespace

import pytest
from django.utils import timezone
from pypdf import PdfReader

from resolutions.models import AuditEvent, DraftVersion, PacketExport
from resolutions.filing.pdf import packet as packet_module
from resolutions.filing.exports import packet_build, packet_request, packet_start
from resolutions.drafts.services import clause_update, version_save
from resolutions.filing import tasks

from tests.resolutions import pdf_builders as b

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The demo-like draft's packet: the lead, two co-filers (signed in reverse order), one who signed another text."""
    with b.rolled_back(django_db_blocker):
        lead = b.filer_user("lead@packet.example", "Sisters of Testing", first_name="Lena", last_name="Ortiz")
        draft = b.demo_like_draft(lead)
        old = version_save(draft=draft, user=lead)
        b.sign(old, b.filer_user("old@packet.example", "Signed The Old Text Fund"), signed_at=b.at(1))
        clause_update(draft=draft, clause_id=draft.clauses.last().pk, expected_revision=draft.revision,
                      text="We urge shareholders to vote FOR this proposal.")
        draft.refresh_from_db()
        packet = packet_start(draft=draft, user=lead)
        b.sign(packet.version, b.filer_user("late@packet.example", "Late Pension Trust"), signed_at=b.at(20))
        b.sign(packet.version, b.filer_user("early@packet.example", "Early Foundation"), signed_at=b.at(10))
        status = tasks.packet_build.delay(packet.pk).get()
        packet.refresh_from_db()
        pdf = packet.file.read()
        reader = PdfReader(BytesIO(pdf))
        bookmarks = [item for item in reader.outline if not isinstance(item, list)]  # lists: each part's own
        return SimpleNamespace(
            status=status, packet=packet, pdf=pdf, texts=b.page_texts(pdf), version=packet.version,
            sections=[(item.title, reader.get_destination_page_number(item)) for item in bookmarks],
            certificate=b.table_rows(pdf, page=-1),
            versions=list(draft.versions.values_list("number", "reason")),
            audit=list(draft.audit_events.filter(verb=AuditEvent.Verb.EXPORTED).values_list("detail", flat=True)),
        )


def test_the_task_builds_a_packet_of_the_changed_draft_as_a_new_exported_version(built):
    assert built.status == "done"
    assert built.versions == [(1, "saved"), (2, "exported")] and built.version.number == 2
    assert (built.packet.progress, built.packet.step, built.packet.error) == (100, "Ready", "")


def test_a_packet_of_a_text_not_finalized_says_preview_on_every_page(built):
    assert built.version.finalized_at is None
    assert [n for n, text in enumerate(built.texts) if "PREVIEW: not finalized, not for filing" not in text] == []


def test_the_packet_is_the_cover_letter_the_proposal_the_letters_lead_first_then_the_certificate(built):
    assert [title for title, _ in built.sections] == [
        "Cover letter", "Proposal", "Letter of Sisters of Testing", "Letter of Early Foundation",
        "Letter of Late Pension Trust", "Sign-on certificate"]
    starts = [page for _, page in built.sections] + [len(built.texts)]
    texts = [text.removeprefix("PREVIEW: not finalized, not for filing ") for text in built.texts]
    parts = {title: texts[start:end] for (title, start), end in zip(built.sections, starts[1:])}
    assert parts["Cover letter"][0].startswith("Sisters of Testing")
    assert parts["Letter of Sisters of Testing"][0].startswith("Sisters of Testing")
    assert parts["Letter of Early Foundation"][0].startswith("Early Foundation")
    assert parts["Letter of Late Pension Trust"][0].startswith("Late Pension Trust")
    proposal = parts["Proposal"]
    assert proposal[0].startswith("Shareholder proposal") and len(proposal) >= 2
    assert all(f"Page {i} of {len(proposal)}" in text for i, text in enumerate(proposal, 1))
    assert parts["Sign-on certificate"][0].startswith("Sign-on certificate")
    assert not any("Signed The Old Text Fund" in text for text in built.texts)


def test_the_certificate_names_each_signer_organization_time_and_the_version_hash(built):
    header, *rows = built.certificate
    assert header == ["Signer", "Organization", "Signed", "Version SHA-256"]
    assert [row[1] for row in rows] == ["Sisters of Testing", "Early Foundation", "Late Pension Trust"]
    assert [row[2] for row in rows[1:]] == ["November 10, 2026, 12:00 PM EST", "November 20, 2026, 12:00 PM EST"]
    assert all(row[3].replace(" ", "") == built.version.sha256 for row in rows), "a wrapped hash, rejoined"


def test_the_packet_metadata_and_the_audit_trail(built):
    info = PdfReader(BytesIO(built.pdf)).metadata
    assert info["/Title"] == f"Filing packet: {b.DEMO_TITLE}" and info["/Author"] == "Sisters of Testing"
    assert built.audit == [f"Filing packet of version 2 ({built.version.short_hash}), 3 filers, "
                           f"{len(built.texts)} pages, draft"]


def test_pages_are_numbered_through_the_packet_beside_each_documents_own_numbers(built):
    total = len(built.texts)
    assert all(f"Packet page {n} of {total}" in text for n, text in enumerate(built.texts, 1))
    proposal_start = dict(built.sections)["Proposal"]
    assert "Page 1 of" in built.texts[proposal_start]


def test_the_cover_letter_lists_each_enclosure_with_its_packet_pages(built):
    cover = built.texts[0]
    starts = dict(built.sections)
    assert "Corporate Secretary" in cover and "Enclosures" in cover
    for title in ("Proposal", "Letter of Early Foundation", "Sign-on certificate"):
        assert title in cover
    certificate_page = starts["Sign-on certificate"] + 1
    assert str(certificate_page) in cover.split("Sign-on certificate")[1][:200]


def test_the_whole_packet_is_one_tagged_pdf_ua_document(built):
    reader = PdfReader(BytesIO(built.pdf))
    assert b'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data()
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    assert [page["/StructParents"] for page in reader.pages] == list(range(len(reader.pages))), "every page tagged"
    assert [kid.get_object()["/S"] for kid in tree["/K"]] == ["/Document"], "one document, not several glued"


def test_each_document_of_the_packet_is_a_bookmark_with_its_sections_under_it(built):
    outline = PdfReader(BytesIO(built.pdf)).outline
    nested = dict(zip([item.title for item in outline if not isinstance(item, list)],
                      [[item.title for item in items] for items in outline if isinstance(items, list)]))
    assert nested["Letter of Early Foundation"] == [
        "Ownership", "Intent to hold", "Availability for engagement", "Authorization of the lead filer"]
    assert nested["Proposal"] == ["Supporting Statement", "Filers"]


# --- the packet page -------------------------------------------------------------------

@pytest.fixture
def draft(lead, cofiler):
    draft = b.draft_with_notes(lead, title="Report on Water Risk", notes=["Water Board, 2025 report."], clauses=[
        ("whereas", "Water is scarce.{1}"), ("resolved", "Shareholders request a report.")])
    b.join(draft, cofiler)
    return draft


def test_building_from_the_page_uses_the_latest_version_when_the_draft_is_unchanged(
        lead_client, draft, lead, django_capture_on_commit_callbacks):
    version = version_save(draft=draft, user=lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = lead_client.post(f"/drafts/{draft.pk}/packet/")
    assert response.status_code == 302 and response["Location"] == f"/drafts/{draft.pk}/packet/"
    packet = draft.packets.get()
    assert packet.version == version and packet.status == PacketExport.Status.DONE
    assert draft.versions.count() == 1
    download = lead_client.get(f"/drafts/{draft.pk}/packet.pdf")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == packet.file.open("rb").read()


def test_a_draft_without_a_version_gets_one_saved_for_export(lead_client, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        lead_client.post(f"/drafts/{draft.pk}/packet/")
    assert list(draft.versions.values_list("number", "reason")) == [(1, DraftVersion.Reason.EXPORTED)]


def test_building_again_while_a_packet_of_the_same_text_builds_starts_nothing(
        lead_client, draft, lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as first:
        lead_client.post(f"/drafts/{draft.pk}/packet/")
    with django_capture_on_commit_callbacks() as second:
        page = lead_client.post(f"/drafts/{draft.pk}/packet/", follow=True).content.decode()

    def builds(callbacks):
        return [c for c in callbacks if getattr(c, "func", None) == tasks.packet_build.delay]

    assert len(builds(first)) == 1 and builds(second) == [], "one build task queued"
    assert draft.packets.count() == 1
    assert "The filing packet of version 1 is already being built." in page


def test_a_changed_text_or_a_packet_stuck_for_long_starts_a_new_build(draft, lead):
    stuck, started = packet_request(draft=draft, user=lead)
    assert started
    PacketExport.objects.filter(pk=stuck.pk).update(
        status=PacketExport.Status.RUNNING, created_at=timezone.now() - PacketExport.STALE_AFTER)
    again, started = packet_request(draft=draft, user=lead)
    assert started and again.pk != stuck.pk and again.version == stuck.version

    clause_update(draft=draft, clause_id=draft.clauses.first().pk, expected_revision=draft.revision, text="Changed.")
    draft.refresh_from_db()
    changed, started = packet_request(draft=draft, user=lead)
    assert started and changed.version.number == 2


def test_a_stalled_build_stops_the_polling_and_says_to_build_again(lead_client, draft, lead):
    packet = packet_start(draft=draft, user=lead)
    PacketExport.objects.filter(pk=packet.pk).update(
        status="running", step="Letter of Sisters of Testing", created_at=timezone.now() - PacketExport.STALE_AFTER)

    partial = lead_client.get(f"/drafts/{draft.pk}/packet/", HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in partial and "<progress" not in partial
    assert "This build stopped answering at “Letter of Sisters of Testing”. Build the packet again." in partial


def test_the_status_polls_every_second_while_the_packet_builds(lead_client, draft, lead):
    packet = packet_start(draft=draft, user=lead)
    PacketExport.objects.filter(pk=packet.pk).update(status="running", progress=40, step="Letter of Sisters of Testing")
    partial = lead_client.get(f"/drafts/{draft.pk}/packet/", HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in partial and 'value="40"' in partial and "Letter of Sisters of Testing" in partial
    assert "<nav" not in partial, "only the partial"

    packet_build(packet=packet)
    partial = lead_client.get(f"/drafts/{draft.pk}/packet/", HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in partial and f"/drafts/{draft.pk}/packet.pdf" in partial


def test_the_page_says_when_building_will_save_a_new_version(lead_client, draft, lead):
    assert "building saves it as a new version first" in lead_client.get(f"/drafts/{draft.pk}/packet/").content.decode()
    version_save(draft=draft, user=lead)
    page = lead_client.get(f"/drafts/{draft.pk}/packet/").content.decode()
    assert "From version 1, the draft's current text." in page
    assert f"/drafts/{draft.pk}/versions/1/letters/{lead.organization_id}.pdf" in page


def test_a_failed_build_is_recorded_and_shown(lead_client, draft, lead, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the letter template is broken")

    monkeypatch.setattr(packet_module, "packet_parts", broken)
    packet = packet_build(packet=packet_start(draft=draft, user=lead))
    assert packet.status == PacketExport.Status.FAILED and packet.error == "the letter template is broken"
    page = lead_client.get(f"/drafts/{draft.pk}/packet/").content.decode()
    assert "could not be built: the letter template is broken" in page
    assert lead_client.get(f"/drafts/{draft.pk}/packet.pdf")["Location"] == f"/drafts/{draft.pk}/packet/", "none built"


def test_the_packet_is_for_the_lead_organization_only(client, draft, cofiler, lead):
    packet_build(packet=packet_start(draft=draft, user=lead))
    client.force_login(cofiler)
    assert client.get(f"/drafts/{draft.pk}/packet/").status_code == 404
    assert client.post(f"/drafts/{draft.pk}/packet/").status_code == 404
    assert client.get(f"/drafts/{draft.pk}/packet.pdf").status_code == 404


def test_the_packet_is_stored_under_a_name_nobody_can_guess(built):
    """The finding: /media/packets/…/draft-1-v3-packet-5.pdf was a name anyone could write down."""
    name = built.packet.file.name
    assert re.fullmatch(r"packets/\d{4}/[A-Za-z0-9_-]{22}-draft-\d+-v2-packet-\d+\.pdf", name), name
