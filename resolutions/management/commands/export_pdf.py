from django.core.management.base import CommandError

from resolutions.filing import exports
from resolutions.filing.pdf.render import DEFAULT_VARIANT, VARIANTS
from resolutions.management.version_command import VersionCommand
from resolutions.models import PacketExport


class Command(VersionCommand):
    help = ("Write a version's proposal PDF (the stored one, made if missing), or with --packet a filing "
            "packet, to a file. Without --version: the latest version (for a packet, a new version if the "
            "draft changed since).")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--packet", action="store_true", help="the filing packet instead of the proposal")
        parser.add_argument("--variant", choices=sorted(VARIANTS), default=DEFAULT_VARIANT,
                            help="PDF/UA-1 (default) or PDF/A-3u, for the proposal")

    def handle(self, *args, draft, version, packet, variant, output, **options):
        draft = self.draft(draft)
        if packet:
            chosen = self.version(draft, version) if version is not None else None
            built = exports.packet_build(packet=exports.packet_start(draft=draft, user=None, version=chosen))
            if built.status != PacketExport.Status.DONE:
                raise CommandError(f"The packet could not be built: {built.error}")
            with built.file.open("rb") as file:
                data = file.read()
            if built.version.finalized_at is None:
                self.stderr.write(f"Version {built.version.number} is not finalized: this is a preview packet, "
                                  "every page marked “PREVIEW: not finalized, not for filing”.")
        else:
            chosen = self.version(draft, version, if_none="save one, or use --packet")
            data = exports.proposal_export(version=chosen, user=None, variant=variant)
        self.write(output, data)
