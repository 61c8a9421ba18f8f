"""The proposal PDF read back: footnotes at the foot of their call's page, filers, metadata, the DRAFT mark."""
import os
import re
from io import BytesIO
from types import SimpleNamespace

import pytest
from django.core.files.storage import default_storage
from pypdf import PdfReader

from django.utils import timezone

from config import sandbox

from resolutions.models import AuditEvent, DraftVersion, SignOn
from resolutions.filing.pdf import proposal as proposal_module
from resolutions.filing.pdf import render as render_module
from resolutions.filing.pdf.filers import version_filers
from resolutions.filing.pdf.proposal import ProposalDocument, is_final
from resolutions.filing.exports import proposal_export
from resolutions.filing.pdf.render import PDFRenderStopped, PDFRenderTimeout
from resolutions.drafts.services import version_save
from tests import factories

from tests.resolutions import pdf_builders as b

pytestmark = pytest.mark.django_db  # also makes pytest-django set up the database the module fixtures use


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """A demo-like draft (12 notes, note 1 cited twice) signed by two co-filers, rendered as draft and as final."""
    with b.rolled_back(django_db_blocker):
        lead = b.filer_user("lead@pdf.example", "Sisters of Testing", first_name="Lena", last_name="Ortiz")
        draft = b.demo_like_draft(lead, company=factories.company(name="Example Vision Corp."))
        draft.topics.set([factories.topic("Human rights"), factories.topic("Surveillance technology")])
        version = version_save(draft=draft, user=lead)
        late = b.filer_user("late@pdf.example", "Late Pension Trust", first_name="Colin", last_name="Late")
        early = b.filer_user("early@pdf.example", "Early Foundation", first_name="Ann", last_name="Early")
        b.sign(version, late, signed_at=b.at(20))
        b.sign(version, early, signed_at=b.at(10))
        pdf = ProposalDocument.of(version).render()
        version.finalized_at = timezone.now()
        final = ProposalDocument.of(version)
        return SimpleNamespace(
            pdf=pdf, texts=b.page_texts(pdf), calls=b.footnote_calls(pdf), notes=b.DEMO_NOTES,
            final_texts=b.page_texts(final.render()), pdfa=ProposalDocument.of(version, "a-3u").render(),
            number=version.number, sha12=version.short_hash, title=draft.title,
        )


@pytest.fixture(scope="module")
def many_notes(django_db_setup, django_db_blocker):
    """A draft with 25 footnotes, rendered once."""
    with b.rolled_back(django_db_blocker):
        lead = b.filer_user("lead@pdf.example", "Sisters of Testing")
        draft = b.many_notes_draft(lead)
        pdf = ProposalDocument.of(version_save(draft=draft, user=lead)).render()
        notes = list(draft.notes.order_by("pk").values_list("text", flat=True))
        return SimpleNamespace(pdf=pdf, texts=b.page_texts(pdf), calls=b.footnote_calls(pdf), notes=notes)


@pytest.mark.parametrize("rendered", ["demo", "many_notes"])
def test_every_footnote_is_printed_on_the_page_of_its_call(rendered, request):
    doc = request.getfixturevalue(rendered)
    assert len(doc.texts) >= 2, "the draft should run to several pages"
    called = [n for page in doc.calls for n in page]
    assert sorted(set(called)) == list(range(1, len(doc.notes) + 1))
    for number, note in enumerate(doc.notes, 1):
        first_call = next(page for page, calls in enumerate(doc.calls, 1) if number in calls)
        assert b.page_of(doc.texts, f"{number}. {note[:40]}") == first_call, f"note {number}"


def test_a_note_cited_twice_keeps_its_number_and_is_printed_once(demo):
    called = [n for page in demo.calls for n in page]
    assert called.count(1) == 2
    assert sum(text.count(demo.notes[0][:40]) for text in demo.texts) == 1


def test_every_page_says_page_x_of_y(many_notes):
    pages = len(many_notes.texts)
    assert pages == len(PdfReader(BytesIO(many_notes.pdf)).pages)
    for number, text in enumerate(many_notes.texts, 1):
        assert f"Page {number} of {pages}" in text


def test_the_running_header_repeats_the_title_after_the_first_page(demo):
    assert all(text.startswith(demo.title) for text in demo.texts[1:])


def test_metadata_title_author_subject_keywords(demo):
    info = PdfReader(BytesIO(demo.pdf)).metadata
    assert info["/Title"] == b.DEMO_TITLE
    assert info["/Author"] == "Sisters of Testing"
    assert info["/Subject"] == "Example Vision Corp., 2027 annual meeting"
    assert info["/Keywords"] == "Human rights, Surveillance technology"


