from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resolutions.filing.docx_export import stored_proposal_docx
from resolutions.models import Draft


class Command(BaseCommand):
    help = ("Write a version's proposal as a Word file (.docx, native footnotes): the stored one, made if "
            "missing. Without --version: the latest version.")

    def add_base_argument(self, parser, *args, **kwargs):
        """This command's --version is a version number, not Django's --version."""
        if "--version" not in args:
            super().add_base_argument(parser, *args, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--draft", type=int, required=True, help="the draft's id")
        parser.add_argument("--version", type=int, help="the version number (default: the latest)")
        parser.add_argument("-o", "--output", required=True, help="the file to write")

    def handle(self, *args, draft, version, output, **options):
        try:
            draft = Draft.objects.select_related("company", "lead_organization").get(pk=draft)
        except Draft.DoesNotExist as error:
            raise CommandError(f"No draft with id {draft}.") from error
        versions = draft.versions.select_related("draft__company", "draft__lead_organization", "created_by")
        chosen = versions.filter(number=version).first() if version is not None else versions.order_by("-number").first()
        if chosen is None:
            raise CommandError(f"Draft {draft.pk} has no version {version}." if version is not None
                               else f"Draft {draft.pk} has no saved version; save one first.")
        data = stored_proposal_docx(chosen, user=None)
        Path(output).write_bytes(data)
        self.stdout.write(self.style.SUCCESS(f"Wrote {output} ({len(data):,} bytes)."))
