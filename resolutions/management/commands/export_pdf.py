from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resolutions.models import Draft, PacketExport
from resolutions.filing.pdf.packet import packet_build, packet_start
from resolutions.filing.pdf.proposal import stored_proposal
from resolutions.filing.pdf.render import DEFAULT_VARIANT, VARIANTS


class Command(BaseCommand):
    help = ("Write a version's proposal PDF (the stored one, made if missing), or with --packet a filing "
            "packet, to a file. Without --version: the latest version (for a packet, a new version if the "
            "draft changed since).")

    def add_base_argument(self, parser, *args, **kwargs):
        """This command's --version is a version number, not Django's --version."""
        if "--version" not in args:
            super().add_base_argument(parser, *args, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--draft", type=int, required=True, help="the draft's id")
        parser.add_argument("--version", type=int, help="the version number (default: the latest)")
        parser.add_argument("--packet", action="store_true", help="the filing packet instead of the proposal")
        parser.add_argument("--variant", choices=sorted(VARIANTS), default=DEFAULT_VARIANT,
                            help="PDF/UA-1 (default) or PDF/A-3u, for the proposal")
        parser.add_argument("-o", "--output", required=True, help="the file to write")

    def handle(self, *args, draft, version, packet, variant, output, **options):
        try:
            draft = Draft.objects.select_related("company", "lead_organization").get(pk=draft)
        except Draft.DoesNotExist as error:
            raise CommandError(f"No draft with id {draft}.") from error
        chosen = None
        if version is not None:
            chosen = draft.versions.filter(number=version).first()
            if chosen is None:
                raise CommandError(f"Draft {draft.pk} has no version {version}.")
        if packet:
            built = packet_build(packet_start(draft=draft, user=None, version=chosen))
            if built.status != PacketExport.Status.DONE:
                raise CommandError(f"The packet could not be built: {built.error}")
            with built.file.open("rb") as file:
                data = file.read()
            if built.version.finalized_at is None:
                self.stderr.write(f"Version {built.version.number} is not finalized: this is a preview packet, "
                                  "every page marked “PREVIEW: not finalized, not for filing”.")
        else:
            chosen = chosen or draft.versions.order_by("-number").first()
            if chosen is None:
                raise CommandError(f"Draft {draft.pk} has no saved version; save one, or use --packet.")
            data = stored_proposal(chosen, user=None, variant=variant)
        Path(output).write_bytes(data)
        self.stdout.write(self.style.SUCCESS(f"Wrote {output} ({len(data):,} bytes)."))
