"""Non-trivial reads of drafts: rendering, the access rule, the 14a-8 side panel, deadlines."""
from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Q
from django.utils import timezone

from evidence.models import Snippet

from resolutions import rule14a8
from resolutions.drafts.rendering import Citation, RenderedDraft, canonical_content, markers_in, render_clauses, sanitize_clause_html
from resolutions.drafts.models import Need
from resolutions.precedents.importer.model import PART_KINDS
from resolutions.models import Draft, DraftNote, DraftVersion, Invitation, PartKind, Precedent, Representation


def draft_rendered(draft: Draft, *, clauses=None) -> RenderedDraft:
    """The draft's clauses with numbered calls and formatted footnotes, in a fixed number of queries."""
    clauses = list(draft.clauses.all()) if clauses is None else clauses
    return render_clauses(clauses, draft_citations(draft, clauses), style=draft.citation_style)


def clause_reading(draft: Draft, *, clause_id: int, text: str) -> str:
    """How clause ``clause_id`` reads with ``text`` as its text: sanitized, calls numbered as in the draft.

    For a conflict: the words a save could not store, shown as the editor shows them.
    """
    clauses = list(draft.clauses.all())
    for clause in clauses:
        if clause.pk == clause_id:
            clause.text = sanitize_clause_html(text)
    parts = draft_rendered(draft, clauses=clauses).parts
    return next((part.html for part in parts if part.clause_id == clause_id), sanitize_clause_html(text))


def draft_content(draft: Draft) -> dict:
    """The canonical content a version saved now would hold (its SHA-256 identifies the text)."""
    return canonical_content(
        title=draft.title, company=draft.company.name, meeting_year=draft.meeting_year,
        layout={"resolved_first": draft.resolved_first, "supporting_heading": draft.supporting_heading,
                "citation_style": draft.citation_style, **draft.print_style()},
        rendered=draft_rendered(draft), topics=[t.name for t in draft.topics.all()],
    )


# What a footnote reads of a cited snippet's source (Source.as_citation_source, Snippet.stale_reason): not its
# full text. A field read but not loaded costs a query a snippet, which the editor's query count test would show.
CITED_SOURCE_FIELDS = ("kind", "title", "authors", "publisher", "published", "url", "accessed")


def draft_citations(draft: Draft, clauses) -> dict:
    keys = {key for clause in clauses for key in markers_in(clause.text)}
    snippet_ids = [pk for kind, pk in keys if kind == "snippet"]
    note_ids = [pk for kind, pk in keys if kind == "note"]
    citations = {}
    today = timezone.localdate()
    cited = Snippet.objects.filter(pk__in=snippet_ids).select_related("source").only(  # not the texts searched
        "quote", "pinpoint", "source", *(f"source__{name}" for name in CITED_SOURCE_FIELDS))
    for snippet in cited:
        citations[("snippet", snippet.pk)] = Citation(
            source=snippet.source.as_citation_source(), pinpoint=snippet.pinpoint,
            stale=snippet.stale_reason(today=today) is not None,
        )
    for note in DraftNote.objects.filter(draft=draft, pk__in=note_ids):
        citations[("note", note.pk)] = Citation(note_text=note.text)
    return citations


def draft_for(user, pk, *, need: Need = Need.READ) -> Draft:
    """Draft ``pk``, if ``user`` may use it as ``need`` says; Draft.DoesNotExist otherwise (the gate,
    ``drafts.gate``, makes that a 404). Curators get no extra reach. The draft is loaded by its key
    and checked with ``Draft.is_open_to``, so a lead pays for no invitation lookup."""
    draft = Draft.objects.select_related("company", "lead_organization").filter(pk=pk).first()
    if draft is None or not draft.is_open_to(user, need):
        raise Draft.DoesNotExist("No such draft.")
    return draft


