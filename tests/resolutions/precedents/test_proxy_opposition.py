"""Where the board's statement starts (importer/proxy/opposition.py), on proxy text written here."""

import pytest

from resolutions.precedents.importer.proxy.document import split_proxy
from resolutions.precedents.importer.proxy.lines import proxy_lines_from_text
from tests.corpus import fixture_text


def test_a_question_heading_asking_the_companys_position_opens_the_boards_statement():
    """A question-and-answer layout asks "What is the Company's Position …?" above the board's
    statement: the question is no paragraph of the proponent's, and its page is no page of the proposal."""
    [proposal] = split_proxy(*proxy_lines_from_text(fixture_text("proxy-question-and-answer.txt"))).proposals
    assert [text.split()[:2] for text in proposal.supporting] == [["Our", "kilns"], ["A", "yearly"]]
    assert proposal.pages == [1, 1]
    assert proposal.opposition.startswith("What is the Company’s Position Regarding this Proposal?")
    assert proposal.board_recommendation == "against"


def test_a_statement_of_the_board_of_directors_in_opposition_opens_the_boards_statement():
    [proposal] = split_proxy(*proxy_lines_from_text(fixture_text("proxy-notes-numbered-across.txt"))).proposals
    assert proposal.item == "9" and proposal.title == "Dye Waste Disclosure"
    assert [text.split()[0] for text in proposal.supporting] == ["Other"]
    assert proposal.opposition.startswith("Statement of the Board of Directors in Opposition")
    assert proposal.board_recommendation == "against"


def test_the_boards_statement_runs_past_a_sentence_opening_with_the_items_number_and_ends_at_next_years_section():
    """ "Proposal 4 is advisory only, …" opens a sentence, not the next item; the heading on proposals
    for next year's meeting (a word of the board's statements in it) ends the statement all the same."""
    text = fixture_text("proxy-last-item-before-next-years-proposals.txt")
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert proposal.opposition.split("\n") == [
        "Board Statement in Response to Proposal 4",
        "Proposal 4 is advisory only, and the board makes no recommendation on it; it will weigh the vote "
        "when it reviews the charter next year."]
    assert proposal.board_recommendation == "none"


def test_the_boards_statement_ends_where_the_page_after_its_closing_recommendation_opens_on_a_heading():
    """A heading in the body's type ends nothing by its size; after the statement's closing
    recommendation it opens the next section. A heading on the page after the opening one does not."""
    [proposal] = split_proxy(*proxy_lines_from_text(fixture_text("proxy-statement-ends-at-page-turn.txt"))).proposals
    paragraphs = proposal.opposition.split("\n")
    assert paragraphs[2] == "Why the board is neutral"
    assert paragraphs[-1] == "Accordingly, the board is not making a voting recommendation on Proposal 4."
    assert proposal.board_recommendation == "none"


@pytest.mark.parametrize("heading", [
    "Our Response", "Response of the Board of Directors", "Position of the Board", "Recommendation of the Board",
    "Statement of Opposition", "Directors’ Recommendation", "Why the Board Recommends a Vote Against This Proposal",
    "Reasons for the Board’s Recommendation", "THE BOARD RECOMMENDS A VOTE “AGAINST” THIS PROPOSAL",
])
def test_each_way_a_company_heads_its_statement_opens_the_boards_statement(heading):
    text = fixture_text("proxy-board-statement-headings.txt").replace(
        "HEADING", "Item 6 — Shareholder Proposal on Orchard Records", 1).replace("HEADING", heading)
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert proposal.supporting == ["Old orchards hold rare apple kinds that are lost when the trees are felled."]
    assert proposal.opposition.startswith(heading)


def test_a_heading_of_the_proponents_own_about_the_board_opens_no_statement():
    text = fixture_text("proxy-board-statement-headings.txt").replace(
        "HEADING", "Item 6 — Shareholder Proposal on Orchard Records", 1).replace("HEADING", "Statement in Opposition", 1)
    text = text.replace("Old orchards hold", "Why the Board Should Act\n\nOld orchards hold")
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert proposal.supporting == ["Why the Board Should Act",
                                   "Old orchards hold rare apple kinds that are lost when the trees are felled."]