def test_the_pdf_is_tagged_pdf_ua_1_with_every_font_embedded(demo):
    reader = PdfReader(BytesIO(demo.pdf))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert b'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data()
    fonts = [font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
             for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    assert fonts and all("/FontFile2" in f or "/FontFile3" in f for f in fonts)


def test_pdf_a_3u_is_available(demo):
    xmp = PdfReader(BytesIO(demo.pdfa)).xmp_metadata.stream.get_data()
    assert b'pdfaid:part="3"' in xmp and b'pdfaid:conformance="U"' in xmp


def test_the_filers_are_listed_lead_first_then_by_time_signed(demo):
    text = " ".join(demo.texts)
    lead = text.index("Lena Ortiz, Sisters of Testing (Lead Filer)")
    assert lead < text.index("Ann Early, Early Foundation") < text.index("Colin Late, Late Pension Trust")


def test_a_version_that_is_not_final_carries_the_draft_mark_on_every_page(demo):
    assert all(f"DRAFT — version {demo.number} · SHA-256 {demo.sha12}" in text for text in demo.texts)


def test_the_final_version_has_no_draft_mark_but_a_small_hash_footer_on_every_page(demo):
    assert not any("DRAFT" in text for text in demo.final_texts)
    assert all(f"Version {demo.number} · SHA-256 {demo.sha12}" in text for text in demo.final_texts)


# --- the rules behind the document, on the database ------------------------------------

def test_a_version_is_final_once_finalized_and_stays_so_when_a_new_round_starts(lead):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    first = version_save(draft=draft, user=lead)
    assert not is_final(first)
    DraftVersion.objects.filter(pk=first.pk).update(finalized_at=timezone.now())
    first.refresh_from_db()
    assert is_final(first)
    second = version_save(draft=draft, user=lead)
    first.refresh_from_db()
    assert is_final(first) and not is_final(second)


def test_version_filers_lists_current_sign_ons_on_this_exact_text(lead, make_user):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    first = version_save(draft=draft, user=lead)
    draft.clauses.update(text="Shareholders request a different report.")
    second = version_save(draft=draft, user=lead)
    by_hash = b.sign(second, make_user("a@x.example", organization="By Hash Only Fund"), signed_at=b.at(12),
                     version=None)
    earliest = b.sign(second, make_user("b@x.example", organization="Earliest Trust"), signed_at=b.at(3))
    b.sign(first, make_user("c@x.example", organization="Signed Another Text"), signed_at=b.at(1))
    b.sign(second, make_user("d@x.example", organization="Declined Fund"), signed_at=b.at(2),
           status=SignOn.Status.DECLINED)
    b.sign(second, make_user("e@x.example", organization="Must Reconfirm"), signed_at=b.at(2),
           status=SignOn.Status.NEEDS_RECONFIRMATION)

    filers = version_filers(second)

    assert [(f.organization, f.lead) for f in filers] == [
        ("Sisters of Testing", True), ("Earliest Trust", False), ("By Hash Only Fund", False)]
    assert filers[0].name == "Lena" and filers[0].organization_id == lead.organization_id
    assert [f.sign_on for f in filers[1:]] == [earliest, by_hash]


def test_a_proposal_export_is_stored_only_with_its_audit_event(lead, monkeypatch):
    """Stored without its event, every later download would be served unaudited."""
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    version = version_save(draft=draft, user=lead)

    def trail_down(**kwargs):
        raise RuntimeError("the audit trail is unavailable")

    monkeypatch.setattr("resolutions.filing.exports.audit_record", trail_down)
    with pytest.raises(RuntimeError):
        proposal_export(version=version, user=lead)
    assert not default_storage.exists(ProposalDocument.of(version).storage_name)


def test_a_stored_pdf_is_made_once_then_served_from_storage(lead, monkeypatch):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    version = version_save(draft=draft, user=lead)
    renders = []
    real_render = proposal_module.ProposalDocument.render
    monkeypatch.setattr(proposal_module.ProposalDocument, "render", lambda doc: renders.append(1) or real_render(doc))

    pdf = proposal_export(version=version, user=lead)
    assert proposal_export(version=version, user=lead) == pdf

    name = ProposalDocument.of(version).storage_name
    assert re.fullmatch(rf"pdfs/draft-{draft.pk}/[0-9a-f]{{32}}-v1-{version.short_hash}-[0-9a-f]{{8}}\.pdf", name), name
    assert default_storage.open(name).read() == pdf and pdf.startswith(b"%PDF")
    assert len(renders) == 1
    assert list(draft.audit_events.filter(verb=AuditEvent.Verb.EXPORTED).values_list("detail", flat=True)) == [
        f"Proposal PDF of version 1 ({version.short_hash})"]


def test_a_new_co_filer_or_the_final_status_makes_a_new_edition_of_the_same_version(lead, cofiler):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    version = version_save(draft=draft, user=lead)
    before = ProposalDocument.of(version).storage_name
    b.sign(version, cofiler, signed_at=b.at(5))
    signed = ProposalDocument.of(version).storage_name
    version.finalized_at = timezone.now()
    assert len({before, signed, ProposalDocument.of(version).storage_name}) == 3


def worker_pid():
    return os.getpid()


def fonts_kept_by_the_worker():
    return render_module._font_configuration.cache_info().currsize


def test_a_render_over_the_time_limit_is_stopped_and_its_worker_killed(lead, settings):
    """The render runs in a sandbox worker: past the limit the worker is killed, so its CPU is freed."""
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0.5
    pid = sandbox.run(worker_pid)  # the idle worker the render takes next
    with pytest.raises(PDFRenderTimeout, match="longer than 0.5 seconds to render and was stopped"):
        render_module.render_pdf("<p>A clause long enough to take many seconds to lay out.</p>" * 20_000)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_render_over_the_memory_limit_is_stopped_with_the_reason(settings):
    settings.PDF_RENDER_MEMORY_MB = 64
    with pytest.raises(PDFRenderStopped, match="Rendering this PDF needed more than 64 MB of memory"):
        render_module.render_pdf("<p>A clause long enough to need far more memory than that.</p>" * 20_000)


def test_renders_share_one_font_configuration_and_each_pdf_carries_its_own_glyphs():
    first = render_module.render_pdf('<p style="font-family: serif">Alpha beta</p>')
    second = render_module.render_pdf('<p style="font-family: serif">Zygote quorum §14a-8 “quoted” — 2026</p>')

    assert sandbox.run(fonts_kept_by_the_worker) == 1
    assert "Alpha beta" in b.page_texts(first)[0]
    assert "Zygote quorum §14a-8 “quoted” — 2026" in b.page_texts(second)[0]