def version_for(user, pk, number, *, need: Need = Need.READ) -> DraftVersion:
    """Version ``number`` of draft ``pk`` through ``draft_for``'s rule, loaded with its draft in one query.

    Draft.DoesNotExist before DraftVersion.DoesNotExist, so a missing version never hints at a draft.
    """
    version = (DraftVersion.objects.select_related("draft__company", "draft__lead_organization", "created_by")
               .filter(draft_id=pk, number=number).first())
    if version is None:
        draft_for(user, pk, need=need)
        raise DraftVersion.DoesNotExist("No such version.")
    if not version.draft.is_open_to(user, need):
        raise Draft.DoesNotExist("No such draft.")
    return version


def draft_words(draft: Draft, rendered: RenderedDraft):
    """Words by part, counted as Rule 14a-8(d) is checked (title and footnotes included)."""
    texts = {kind: [p.html for p in rendered.parts_of(kind)] for kind in PART_KINDS}
    return rule14a8.word_count_by_part(title=draft.title, footnotes=rendered.footnotes, **texts)


def proposals_elsewhere(draft: Draft) -> tuple[list[str], dict[str, list[str]], dict[str, list[str]]]:
    """Rule 14a-8(c), per person: the other proposals at this company's same meeting (not withdrawn) of the
    lead organization, of each co-filer of this draft, and of each shareholder a filer here represents, by title.

    A person is a proponent of a proposal it files (as lead or as a co-filer not removed), and of one a
    filer submits for it as its representative ((b)(1)(iv)); an organization and a represented shareholder
    are the same person when their names match ignoring case and punctuation. The representatives bind
    too: an organization counts every proposal it files, for itself or for others.
    """
    proposals = _proposals_at_meeting(draft)
    this = proposals.pop(draft.pk)
    others = proposals.values()

    def titles(name_key: str, organization_id=None) -> list[str]:
        return sorted({other.title for other in others if other.has_proponent(name_key, organization_id)})

    lead = draft.lead_organization
    return titles(lead.name_key, lead.pk), {
        legal_name: titles(name_key, organization_id) for organization_id, legal_name, name_key in this.cofilers
    }, {name: titles(name_key) for name, name_key in this.shareholders.items()}


@dataclass
class _MeetingProposal:
    """Who a proposal at the meeting is by: its filers (lead and co-filers still filing), by id and by
    name, and the shareholders its filers submit it for (by name key, and by name as printed)."""

    title: str
    organization_ids: set
    name_keys: set
    cofilers: list = field(default_factory=list)  # (organization id, legal name, name key)
    shareholders: dict = field(default_factory=dict)  # name -> name key

    def has_proponent(self, name_key: str, organization_id=None) -> bool:
        return (name_key in self.name_keys or name_key in self.shareholders.values()
                or (organization_id is not None and organization_id in self.organization_ids))


def _proposals_at_meeting(draft: Draft) -> dict[int, _MeetingProposal]:
    """The draft and the other proposals (not withdrawn) at its company and meeting, by id, with their
    proponents: three queries, however many proposals and filers there are."""
    proposals = {pk: _MeetingProposal(title, {lead_id}, {lead_key}) for pk, title, lead_id, lead_key in (
        Draft.objects.filter(company_id=draft.company_id, meeting_year=draft.meeting_year)
        .filter(~Q(status=Draft.Status.WITHDRAWN) | Q(pk=draft.pk))
        .values_list("pk", "title", "lead_organization_id", "lead_organization__name_key"))}
    for draft_id, organization_id, legal_name, name_key in Invitation.objects.filter(
            draft_id__in=proposals, accepted_at__isnull=False, revoked_at__isnull=True, organization__isnull=False,
    ).values_list("draft_id", "organization_id", "organization__legal_name", "organization__name_key"):
        proposals[draft_id].organization_ids.add(organization_id)
        proposals[draft_id].name_keys.add(name_key)
        proposals[draft_id].cofilers.append((organization_id, legal_name, name_key))
    for draft_id, organization_id, name, name_key in Representation.objects.filter(draft_id__in=proposals).values_list(
            "draft_id", "organization_id", "shareholder_name", "shareholder_name_key"):
        if organization_id in proposals[draft_id].organization_ids:  # submitted by a filer still filing there
            proposals[draft_id].shareholders[name] = name_key
    return proposals


