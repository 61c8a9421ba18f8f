"""Filing: the packet built in the background for a version."""
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from resolutions.drafts.models import Draft, DraftVersion


class PacketExportQuerySet(models.QuerySet):
    def building(self, *, now=None):
        """Packets waiting or being built, started less than ``STALE_AFTER`` ago (older ones died with their worker).

        The same rule as ``PacketExport.is_building``, for many packets."""
        since = (now or timezone.now()) - PacketExport.STALE_AFTER
        return self.filter(status__in=[PacketExport.Status.PENDING, PacketExport.Status.RUNNING], created_at__gte=since)


class PacketExport(models.Model):
    """A filing packet being built in the background; the page polls its progress."""

    STALE_AFTER = timedelta(minutes=15)

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to start"
        RUNNING = "running", "Building"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="packets")
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="packets")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent done.")
    step = models.CharField(max_length=200, blank=True)
    file = models.FileField(upload_to="packets/%Y/", blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = PacketExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    @property
    def unfinished(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def is_building(self) -> bool:
        """Unfinished and started less than ``STALE_AFTER`` ago, as ``PacketExportQuerySet.building``."""
        return self.unfinished and self.created_at >= timezone.now() - self.STALE_AFTER

    @property
    def has_stalled(self) -> bool:
        """Unfinished long after it started: its worker died; a new build is allowed."""
        return self.unfinished and not self.is_building
