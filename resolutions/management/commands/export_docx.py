from resolutions.filing.exports import proposal_docx_export
from resolutions.management.version_command import VersionCommand


class Command(VersionCommand):
    help = ("Write a version's proposal as a Word file (.docx, native footnotes): the stored one, made if "
            "missing. Without --version: the latest version.")

    def handle(self, *args, draft, version, output, **options):
        chosen = self.version(self.draft(draft), version)
        self.write(output, proposal_docx_export(version=chosen, user=None))
