"""The proponent's text sorted into parts (importer/proxy/parts.py), on proxy text written here."""

from resolutions.precedents.importer.proxy.document import split_proxy
from resolutions.precedents.importer.proxy.lines import proxy_lines_from_text
from tests.corpus import fixture_text

LETTER = """Notice of the 2026 Annual Meeting of Shareholders of Linden Mills Inc. and proxy statement

Item 7 — Shareholder Proposal on Hedgerow Planting

Hazel Fund has notified us that it intends to present the following proposal at the meeting.

Dear fellow shareholders, our farms have lost most of their hedgerows over twenty years.

Birds and pollinators have gone with them, and our yields depend on both.

THEREFORE: shareholders ask the board to report each year on the hedgerows it plants.

Planting costs little and the report would take one page.

Board of Directors’ Statement in Opposition

The board recommends a vote AGAINST this proposal: we already report on our land.
"""


def test_a_letter_ending_in_a_therefore_request_has_no_recitals_its_paragraphs_lead_to_the_request():
    [proposal] = split_proxy(*proxy_lines_from_text(LETTER)).proposals
    assert proposal.whereas == []
    assert [text.split()[0] for text in proposal.resolved] == ["Dear", "Birds", "Shareholders"]
    assert proposal.supporting == ["Planting costs little and the report would take one page."]
    assert any("letter" in warning for warning in proposal.warnings)


def test_plain_paragraphs_before_a_resolved_clause_are_still_kept_as_recitals():
    text = LETTER.replace("THEREFORE: shareholders ask", "RESOLVED: shareholders ask")
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert [text.split()[0] for text in proposal.whereas] == ["Dear", "Birds"]
    assert len(proposal.resolved) == 1


def test_a_resolved_clause_leading_into_a_numbered_list_keeps_its_marker():
    text = LETTER.replace(
        "THEREFORE: shareholders ask the board to report each year on the hedgerows it plants.",
        "RESOLVED: shareholders ask the board to report each year on:\n\n1. the hedgerows it plants;\n\n"
        "2. the hedgerows it removes.",
    )
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert proposal.resolution_marker == "RESOLVED:"
    [request] = proposal.resolved
    assert request.startswith("Shareholders ask") and request.endswith("2. the hedgerows it removes.")


def test_a_paragraph_defining_the_requests_terms_goes_on_with_the_request():
    text = LETTER.replace(
        "THEREFORE: shareholders ask the board to report each year on the hedgerows it plants.",
        "RESOLVED: shareholders ask the board to report each year on its hedgerows and field margins.\n\n"
        "Both “hedgerows” and “field margins” include strips left unploughed beside a crop.",
    )
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    [request] = proposal.resolved
    assert request.endswith("strips left unploughed beside a crop.")
    assert proposal.supporting == ["Planting costs little and the report would take one page."]


def test_a_note_wrapped_onto_a_second_line_in_the_bodys_size_keeps_it_and_the_notes_after_it():
    text = LETTER.replace(
        "Planting costs little and the report would take one page.",
        "Planting costs little¹ and the report would take one page.²³\n\n"
        "(1) https://example.org/hedgerow-survey/2025/regional-results-and-\n+appendix.pdf\n(2) Ibid.\n(3) Ibid.",
    )
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert [(note.number, note.text) for note in proposal.footnotes] == [
        (1, "https://example.org/hedgerow-survey/2025/regional-results-and-+appendix.pdf"),
        (2, "Ibid."), (3, "Ibid.")]
    assert proposal.supporting == ["Planting costs little and the report would take one page."]


def test_a_proponents_text_wrapped_in_quotation_marks_keeps_its_resolved_marker():
    """The company prints the proponent's text inside quotation marks: the opening one stands
    before the RESOLVED word, which still marks the request."""
    [proposal] = split_proxy(*proxy_lines_from_text(fixture_text("proxy-quoted-proposal.txt"))).proposals
    assert proposal.resolution_marker == "RESOLVED:"
    assert [text.split()[:2] for text in proposal.resolved] == [["Stockholders", "ask"]]
    assert [text.split()[0] for text in proposal.supporting] == ["Trucks", "A"]
    assert proposal.whereas == []


def test_a_run_in_supporting_statement_label_on_a_paragraph_leading_into_a_list_starts_the_statement():
    """The label opens a paragraph whose bullets go with it: that paragraph is the statement's
    first, not one more recital."""
    [proposal] = split_proxy(*proxy_lines_from_text(fixture_text("proxy-supporting-label-over-a-list.txt"))).proposals
    assert [text.split()[0] for text in proposal.whereas] == ["Tailings"]
    assert [text.split("\n")[0].split()[:2] for text in proposal.supporting] == [["Our", "pay"], ["The", "plan"]]
    assert proposal.supporting[0].endswith("No part of any bonus turns on the state of the dams.")
    assert len(proposal.resolved) == 1 and proposal.part_order == ["whereas", "supporting", "resolved"]


