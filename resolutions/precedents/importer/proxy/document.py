"""The whole document split into its shareholder proposals, each read from its caption to the end of
the board's statement."""

from __future__ import annotations

from .captions import caption_title, clean_title, heading_before, item_from, proponent_title, read_caption
from .cover import cover_company, looks_like_proxy, management_items, meeting_year
from .opposition import end_of_opposition, is_opposition, recommendation
from .parts import late_notes, read_parts
from .preamble import company_lines, proposal_starts
from .proponents import parse_proponents
from .statement import NO_PROPOSALS, NOT_A_PROXY, Proponent, ProxyLine, ProxyProposal, ProxyStatement, paragraph_text, paragraph_texts


def split_proxy(lines: list[ProxyLine], removed: dict[int, dict], *, filename: str = "", page_count: int = 0) -> ProxyStatement:
    body_size = _body_size(lines)
    starts = proposal_starts(lines)
    proposals: list[ProxyProposal] = []
    bounds = []
    for number, preamble_at in enumerate(starts):
        heading_at = heading_before(lines, preamble_at, bounds[-1][1] + 1 if bounds else 0, body_size)
        bounds.append([heading_at, preamble_at, len(lines)])
        if number:
            bounds[number - 1][2] = min(bounds[number - 1][2], heading_at)
    for heading_at, preamble_at, end in bounds:
        proposal = _read_proposal(lines, removed, heading_at, preamble_at, end, body_size)
        if proposal is not None:
            proposals.append(proposal)
    number_missing_items(proposals)
    skipped = management_items(lines, proposals, body_size)
    warnings = []
    if not proposals:
        warnings.append(NO_PROPOSALS if skipped or looks_like_proxy(lines) else NOT_A_PROXY)
    return ProxyStatement(
        file=filename,
        company=cover_company(lines, proposals),
        meeting_year=meeting_year(lines),
        pages=page_count or (lines[-1].page if lines else 0),
        proposals=proposals,
        skipped=skipped,
        warnings=warnings,
    )


def _body_size(lines: list[ProxyLine]) -> float:
    sizes = sorted(line.size for line in lines if line.text)
    return sizes[len(sizes) // 2] if sizes else 0.0


def _read_proposal(lines, removed, heading_at, preamble_at, end, body_size) -> ProxyProposal | None:
    preamble_text, body_at = paragraph_text(lines, preamble_at)
    proponents = parse_proponents(preamble_text)
    caption_lines, before = [], []
    for line in lines[heading_at:preamble_at]:
        if line.text:
            (before if before or line.text.endswith(".") else caption_lines).append(line.text)
    if before:  # company sentences between the caption and the preamble ("Our Board recommends…")
        preamble_text = " ".join(before + [preamble_text])
    extra_preamble, body_at = company_lines(lines, body_at, end)  # before the board's own sentence is sought
    opposition_at = next((i for i in range(body_at, end) if is_opposition(lines, i)), None)
    no_statement = opposition_at is None
    if no_statement:  # the board printed none: the proponent's text runs to the next heading
        opposition_at = opposition_end = end_of_opposition(lines, body_at, end, body_size)
    else:
        opposition_end = end_of_opposition(lines, opposition_at, end, body_size)
    body = [i for i in range(body_at, opposition_at) if lines[i].text]
    if not body:
        return None
    proposal = ProxyProposal(
        item="",
        caption="",
        title="",
        pages=[],
        proponents=proponents,
        preamble=" ".join([preamble_text] + extra_preamble),
    )
    caption, item = read_caption(caption_lines)
    proposal.caption = caption
    title, body = proponent_title(lines, body)
    proposal.item = item or item_from(title) or ""
    proposal.title = clean_title(title) if title else caption_title(caption)
    read_parts(proposal, lines, body)
    opposition_lines = list(range(opposition_at, opposition_end))
    opposition_lines = late_notes(proposal, lines, opposition_lines)
    proposal.opposition = "\n".join(
        paragraph_texts(lines, [i for i in opposition_lines if lines[i].text])
    )
    proposal.board_recommendation = recommendation(
        proposal.opposition, " ".join(caption_lines + [proposal.preamble])
    )
    proposal.source_text = "\n".join(line.text for line in lines[heading_at:opposition_end] if line.text)
    first_page = lines[heading_at].page
    last_page = max(lines[i].page for i in body) if body else first_page
    if proposal.note_pages and body:
        last_page = max(last_page, *proposal.note_pages)
    proposal.pages = [first_page, last_page]
    proposal.left_out = [
        removed[i] for i in sorted(removed)
        if first_page <= removed[i]["page"] <= max(last_page, lines[max(opposition_end - 1, 0)].page)
    ]
    if no_statement:
        proposal.warnings.append("No statement of the board was found; the proposal was read to the next heading.")
    if not proposal.proponents:
        proposal.warnings.append("The preamble does not name the proponent; it is recorded as not disclosed.")
        proposal.proponents = [Proponent(name="not disclosed")]
    return proposal


def number_missing_items(proposals: list[ProxyProposal]) -> None:
    """Items without a number in their heading: the next after the proposal before."""
    for index, proposal in enumerate(proposals):
        if not proposal.item and index and proposals[index - 1].item.isdigit():
            proposal.item = str(int(proposals[index - 1].item) + 1)
            proposal.warnings.append(f"The heading has no item number; it was taken as item {proposal.item}.")