def test_a_board_that_only_states_its_recommendation_in_one_sentence_still_has_its_statement():
    """No heading, no reasons: the board's one sentence after the proponent's text is its statement,
    and the proposal is not lost for want of one."""
    [proposal] = split_proxy(*proxy_lines_from_text(fixture_text("proxy-one-line-recommendation.txt"))).proposals
    assert proposal.supporting == ["Anglers and farmers plan their year around these levels, which the company alone measures."]
    assert proposal.opposition == "The Board of Directors recommends a vote FOR this proposal."
    assert proposal.board_recommendation == "for"


def test_a_proponents_paragraph_opening_with_what_the_board_recommends_is_not_the_boards_statement():
    text = fixture_text("proxy-one-line-recommendation.txt").replace(
        "Anglers and farmers plan", "The Board recommends that owners trust its own records, yet anglers and farmers plan")
    text = text.replace("The Board of Directors recommends a vote FOR this proposal.",
                        "Board of Directors’ Statement in Opposition\n\nThe Board recommends a vote AGAINST this proposal.")
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert proposal.supporting[0].startswith("The Board recommends that owners trust its own records")
    assert proposal.board_recommendation == "against"


def test_the_boards_recommendation_between_the_caption_and_the_preamble_keeps_the_caption():
    text = fixture_text("proxy-one-line-recommendation.txt").replace(
        "The Fellside Anglers’ Trust has notified",
        "Our Board unanimously recommends that shareholders vote “AGAINST” this proposal.\n\n"
        "We print the proposal as we received it.\n\nThe Fellside Anglers’ Trust has notified")
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert (proposal.item, proposal.title) == ("4", "Shareholder Proposal on Reservoir Levels")
    assert proposal.opposition == "The Board of Directors recommends a vote FOR this proposal."


def test_the_boards_recommendation_printed_under_the_preamble_is_the_companys_not_the_statement():
    text = fixture_text("proxy-one-line-recommendation.txt").replace(
        "intends to present the following proposal at the meeting.",
        "intends to present the following proposal at the meeting.\n\nThe Board recommends a vote AGAINST this proposal.")
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert proposal.preamble.endswith("The Board recommends a vote AGAINST this proposal.")
    assert len(proposal.resolved) == 1 and proposal.board_recommendation == "for"


def test_a_one_sentence_statement_ends_at_the_next_heading_whatever_it_names():
    text = fixture_text("proxy-one-line-recommendation.txt").replace(
        "Item 5 — Ratification of the Appointment of the Independent Auditor", "Householding of Proxy Materials")
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert proposal.opposition == "The Board of Directors recommends a vote FOR this proposal."


def test_a_recommendation_followed_by_the_boards_reasons_under_their_own_headings_keeps_them():
    text = fixture_text("proxy-one-line-recommendation.txt").replace(
        "The Board of Directors recommends a vote FOR this proposal.",
        "The Board of Directors recommends a vote FOR this proposal.\n\nThe levels are already measured daily.\n\n"
        "Publishing Costs Little\n\nA monthly table can go on the website at once.")
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert proposal.opposition.endswith("A monthly table can go on the website at once.")


def test_a_proposal_the_board_prints_no_statement_on_is_kept_with_a_warning():
    """Nothing is dropped: the proposal runs to the next item's heading, and the next item is found."""
    statement = split_proxy(*proxy_lines_from_text(fixture_text("proxy-no-board-statement.txt")))
    first, second = statement.proposals
    assert (first.item, second.item) == ("4", "5")
    assert first.supporting == [
        "Late crossings cost commuters their working hours, and the company does not say how often they happen."]
    assert first.opposition == "" and first.board_recommendation == "none"
    assert any("statement" in warning for warning in first.warnings)
    assert [p.name for p in second.proponents] == ["Ilse Varga"] and second.board_recommendation == "against"
