"""Background jobs of notifications. Without a broker they run eagerly, in-process."""
from celery import shared_task

from .delivery import digests_send, notification_email_send


@shared_task
def send_notification_email(notification_id: int) -> str:
    return notification_email_send(notification_id=notification_id)


@shared_task
def send_daily_digests() -> int:
    """Run once a day by Celery beat (``config/celery.py``); safe to run again: nothing goes twice."""
    return digests_send()
