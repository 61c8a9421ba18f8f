"""Background jobs of the resolutions app. Without a broker they run eagerly, in-process."""
from celery import shared_task

from resolutions.models import PacketExport
from .pdf.packet import packet_build


@shared_task
def build_packet(packet_id: int) -> str:
    """Build one filing packet; returns its final status."""
    packet = PacketExport.objects.select_related("draft__lead_organization", "version", "requested_by")
    return packet_build(packet.get(pk=packet_id)).status
