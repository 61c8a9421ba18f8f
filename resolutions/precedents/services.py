"""Writes to the precedent library. Views, admin actions and commands all call these."""
import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import (
    Company,
    FootnoteCall,
    Precedent,
    PrecedentFiler,
    PrecedentFootnote,
    PrecedentPart,
    ProxyImport,
)
from ..search import refresh_search_vector
from resolutions.drafts.limits import check_parts
from .importer import DocumentError
from .importer.model import PART_KINDS, part_order
from .importer.proxy_reader import read_proxy


def source_fingerprint(text: str) -> str:
    """SHA-256 of the source text with whitespace folded, so a re-import is recognised."""
    folded = re.sub(r"\s+", " ", text or "").strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PrecedentFields:
    """What a curator confirms on the review screen besides the parsed structure.

    ``company`` may be a name: the company of that name, added if new, in the import's transaction.
    """

    company: Company | str
    meeting_year: int
    title: str
    outcome: str = Precedent.Outcome.UNKNOWN
    support_percent: object = None
    source_url: str = ""
    curator_notes: str = ""
    curated: bool = False


def precedent_save_import(
    *,
    structure: dict,
    fields: PrecedentFields,
    source_text: str,
    topics=(),
    resolved_first: bool = True,
    user=None,
    existing: Precedent | None = None,
    source_file=None,
    what: str = "this precedent",
) -> Precedent:
    """Create a precedent from an import (or replace ``existing``'s structure) in one transaction.

    ``structure`` has the importer's shape: resolved/whereas/supporting lists, footnotes, calls,
    filers and warnings. ValidationError, nothing saved, when it is over the draft size limit (a
    draft is started from it): ``what`` names it in the message.
    """
    check_parts([(kind, text) for kind in part_order(resolved_first) for text in structure.get(kind, [])], what=what)
    with transaction.atomic():
        precedent = existing or Precedent(created_by=user)
        precedent.company = (fields.company if isinstance(fields.company, Company)
                             else Company.objects.get_or_create(name=fields.company.strip())[0])
        precedent.meeting_year = fields.meeting_year
        precedent.title = fields.title
        precedent.outcome = fields.outcome
        precedent.support_percent = fields.support_percent
        precedent.source_url = fields.source_url
        precedent.curator_notes = fields.curator_notes
        precedent.curated = fields.curated
        precedent.resolved_first = resolved_first
        precedent.source_text = source_text
        precedent.source_sha256 = source_fingerprint(source_text)
        precedent.import_warnings = list(structure.get("warnings", []))
        precedent.preamble = structure.get("preamble", "")
        precedent.board_statement = structure.get("opposition", "")
        precedent.board_recommendation = structure.get("board_recommendation", "") if precedent.board_statement else ""
        if source_file is not None:
            precedent.source_file.save(source_file.name, source_file, save=False)
        precedent.save()
        if existing is not None:
            precedent.parts.all().delete()
            precedent.footnotes.all().delete()
            precedent.filers.all().delete()
        _write_structure(precedent, structure)
        precedent.topics.set(topics)
        precedent_refresh_search(precedent=precedent)
    return precedent


def _write_structure(precedent: Precedent, structure: dict) -> None:
    parts_by_key = {}
    position = 0
    for kind in part_order(precedent.resolved_first):
        for index, text in enumerate(structure.get(kind, [])):
            parts_by_key[(kind, index)] = PrecedentPart(
                precedent=precedent, kind=kind, position=position, text=text
            )
            position += 1
    PrecedentPart.objects.bulk_create(parts_by_key.values())
    FootnoteCall.objects.bulk_create(
        FootnoteCall(
            part=parts_by_key[(call["part"], call["index"])], number=call["number"], offset=call.get("offset")
        )
        for call in structure.get("calls", [])
        if (call["part"], call["index"]) in parts_by_key
    )
    PrecedentFootnote.objects.bulk_create(
        PrecedentFootnote(precedent=precedent, number=note["number"], text=note["text"], urls=note.get("urls", []))
        for note in _unique_notes(structure.get("footnotes", []))
    )
    PrecedentFiler.objects.bulk_create(
        PrecedentFiler(
            precedent=precedent, name=filer["name"], organization=filer["organization"],
            lead=filer["lead"], position=position,
        )
        for position, filer in enumerate(structure.get("filers", []))
    )


def _unique_notes(notes):
    seen = set()
    for note in notes:
        if note["number"] not in seen:
            seen.add(note["number"])
            yield note


def precedent_refresh_search(*, precedent: Precedent) -> None:
    """Rebuild the denormalized search text (parts, footnotes, filers) and the stored vector."""
    pieces = [precedent.title, precedent.company.name, precedent.company.ticker]
    pieces += [part.text for part in precedent.parts.all()]
    pieces += [note.text for note in precedent.footnotes.all()]
    pieces += [f"{f.name} {f.organization}" for f in precedent.filers.all()]
    document = "\n".join(p for p in pieces if p)
    Precedent.objects.filter(pk=precedent.pk).update(search_document=document)
    precedent.search_document = document
    refresh_search_vector(Precedent, precedent.pk)


