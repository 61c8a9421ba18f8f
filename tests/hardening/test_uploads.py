"""Upload size: a file over MAX_UPLOAD_BYTES stops being kept as it streams in, and is refused with both sizes."""
import gc

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory, override_settings

from config.uploads import OversizedUpload
from evidence.models import Source
from resolutions.models import Precedent

LIMIT = 64 * 1024


def uploaded(content: bytes, tmp_path):
    """What a view would find in request.FILES after Django parsed a multipart POST of ``content``."""
    with override_settings(MAX_UPLOAD_BYTES=LIMIT, FILE_UPLOAD_MAX_MEMORY_SIZE=1024, FILE_UPLOAD_TEMP_DIR=str(tmp_path)):
        request = RequestFactory().post("/", {"file": SimpleUploadedFile("report.pdf", content)})
        return request.FILES["file"]


def test_a_file_over_the_limit_arrives_as_its_name_and_size_only(tmp_path):
    upload = uploaded(b"x" * (LIMIT * 3), tmp_path)
    gc.collect()  # the temporary file Django began is closed, and so deleted, with its handler

    assert isinstance(upload, OversizedUpload)
    assert (upload.name, upload.size, upload.read()) == ("report.pdf", LIMIT * 3, b"")
    assert list(tmp_path.iterdir()) == [], "nothing of it left on disk"


def test_a_file_at_the_limit_arrives_whole(tmp_path):
    content = bytes(range(256)) * (LIMIT // 256)
    upload = uploaded(content, tmp_path)

    assert not isinstance(upload, OversizedUpload)
    assert upload.read() == content


@pytest.mark.parametrize("model, field", [(Precedent, "source_file"), (Source, "text_file")])
def test_file_fields_refuse_an_oversized_upload_in_every_form_the_admin_included(model, field, settings):
    upload = OversizedUpload("scan.pdf", "application/pdf", settings.MAX_UPLOAD_BYTES + 1024 * 1024)

    with pytest.raises(ValidationError) as refused:
        model._meta.get_field(field).run_validators(upload)
    assert refused.value.messages == ["“scan.pdf” is 11.0\xa0MB; the largest file accepted is 10.0\xa0MB."]
