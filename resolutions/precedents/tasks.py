"""Background jobs of the precedent library. Without a broker they run eagerly, in-process."""
from celery import shared_task

from resolutions.models import ProxyImport
from .services import proxy_import_read


@shared_task
def read_proxy_statement(proxy_import_id: int) -> str:
    """Read one uploaded proxy statement; returns its final status."""
    return proxy_import_read(proxy_import=ProxyImport.objects.get(pk=proxy_import_id)).status