def _request_terms(item: str):
    statement = split_proxy(*proxy_lines_from_text(fixture_text("proxy-request-terms.txt")))
    return next(proposal for proposal in statement.proposals if proposal.item == item)


def test_a_paragraph_leaving_a_threshold_to_the_boards_discretion_goes_on_with_the_request():
    proposal = _request_terms("4")
    [request] = proposal.resolved
    assert request.endswith("leave out payments under $500 to any one person or group.")
    assert [text.split()[:2] for text in proposal.supporting] == [["Our", "stores"], ["A", "yearly"]]


def test_the_policy_text_a_request_leads_into_goes_on_with_the_request():
    """ "… as follows:" leads into the policy asked for, printed as short paragraphs of its own
    (what the board shall do, what it may do, when the policy could start); the argument after is supporting."""
    proposal = _request_terms("5")
    assert proposal.title == "Separate Chair and Chief Executive"
    [request] = proposal.resolved
    assert request.startswith("Shareholders ask the Board") and request.endswith("contract is next renewed.")
    assert [text.split()[0] for text in proposal.supporting] == ["Holding", "Most"]


def test_a_sentence_with_shall_after_a_request_that_leads_into_nothing_is_supporting():
    text = fixture_text("proxy-request-terms.txt").replace(
        "by two people, as follows:", "by two people.").replace("Choosing the Chair The Board", "In time the Board")
    proposal = next(p for p in split_proxy(*proxy_lines_from_text(text)).proposals if p.item == "5")
    assert [text.split()[0] for text in proposal.supporting] == ["In", "Where", "The", "This", "Holding", "Most"]


def test_calls_of_notes_the_company_numbers_across_the_document_start_at_the_first_note():
    """The company numbers every note of its proxy statement in one run, so this proposal's notes
    start at 8; a call glued to capitals ("EU8") counts when its note exists and it comes next in order."""
    [proposal] = split_proxy(*proxy_lines_from_text(fixture_text("proxy-notes-numbered-across.txt"))).proposals
    assert [note.number for note in proposal.footnotes] == [8, 9, 10, 11]
    assert [call.number for call in proposal.calls] == [8, 9, 10, 11]
    assert proposal.whereas[0] == "Our mills rinse dye into rivers in the EU and in Asia, and their boilers vent CO2 as well."
    assert proposal.warnings == []


def test_a_resolved_further_clause_is_a_second_resolved_clause():
    [proposal] = split_proxy(*proxy_lines_from_text(fixture_text("proxy-resolved-further.txt"))).proposals
    assert proposal.resolved == ["Shareholders ask the board to publish a yearly report on injuries at the ports we run.",
                                 "The report count contractors as well as our own staff."]
    assert [text.split()[0] for text in proposal.supporting] == ["Injuries"]


def test_the_terms_of_the_requested_report_go_on_with_the_request():
    [proposal] = split_proxy(*proxy_lines_from_text(fixture_text("proxy-requested-report-terms.txt"))).proposals
    [request] = proposal.resolved
    assert request.endswith("already send to farms.")
    assert [text.split()[0] for text in proposal.supporting] == ["Crop"]


def test_notes_run_together_in_one_paragraph_are_each_a_note():
    """ "1 https://… 2 https://… 3 See …": a note ends where the next number in order opens the next."""
    [proposal] = split_proxy(*proxy_lines_from_text(fixture_text("proxy-notes-run-together.txt"))).proposals
    assert [(note.number, note.text) for note in proposal.footnotes] == [
        (1, "https://example.org/sedge-rivers"), (2, "https://example.org/farm-survey-2026"),
        (3, "See the county’s river report for 2025, https://example.org/county-river")]
    assert [call.number for call in proposal.calls] == [1, 2, 3]  # "the EU2": note 2 is known once split off
    assert proposal.warnings == []


def test_calls_written_in_brackets_after_a_word_or_a_stop_are_calls():
    """ "rivers.(1)" and "colour(2)" call notes 1 and 2; "14a-8(i)(7)" cites a rule."""
    [proposal] = split_proxy(*proxy_lines_from_text(fixture_text("proxy-parenthesised-calls.txt"))).proposals
    assert [call.number for call in proposal.calls] == [1, 2, 3]
    assert proposal.whereas[0].startswith("Our mills rinse their dye into two rivers. Farmers downstream say the "
                                          "water has changed colour since")
    assert "Rule 14a-8(i)(7) rulings." in proposal.whereas[0]
    assert proposal.warnings == []
