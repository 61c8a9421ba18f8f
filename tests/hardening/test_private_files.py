"""Private files: /media/ serves nothing in any settings module; names are not guessable; files are
served only by views that check access first (on S3, by a short-lived signed URL)."""
import importlib
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import Resolver404, clear_url_caches, resolve

from config.private_files import keyed_name, private_file_response
from evidence import services as evidence_services
from resolutions.models import Precedent
from resolutions.pdf.proposal import ProposalDocument
from resolutions.services import drafts as draft_services
from tests import factories

pytestmark = pytest.mark.django_db
RANDOM = r"[A-Za-z0-9_-]{22}"


@pytest.fixture
def debug_urlconf():
    """config.urls as `make run` (DEBUG=True, config.settings.dev) loads it."""
    import config.urls

    with override_settings(DEBUG=True):
        clear_url_caches()
        yield importlib.reload(config.urls)
    clear_url_caches()
    importlib.reload(config.urls)


@pytest.mark.parametrize("path", ["/media/packets/2026/draft-1-v3-packet-5.pdf", "/media/pdfs/draft-1/v1.pdf",
                                  "/media/sources/2026/profile.txt", "/media/precedents/2026/resolution.pdf"])
def test_media_is_served_by_no_url_even_in_debug(debug_urlconf, path):
    """The finding: under `make run`, /media/… gave any signed-in user another organization's packet."""
    with pytest.raises(Resolver404):
        resolve(path, urlconf=debug_urlconf)


def test_an_uploaded_source_file_gets_a_random_name(lead):
    source = evidence_services.source_create(user=lead, title="Report", text_file=SimpleUploadedFile(
        "../../Annual Report.txt", b"Sales grew.\n"))
    assert re.fullmatch(rf"sources/\d{{4}}/{RANDOM}-Annual_Report\.txt", source.text_file.name), source.text_file.name


def test_an_uploaded_precedent_file_gets_a_random_name():
    precedent = Precedent(company=factories.company(), meeting_year=2025, title="T")
    precedent.source_file.save("resolution.txt", ContentFile(b"RESOLVED: report."), save=False)
    assert re.fullmatch(rf"precedents/\d{{4}}/{RANDOM}-resolution\.txt", precedent.source_file.name)


def test_a_stored_proposal_name_cannot_be_derived_from_the_draft_and_version(lead, settings):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    version = draft_services.version_save(draft=draft, user=lead)
    name = ProposalDocument.of(version).storage_name
    assert re.fullmatch(rf"pdfs/draft-{draft.pk}/[0-9a-f]{{32}}-v{version.number}-{version.short_hash}-[0-9a-f]{{8}}\.pdf",
                        name), name
    settings.SECRET_KEY = "another-secret"
    assert ProposalDocument.of(version).storage_name != name  # only the server's key makes it


class SigningStorage:
    """Stands in for S3Storage: signs URLs and records what it was asked."""

    bucket_name = "private-bucket"
    querystring_auth = True

    def url(self, name, parameters=None, expire=None):
        self.asked = (name, parameters, expire)
        return f"https://private-bucket.s3.example/{name}?X-Amz-Signature=abc&X-Amz-Expires={expire}"


class StoredFile:
    def __init__(self, name, storage):
        self.name, self.storage = name, storage


def test_on_s3_a_checked_view_redirects_to_a_url_signed_for_a_minute(settings):
    settings.PRIVATE_FILE_URL_SECONDS = 60
    storage = SigningStorage()

    response = private_file_response(StoredFile("packets/2026/x-packet.pdf", storage), filename="packet.pdf",
                                     content_type="application/pdf")

    assert response.status_code == 302
    assert response["Location"].startswith("https://private-bucket.s3.example/packets/2026/x-packet.pdf?")
    assert storage.asked == ("packets/2026/x-packet.pdf", {
        "ResponseContentDisposition": 'inline; filename="packet.pdf"', "ResponseContentType": "application/pdf"}, 60)


def test_local_storage_streams_the_file_privately():
    from django.core.files.storage import default_storage

    name = default_storage.save(keyed_name("pdfs/draft-1/v1.pdf"), ContentFile(b"%PDF-1.7 test"))
    response = private_file_response(name, filename="v1.pdf", content_type="application/pdf")
    assert b"".join(response.streaming_content) == b"%PDF-1.7 test"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == 'inline; filename="v1.pdf"'


def test_curators_download_an_uploaded_precedent_file_through_the_admin_check(client, curator, lead):
    from accounts.models import User

    User.objects.filter(pk=curator.pk).update(is_superuser=True)
    precedent = Precedent(company=factories.company(), meeting_year=2025, title="T")
    precedent.source_file.save("resolution.txt", ContentFile(b"RESOLVED: report."), save=True)
    client.force_login(curator)
    change = client.get(f"/admin/resolutions/precedent/{precedent.pk}/change/").content.decode()
    assert "/media/" not in change
    url = f"/admin/resolutions/precedent/{precedent.pk}/file/"
    assert url in change
    download = client.get(url)
    assert b"".join(download.streaming_content) == b"RESOLVED: report."
    client.force_login(lead)  # a filer, not staff: the admin's own check sends them to its sign-in
    refused = client.get(url)
    assert refused.status_code == 302 and "/admin/login/" in refused["Location"]


def test_every_file_field_of_every_model_stores_under_a_random_name():
    from django.apps import apps
    from django.db.models import FileField

    from config.private_files import RandomName

    fields = [(model, field) for model in apps.get_models() for field in model._meta.get_fields()
              if isinstance(field, FileField)]
    assert len(fields) >= 5  # packets, precedent files, sources, proofs of ownership, receipts
    assert [f"{model.__name__}.{field.name}" for model, field in fields
            if not isinstance(field.upload_to, RandomName)] == []
