"""What the commands that write one version of a draft to a file share: --draft, --version, -o."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resolutions.models import Draft, DraftVersion


class VersionCommand(BaseCommand):
    def add_base_argument(self, parser, *args, **kwargs):
        """This command's --version is a version number, not Django's --version."""
        if "--version" not in args:
            super().add_base_argument(parser, *args, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--draft", type=int, required=True, help="the draft's id")
        parser.add_argument("--version", type=int, help="the version number (default: the latest)")
        parser.add_argument("-o", "--output", required=True, help="the file to write")

    def draft(self, pk: int) -> Draft:
        try:
            return Draft.objects.select_related("company", "lead_organization").get(pk=pk)
        except Draft.DoesNotExist as error:
            raise CommandError(f"No draft with id {pk}.") from error

    def version(self, draft: Draft, number: int | None, *, if_none: str = "save one first") -> DraftVersion:
        """Version ``number`` of the draft, or the latest; a CommandError says which is missing."""
        versions = draft.versions.select_related("draft__company", "draft__lead_organization", "created_by")
        chosen = versions.filter(number=number).first() if number is not None else versions.newest()
        if chosen is None:
            raise CommandError(f"Draft {draft.pk} has no version {number}." if number is not None
                               else f"Draft {draft.pk} has no saved version; {if_none}.")
        return chosen

    def write(self, output: str, data: bytes) -> None:
        Path(output).write_bytes(data)
        self.stdout.write(self.style.SUCCESS(f"Wrote {output} ({len(data):,} bytes)."))
