"""The demo's second draft: finalized, submitted, with a fileable packet that export_pdf writes out."""
import subprocess

import pytest
from django.core.management import call_command

from resolutions.demo import DEMO_FILED_TITLE
from resolutions.models import Draft, PacketExport, SignOn

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed(capsys):
    call_command("load_demo")
    return Draft.objects.get(title=DEMO_FILED_TITLE)


def test_the_demo_has_a_finalized_and_submitted_draft_signed_by_both_filers_with_sample_letters(filed):
    version = filed.versions.get()
    assert filed.status == Draft.Status.FILED and version.finalized_at is not None
    signers = SignOn.objects.signed().filter(draft=filed, version_sha256=version.sha256)
    assert sorted(s.organization.legal_name for s in signers) == ["Greenfield Pension Trust",
                                                                  "Sisters of the Demo Valley"]
    assert all(s.valuation_date and s.price_per_share for s in signers)
    assert filed.ownership_proofs.count() == 2 and all(p.sample for p in filed.ownership_proofs.all())
    submission = filed.submissions.get()
    assert submission.version == version and submission.proof_type == "message/rfc822"
    assert filed.packets.filter(status=PacketExport.Status.DONE, version=version).exists()


def test_export_pdf_writes_the_finalized_demo_draft_s_packet(filed, tmp_path):
    out = tmp_path / "packet.pdf"
    call_command("export_pdf", "--draft", str(filed.pk), "--packet", "-o", str(out))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.count("\f")
    assert "DRAFT" not in text
    assert f"Packet page 1 of {pages}" in text and "Enclosures" in text
    assert "Sisters of the Demo Valley has continuously held 90 shares" in " ".join(text.split())
    assert "SAMPLE" in text, "the generated broker letters say they are samples"
    assert filed.versions.count() == 1, "the packet is of the finalized version; no new version is saved"


def test_loading_the_demo_again_adds_no_second_filed_draft(filed):
    call_command("load_demo")
    assert Draft.objects.filter(title=DEMO_FILED_TITLE).count() == 1
