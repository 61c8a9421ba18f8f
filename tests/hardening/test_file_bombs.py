"""Hostile uploads are read in a sandbox worker, stopped at the first limit they pass, with the reason; nothing is saved.

Each file is made here (tests/hardening/bombs.py). The limits are checked while reading: the
test process never holds what the file expands to, and where the expansion limits are set out
of reach, the worker's own memory or processor cap stops it instead.
"""
import resource

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from evidence.capture import SourceTextError, extract_text
from evidence.models import Source
from resolutions.models import Precedent
from resolutions.precedents.importer import DocumentError, read_document
from resolutions.precedents.importer.proxy_reader import read_proxy

from . import bombs

pytestmark = pytest.mark.django_db

SOURCE_POST = {"kind": "report", "title": "Cloud report", "publisher": "Watchdog", "url": "https://example.org/cloud"}
TOO_MANY_PAGES = "This PDF has 20,000 pages; the limit is 2,000 pages, so it was not read. Nothing was saved."
INFLATES = "This PDF expands to more than 200 MB when read; that is the limit, so it was not read. Nothing was saved."


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def import_upload(client, name: str, data: bytes):
    return client.post("/precedents/import/", {"step": "upload", "file": SimpleUploadedFile(name, data)})


def source_upload(client, name: str, data: bytes):
    return client.post("/evidence/sources/new/", {**SOURCE_POST, "text_file": SimpleUploadedFile(name, data)})


def page(response) -> str:
    """The form's errors, as the page shows them."""
    return " ".join(error for errors in response.context["form"].errors.values() for error in errors)


def test_a_pdf_whose_one_stream_inflates_to_2_gb_is_stopped_at_200_mb_as_it_inflates(lead_client, curator_client):
    bomb = bombs.inflating(2048)
    assert len(bomb) < 2.5 * bombs.MB
    before = peak_rss_mb()

    as_source = source_upload(lead_client, "report.pdf", bomb)
    as_precedent = import_upload(curator_client, "resolution.pdf", bomb)

    assert as_source.status_code == as_precedent.status_code == 400
    assert INFLATES in page(as_source) and INFLATES in page(as_precedent)
    assert Source.objects.count() == Precedent.objects.count() == 0
    assert peak_rss_mb() - before < 100, "the test process never held the inflated stream"


def test_past_the_expansion_limit_the_workers_memory_cap_stops_the_bomb(curator_client, settings):
    settings.UPLOAD_MAX_EXPANDED_MB = 100_000  # out of reach: the sandbox's own cap must hold
    settings.UPLOAD_READ_MEMORY_MB = 128
    bomb = bombs.inflating(1024)
    before = peak_rss_mb()

    response = import_upload(curator_client, "resolution.pdf", bomb)

    assert response.status_code == 400
    assert "Reading “resolution.pdf” needed more than 128 MB of memory, so it was stopped. Nothing was saved." in page(
        response)
    assert not Precedent.objects.exists()
    assert peak_rss_mb() - before < 50, "the worker, not the test process, reached the cap"


def test_a_20000_page_pdf_is_refused_from_its_page_count_before_any_page_is_read(lead_client):
    response = source_upload(lead_client, "report.pdf", bombs.many_pages(20_000))

    assert response.status_code == 400
    assert TOO_MANY_PAGES in page(response)
    assert not Source.objects.exists()


@pytest.mark.parametrize("read, error", [(read_document, DocumentError), (read_proxy, DocumentError),
                                         (extract_text, SourceTextError)])
def test_every_pdf_reader_refuses_too_many_pages(read, error):
    with pytest.raises(error) as refused:
        read("long.pdf", bombs.many_pages(20_000))
    assert str(refused.value) == TOO_MANY_PAGES


def test_past_the_page_limit_the_workers_processor_time_stops_the_reading(settings):
    settings.UPLOAD_MAX_PAGES = 100_000
    settings.UPLOAD_READ_SECONDS = 1

    with pytest.raises(DocumentError, match=r"Reading “long\.pdf” took (more than 1 second of processor time"
                                            r"|longer than 1 second), so it was stopped\. Nothing was saved\."):
        read_proxy("long.pdf", bombs.many_pages(20_000))


def test_a_zip_bomb_docx_is_refused_from_its_zip_directory(curator_client):
    bomb = bombs.zip_bomb_docx(80)  # and python-docx's own parts
    assert len(bomb) < 200_000
    before = peak_rss_mb()

    response = import_upload(curator_client, "resolution.docx", bomb)

    assert response.status_code == 400
    assert ("This Word file unpacks to 81 MB; the limit is 64 MB, so it was not read. Nothing was saved."
            in page(response))
    assert not Precedent.objects.exists()
    assert peak_rss_mb() - before < 50


def test_a_docx_of_too_many_parts_or_one_packed_like_a_bomb_is_refused():
    with pytest.raises(DocumentError, match=r"This Word file holds 2,0\d\d parts; the limit is 2,000"):
        read_document("many.docx", bombs.many_parts_docx(2_000))
    with pytest.raises(DocumentError, match="holds a part packed more than 200 to 1"):
        read_document("packed.docx", bombs.zip_bomb_docx(2))


def test_an_ordinary_docx_and_pdf_still_read():
    assert read_document("ok.docx", bombs.word_file("RESOLVED: Shareholders request a report.")) == (
        "RESOLVED: Shareholders request a report.")
    assert "A page of our own" in extract_text("ok.pdf", bombs.many_pages(3))
