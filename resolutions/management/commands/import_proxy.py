import json
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from resolutions.precedents import selectors
from resolutions.precedents.importer import DocumentError
from resolutions.precedents.importer.proxy_reader import read_proxy
from resolutions.precedents.services import PrecedentFields, precedent_save_import, source_fingerprint


class Command(BaseCommand):
    help = (
        "Read whole proxy statements (DEF 14A as .pdf, EDGAR .htm/.html or .txt) and bring in every "
        "shareholder proposal in them. With --json, print what was found as a JSON array; with --dry-run, "
        "save nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="read and report; save nothing")
        parser.add_argument("--json", action="store_true", help="print the proposals found as JSON")
        parser.add_argument("--company", help="company name, when the cover page does not give it")
        parser.add_argument("--year", type=int, help="meeting year, when the cover page does not give it")

    def handle(self, *args, paths, dry_run, json: bool, company, year, **options):
        statements = [self._read(path) for path in paths]
        if json:
            self.stdout.write(_dumps([statement.as_dict() for statement in statements]))
        else:
            for statement in statements:
                self._report(statement)
        if not dry_run:
            for statement in statements:
                self._save(statement, company or statement.company, year or statement.meeting_year)

    def _read(self, path: Path):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot read the file ({error.strerror}).") from error
        try:
            statement = read_proxy(path.name, data, max_bytes=settings.MAX_PROXY_BYTES)
        except DocumentError as error:
            raise CommandError(f"{path}: {error}") from error
        statement.file = str(path)
        return statement

    def _report(self, statement):
        self.stdout.write(
            f"{statement.file}: {statement.company or 'company not found'}, {statement.meeting_year or 'year not found'}, "
            f"{statement.pages} pages, {len(statement.proposals)} shareholder proposals"
        )
        for proposal in statement.proposals:
            names = ", ".join(p.name for p in proposal.proponents)
            self.stdout.write(
                f"  item {proposal.item or '?'} (pages {proposal.pages[0]}–{proposal.pages[1]}): “{proposal.title}” — "
                f"{names}; {len(proposal.resolved)} RESOLVED, {len(proposal.whereas)} WHEREAS, "
                f"{len(proposal.supporting)} supporting, {len(proposal.footnotes)} notes; "
                f"board recommends {proposal.board_recommendation}"
            )
            for warning in proposal.warnings:
                self.stdout.write(self.style.WARNING(f"    warning: {warning}"))
        for item in statement.skipped:
            self.stdout.write(f"  item {item['item']} skipped ({item['reason']}): {item['caption']}")
        for warning in statement.warnings:
            self.stdout.write(self.style.WARNING(f"  {warning}"))

    def _save(self, statement, company, year):
        if not statement.proposals:
            return
        if not (company and year):
            raise CommandError(
                f"{statement.file}: the cover page gives no company or meeting year; give --company and --year."
            )
        for proposal in statement.proposals:
            existing = selectors.precedent_matching_source(fingerprint=source_fingerprint(proposal.source_text))
            try:
                precedent = precedent_save_import(
                    structure=proposal.precedent_structure(),
                    fields=PrecedentFields(company=company, meeting_year=year, title=proposal.title or proposal.caption),
                    source_text=proposal.source_text,
                    resolved_first=proposal.resolved_first,
                    existing=existing,
                    what=f"item {proposal.item}",
                )
            except ValidationError as error:
                raise CommandError(f"{statement.file}: {' '.join(error.messages)} Nothing more was saved.") from error
            verb = "updated" if existing else "saved"
            self.stdout.write(self.style.SUCCESS(f"{statement.file} item {proposal.item}: {verb} as precedent #{precedent.pk}"))


def _dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
