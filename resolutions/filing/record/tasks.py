"""The filing record's periodic job (Celery beat, daily; eager and callable directly without a broker)."""
from celery import shared_task
from django.utils import timezone

from .reminders import deadline_reminders_send


@shared_task
def send_deadline_reminders() -> int:
    """Today's deadline reminders; how many people were reminded."""
    return deadline_reminders_send(today=timezone.localdate())