def draft_checks(draft: Draft, rendered: RenderedDraft, *, today: date) -> list:
    """The live side panel: every 14a-8 check for this draft, in the order a filer reads them."""
    texts = {kind: [p.html for p in rendered.parts_of(kind)] for kind in PART_KINDS}
    words = draft_words(draft, rendered)
    company = draft.company
    deadline = company.filing_deadline()
    other, cofilers, shareholders = proposals_elsewhere(draft)
    topics = list(draft.topics.all())
    votes = Precedent.objects.filter(company=company, topics__in=topics).distinct().only("meeting_year", "support_percent")
    texas = [texas_check(draft, today=today)] if company.texas_opt_in else []
    return [
        rule14a8.check_length(words),
        check_empty_clauses(rendered),
        *rule14a8.check_company_details(str(company), verified=company.verified,
                                        uses="the deadline, business hours and Texas thresholds below"),
        rule14a8.check_deadline(deadline, today=today),
        rule14a8.check_resolved_present(texts["resolved"]),
        rule14a8.check_precatory(texts["resolved"]),
        rule14a8.check_whereas_cited([len(p.calls) for p in rendered.parts_of("whereas")]),
        rule14a8.check_stale_evidence(rendered.stale_count, footnotes=rendered.stale_notes),
        rule14a8.check_one_proposal(other, cofilers, shareholders),
        rule14a8.resubmission_check(
            prior_votes=[p.prior_vote for p in votes if p.meeting_year < draft.meeting_year],
            meeting_year=draft.meeting_year, subject_known=bool(topics),
        ),
        *texas,
    ], words


def is_blank(html: str) -> bool:
    """No word and no footnote call: an empty clause, left out of every printed form."""
    return not rule14a8.plain_text(html).strip()


def check_empty_clauses(rendered: RenderedDraft) -> rule14a8.Check:
    """A drafting check, not a rule: an empty clause would print as a bare "WHEREAS:"."""
    counts, empty = {}, []
    for part in rendered.parts:
        counts[part.kind] = counts.get(part.kind, 0) + 1
        if is_blank(part.html):
            empty.append(f"{PartKind(part.kind).label} {counts[part.kind]}")
    if not empty:
        return rule14a8.Check("", "Empty clauses", rule14a8.OK, "Every clause has text.")
    one = len(empty) == 1
    return rule14a8.Check("", "Empty clauses", rule14a8.WARNING,
                          f"{rule14a8.join_words(empty)} {'is' if one else 'are'} empty: write or delete "
                          f"{'it' if one else 'them'}. An empty clause is left out of the preview, the PDF and the "
                          "Word copy.", {"empty": empty})
def texas_check(draft: Draft, *, today: date) -> rule14a8.Check:
    """Texas §21.373 for a company that opted in: the signed filers' holdings count together; the
    group has held for as long as its most recent holder (the percent of voting shares is not recorded)."""
    holdings = [(s.market_value, s.held_since) for s in draft.sign_ons.signed()
                if s.market_value is not None and s.held_since is not None]
    months = [relativedelta(today, held_since) for _, held_since in holdings]
    return rule14a8.texas_threshold_check(
        opted_in=True, group_value=sum(value for value, _ in holdings) if holdings else None, group_percent=None,
        held_months=min(m.years * 12 + m.months for m in months) if months else None,
        eligibility=draft.company.texas_eligibility(),
    )


def draft_deadlines(drafts, *, today: date) -> list[dict]:
    """Each open draft's filing-deadline check, nearest first (unknown deadlines last)."""
    rows = []
    for draft in drafts:
        if draft.status in (Draft.Status.FILED, Draft.Status.WITHDRAWN):
            continue
        deadline = draft.company.filing_deadline()
        rows.append({"draft": draft, "date": deadline.date, "check": rule14a8.check_deadline(deadline, today=today)})
    return sorted(rows, key=lambda row: (row["date"] is None, row["date"] or today))
