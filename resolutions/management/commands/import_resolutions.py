import json
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from resolutions.precedents import selectors
from resolutions.precedents.importer import DocumentError, parse_resolution, read_document
from resolutions.precedents.importer.proxy_reader import proposal_copied_from_proxy
from resolutions.precedents.services import PrecedentFields, precedent_save_import, source_fingerprint


class Command(BaseCommand):
    help = (
        "Read filed resolutions (.txt, .pdf, .docx) into the precedent library. With --json, print the "
        "parsed structure of each file as a JSON array; with --dry-run, save nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="parse and report; save nothing")
        parser.add_argument("--json", action="store_true", help="print the parsed structure as JSON")
        parser.add_argument("--company", help="company name (created if new); required to save")
        parser.add_argument("--year", type=int, help="meeting year; required to save")

    def handle(self, *args, paths, dry_run, json: bool, company, year, **options):
        saving = not dry_run
        if saving and not (company and year):
            raise CommandError("To save, give --company and --year (or use --dry-run to only parse).")
        parsed = [self._parse(path) for path in paths]
        if json:
            self.stdout.write(_dumps([_as_dict(p) for _, _, p in parsed]))
        else:
            for path, _, result in parsed:
                self._report(path, result)
        if saving:
            for path, text, result in parsed:
                self._save(path, text, result, company, year)

    def _parse(self, path: Path):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot read the file ({error.strerror}).") from error
        try:
            text = read_document(path.name, data, max_bytes=settings.MAX_UPLOAD_BYTES)
        except DocumentError as error:
            raise CommandError(f"{path}: {error}") from error
        copied = proposal_copied_from_proxy(text)
        if copied is not None:
            return path, text, _CopiedProposal(copied, str(path))
        return path, text, parse_resolution(text, filename=str(path))

    def _report(self, path, result):
        data = result.as_dict()
        self.stdout.write(
            f"{path}: “{data['title']}” — {len(data['resolved'])} RESOLVED, {len(data['whereas'])} WHEREAS, "
            f"{len(data['supporting'])} supporting, {len(data['footnotes'])} footnotes, "
            f"{len(data['calls'])} calls, {len(data['filers'])} filers"
        )
        for warning in data["warnings"]:
            self.stdout.write(self.style.WARNING(f"  warning: {warning}"))

    def _save(self, path, text, result, company, year):
        structure = result.as_dict()
        structure["calls"] = result.calls_with_offsets()
        existing = selectors.precedent_matching_source(fingerprint=source_fingerprint(text))
        try:
            precedent = precedent_save_import(
                structure=structure,
                fields=PrecedentFields(company=company, meeting_year=year, title=structure["title"] or path.stem),
                source_text=text,
                resolved_first=result.resolved_first,
                existing=existing,
            )
        except ValidationError as error:
            raise CommandError(f"{path}: {' '.join(error.messages)} It was not saved.") from error
        verb = "updated" if existing else "saved"
        self.stdout.write(self.style.SUCCESS(f"{path}: {verb} as precedent #{precedent.pk}"))


class _CopiedProposal:
    """A proposal copied out of a proxy statement, with the single-import interface."""

    def __init__(self, proposal, filename):
        self.proposal = proposal
        self.filename = filename
        self.resolved_first = proposal.resolved_first

    def as_dict(self):
        structure = self.proposal.precedent_structure()
        data = {key: structure[key] for key in ("title", "resolved", "whereas", "supporting", "footnotes", "calls")}
        data["calls"] = [{k: call[k] for k in ("part", "index", "number")} for call in data["calls"]]
        data["filers"] = structure["filers"]
        data["warnings"] = structure["warnings"]
        data.update(preamble=structure["preamble"], opposition=structure["opposition"], left_out=structure["left_out"])
        return {"file": self.filename, **data}

    def calls_with_offsets(self):
        return self.proposal.precedent_structure()["calls"]


def _as_dict(result) -> dict:
    """The --json shape: the importer's, with the preamble, board's statement and left-out lines."""
    data = result.as_dict()
    data.setdefault("preamble", "")
    data.setdefault("opposition", "")
    data.setdefault("left_out", [])
    return data


def _dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
