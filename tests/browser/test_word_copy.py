"""Counsel's Word round trip, clicked through real pages: download a version's .docx, edit it, upload it."""
import io

import docx
import pytest
from playwright.sync_api import expect

from resolutions.services.drafts import version_save
from tests import factories
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_download_edit_in_word_and_upload_shows_the_redline(page, live_server, lead, sign_in, tmp_path):
    draft = factories.draft(lead, clauses=[("whereas", "The Company sells cameras."),
                                           ("resolved", "Shareholders request a modest report.")])
    version_save(draft=draft, user=lead)
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/versions/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Version 1 as a Word file (.docx)").click()
    document = docx.Document(io.BytesIO(open(download.value.path(), "rb").read()))
    run = next(r for p in document.paragraphs for r in p.runs if "modest" in r.text)
    run.text = run.text.replace("modest", "brief")
    edited = tmp_path / "edited.docx"
    document.save(edited)

    page.get_by_label("Edited Word copy (.docx)").set_input_files(str(edited))
    page.get_by_role("button", name="Upload as a new version").click()
    expect(page.get_by_role("heading", name="Redline")).to_be_visible()
    expect(page.locator(".redline del")).to_have_text(["modest"])
    expect(page.locator(".redline ins")).to_have_text(["brief"])
    expect(page.get_by_text("is now version 2")).to_be_visible()

    page.goto(f"{live_server.url}/drafts/{draft.pk}/versions/")
    page.get_by_label("Edited Word copy (.docx)").set_input_files(
        {"name": "notes.docx", "mimeType": "application/octet-stream", "buffer": b"not a word file"})
    page.get_by_role("button", name="Upload as a new version").click()
    expect(page.get_by_text("is not a Word document (.docx)")).to_be_visible()
    expect(page.get_by_role("cell", name="Uploaded from Word")).to_have_count(1)