def precedent_structure(precedent: Precedent) -> dict:
    """The importer's shape, read back from a saved precedent (for JSON export and re-review)."""
    parts = {kind: [] for kind in PART_KINDS}
    index_of = {}
    for part in precedent.parts.all():
        index_of[part.pk] = (part.kind, len(parts[part.kind]))
        parts[part.kind].append(part.text)
    calls = [
        {"part": index_of[call.part_id][0], "index": index_of[call.part_id][1], "number": call.number,
         "offset": call.offset}
        for part in precedent.parts.all()
        for call in part.calls.all()
    ]
    return {
        "title": precedent.title,
        **parts,
        "footnotes": [{"number": n.number, "text": n.text, "urls": n.urls} for n in precedent.footnotes.all()],
        "calls": calls,
        "filers": [{"name": f.name, "organization": f.organization, "lead": f.lead} for f in precedent.filers.all()],
        "warnings": list(precedent.import_warnings),
    }



# --- whole proxy statements ----------------------------------------------------------------------

def proxy_import_start(*, upload, user) -> ProxyImport:
    """Store an uploaded proxy statement to be read in the background (``proxy_import_read``)."""
    return ProxyImport.objects.create(
        uploaded_by=user, file=upload, filename=PurePath(upload.name).name[:255], size=upload.size,
        step="Waiting to start",
    )


def proxy_import_read(*, proxy_import: ProxyImport) -> ProxyImport:
    """Read the stored file in the sandbox and keep every shareholder proposal found; a file that
    cannot be read ends the job with the reason for the curator."""
    _proxy_progress(proxy_import, status=ProxyImport.Status.RUNNING, progress=10,
                    step=f"Reading the pages of “{proxy_import.filename}”")
    try:
        with proxy_import.file.open("rb") as stored:
            data = stored.read()
        statement = read_proxy(proxy_import.filename, data, max_bytes=settings.MAX_PROXY_BYTES,  # in the sandbox
                               on_page=_page_progress(proxy_import))
    except DocumentError as error:
        _proxy_progress(proxy_import, status=ProxyImport.Status.FAILED, progress=100, step="Stopped",
                        error=str(error), finished_at=timezone.now())
        return proxy_import
    _proxy_progress(proxy_import, progress=90, step="Listing the shareholder proposals")
    found = statement.as_dict()
    found["proposals"] = [
        {**proposal.precedent_structure(), "source_text": proposal.source_text,
         "resolved_first": proposal.resolved_first}
        for proposal in statement.proposals
    ]
    _proxy_progress(proxy_import, status=ProxyImport.Status.DONE, progress=100, step="Done", statement=found,
                    finished_at=timezone.now())
    return proxy_import


PAGE_PROGRESS_SECONDS = 0.5


def _page_progress(proxy_import: ProxyImport):
    """``on_page`` for the reader: "Reading page N of M", from 10 % to 90 %, written at most every
    ``PAGE_PROGRESS_SECONDS`` (and for the last page) so a long file costs a few dozen updates."""
    written = [0.0]

    def on_page(number: int, pages: int) -> None:
        now = time.monotonic()
        if now - written[0] >= PAGE_PROGRESS_SECONDS or number == pages:
            written[0] = now
            _proxy_progress(proxy_import, progress=10 + 80 * number // pages, step=f"Reading page {number} of {pages}")

    return on_page


def _proxy_progress(proxy_import: ProxyImport, **values) -> None:
    """Write the job's state at once (outside any transaction), so the polling page sees it."""
    for name, value in values.items():
        setattr(proxy_import, name, value)
    ProxyImport.objects.filter(pk=proxy_import.pk).update(**values)


def proxy_import_save(*, proxy_import: ProxyImport, indexes, company_name: str, meeting_year: int,
                      user) -> list[tuple[Precedent, bool]]:
    """Save the proposals at ``indexes`` as precedents of ``company_name`` (found ignoring case, else
    created) in one transaction: (precedent, True when it updated an earlier import of that text).

    A proposal whose text was imported before (from this upload or an earlier one of the same
    proxy statement) updates that precedent instead of adding a second one.
    """
    with transaction.atomic():
        proxy_import = ProxyImport.objects.select_for_update().get(pk=proxy_import.pk)
        company_name = " ".join(company_name.split())
        company, _ = Company.objects.get_or_create(name__iexact=company_name, defaults={"name": company_name})
        results = []
        for index in indexes:
            proposal = proxy_import.proposals[index]
            existing = (
                Precedent.objects.filter(source_sha256=source_fingerprint(proposal["source_text"])).first()
            )
            precedent = precedent_save_import(
                structure=proposal,
                fields=PrecedentFields(company=company, meeting_year=meeting_year,
                                       title=(proposal["title"] or proposal["caption"])[:300]),
                source_text=proposal["source_text"],
                resolved_first=proposal["resolved_first"],
                user=user,
                existing=existing,
                what=f"item {proposal.get('item') or index}",
            )
            proxy_import.saved[str(index)] = precedent.pk
            results.append((precedent, existing is not None))
        proxy_import.save(update_fields=["saved"])
    return results
