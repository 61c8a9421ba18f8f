"""Rendering is safe: HTML in user text prints as text, and nothing outside the app's static files is fetched."""
from io import BytesIO
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from config import sandbox
from resolutions.models import DraftVersion
from resolutions.filing.pdf import render as render_module
from resolutions.filing.pdf.fetcher import BASE_URL, StaticOnlyFetcher
from resolutions.filing.pdf.letters import letter_html
from resolutions.filing.pdf.proposal import ProposalDocument
from resolutions.drafts.services import version_save

from tests.resolutions import pdf_builders as b

pytestmark = pytest.mark.django_db  # also makes pytest-django set up the database the module fixtures use

IMG = '<img src="file:///etc/passwd">'
ATTACH = "<link rel=attachment href=file:///etc/hostname>"
LOCAL = "http://127.0.0.1:9/"
PRINT_CSS = BASE_URL + "static/css/print.css"


class RecordingFetcher(StaticOnlyFetcher):
    """The app's fetcher, keeping every instance so a test can read what it was asked for."""

    made: list = []

    def __init__(self, images=None):
        super().__init__(images)
        self.made.append(self)


def recorded_render(html: str):
    """In the sandbox worker: the app's render of ``html`` with the recording fetcher, and what it asked for."""
    RecordingFetcher.made = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render_module, "StaticOnlyFetcher", RecordingFetcher)
        pdf = render_module.write_pdf(html, render_module.VARIANTS[render_module.DEFAULT_VARIANT])
    return (pdf, [url for f in RecordingFetcher.made for url in f.requested],
            [url for f in RecordingFetcher.made for url in f.refused])


def rendered(html: str):
    """The PDF of ``html`` rendered where the app renders it (a sandbox worker), and the URLs its render asked for."""
    pdf, requested, refused = sandbox.run(recorded_render, html)
    return SimpleNamespace(pdf=pdf, text=" ".join(b.page_texts(pdf)), requested=requested, refused=refused)


@pytest.fixture(scope="module")
def hostile(django_db_setup, django_db_blocker):
    """Clause text, a footnote and organization names carrying HTML and local URLs; a proposal and a letter."""
    with b.rolled_back(django_db_blocker):
        lead = b.filer_user("lead@pdf.example", f"Evil {IMG} Lead Org", first_name="Lena")
        cofiler = b.filer_user("co@pdf.example", f"Co {ATTACH} Trust")
        draft = b.draft_with_notes(
            lead, title=f"Title {IMG}", notes=[f"Note {IMG} {ATTACH} {LOCAL}"],
            clauses=[("whereas", f'Fact {IMG}{ATTACH}<img src="{LOCAL}"> and <a href="file:///etc/passwd">x</a>.{{1}}'),
                     ("resolved", "Shareholders request a report.")],
        )
        version = version_save(draft=draft, user=lead)
        b.sign(version, cofiler, signed_at=b.at(3))
        filers = ProposalDocument.of(version).filers
        return SimpleNamespace(
            proposal=rendered(ProposalDocument.of(version).html()),
            letter=rendered(letter_html(version, filers[1], lead=filers[0], today=b.at(4).date())),
        )


@pytest.fixture(scope="module")
def unsanitized(django_db_setup, django_db_blocker):
    """A version whose stored HTML was never sanitized: it is sanitized again before rendering."""
    with b.rolled_back(django_db_blocker):
        lead = b.filer_user("lead@pdf.example", "Plain Org")
        draft = b.draft_with_notes(lead, title="Raw", notes=[], clauses=[])
        content = {"title": "Raw", "company": "Example Corp", "meeting_year": 2027, "topics": [],
                   "layout": {"resolved_first": False, "supporting_heading": True, "citation_style": "chicago-note"},
                   "parts": [{"kind": "whereas", "source": "", "html": f'Raw {IMG}{ATTACH}<img src="{LOCAL}">'
                              '<script>x()</script><sup class="footnote-call">1</sup>'}],
                   "footnotes": ["A note."]}
        version = DraftVersion.objects.create(draft=draft, number=1, content=content, sha256="0" * 64, created_by=lead)
        return rendered(ProposalDocument.of(version).html())


def attachments(pdf: bytes) -> list:
    reader = PdfReader(BytesIO(pdf))
    annotations = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    return list(reader.attachments) + [a for a in annotations if a["/Subtype"] == "/FileAttachment"]


@pytest.mark.parametrize("document", ["proposal", "letter"])
def test_hostile_text_yields_no_attachment_and_no_fetch(hostile, document):
    result = getattr(hostile, document)
    assert attachments(result.pdf) == []
    assert result.requested == [PRINT_CSS] and result.refused == []


def test_html_in_a_footnote_and_an_organization_name_prints_as_text(hostile):
    text = hostile.proposal.text
    assert f"Note {IMG} {ATTACH} {LOCAL}" in text
    assert f"Evil {IMG} Lead Org (Lead Filer)" in text
    assert f"Co {ATTACH} Trust" in text
    assert f"Title {IMG}" in text


def test_html_in_clause_text_is_stripped_before_storage(hostile):
    assert "Fact and x." in hostile.proposal.text


def test_html_in_a_letter_prints_as_text(hostile):
    assert f"Co {ATTACH} Trust authorizes Evil {IMG} Lead Org to act on its behalf" in hostile.letter.text


def test_a_version_with_unsanitized_html_is_sanitized_before_rendering(unsanitized):
    assert attachments(unsanitized.pdf) == []
    assert unsanitized.requested == [PRINT_CSS]
    assert "Raw" in unsanitized.text and "x()" not in unsanitized.text and "A note." in unsanitized.text


def test_the_fetcher_refuses_what_reaches_weasyprint_anyway():
    result = rendered(f'<html lang="en"><p>Hi</p>{IMG}{ATTACH}<img src="{LOCAL}">')
    assert sorted(result.refused) == sorted(["file:///etc/passwd", "file:///etc/hostname", LOCAL])
    assert attachments(result.pdf) == []


def test_the_fetcher_serves_the_app_static_files():
    response = StaticOnlyFetcher().fetch(PRINT_CSS)
    assert response.content_type == "text/css"
    assert b"float: footnote" in response.read()


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    LOCAL,
    "https://example.org/static/css/print.css",
    BASE_URL + "static/../config/settings/base.py",
    BASE_URL + "static/css/../../manage.py",
    BASE_URL + "static/css/%2e%2e/%2e%2e/db.sqlite3",
    BASE_URL + "static/js/app.js",
    BASE_URL + "media/pdfs/draft-1/v1.pdf",
    "data:text/css,body{}",
])
def test_the_fetcher_refuses_everything_else(url):
    fetcher = StaticOnlyFetcher()
    with pytest.raises(ValueError, match="Refused"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]
