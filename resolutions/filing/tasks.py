"""Background jobs of the filing sub-domain. Without a broker they run eagerly, in-process."""
from celery import shared_task

from resolutions.models import PacketExport
from . import exports


@shared_task
def packet_build(packet_id: int) -> str:
    """Build one filing packet (``exports.packet_build``); returns its final status."""
    packet = PacketExport.objects.select_related("draft__lead_organization", "version", "requested_by")
    return exports.packet_build(packet=packet.get(pk=packet_id)).status


@shared_task
def pdf_build(export_id: int) -> str:
    """Make one long draft's proposal PDF or letter (``exports.pdf_build``); returns its final status."""
    export = PacketExport.objects.select_related("draft", "version", "requested_by")
    return exports.pdf_build(export=export.get(pk=export_id)).status
