"""parse_resolution on the forms real filings take; the texts under fixtures/ were written for these tests."""

from __future__ import annotations

import pytest

from resolutions.precedents.importer import parse_resolution
from tests.corpus import CORPUS, needs_corpus

from tests.resolutions.precedents.parsing import FIXTURES, call_numbers, fixture, parse


def test_resolved_last_under_one_whereas_heading_over_several_paragraphs():
    result = parse(fixture("deforestation-resolved-last.txt"))
    assert result["title"] == "Deforestation Risk in the Cattle Supply Chain"
    assert len(result["whereas"]) == 3
    assert result["whereas"][0].startswith("Cattle ranching is the largest cause")
    assert result["whereas"][2].endswith("supply chains by 2025.")
    assert result["resolved"] == [
        "Shareholders request that the Board publish a report, at reasonable cost and omitting "
        "proprietary information, on how the Company could remove deforestation from its leather "
        "and beef supply chains."
    ]
    assert not parse_resolution(fixture("deforestation-resolved-last.txt")).resolved_first
    assert result["warnings"] == []


def test_numbered_notes_under_a_notes_heading_are_matched_to_their_calls():
    result = parse(fixture("deforestation-resolved-last.txt"))
    assert result["calls"] == [
        {"part": "whereas", "index": 0, "number": 1},
        {"part": "whereas", "index": 1, "number": 2},
        {"part": "whereas", "index": 2, "number": 3},
    ]
    assert result["footnotes"][1] == {
        "number": 2,
        "text": "Tannery Transparency Project, Sourcing Map, https://tanneries.example.org/map.",
        "urls": ["https://tanneries.example.org/map"],
    }


def test_cofilers_heading_and_lead_filer_heading():
    result = parse(fixture("deforestation-resolved-last.txt"))
    assert result["filers"] == [
        {"name": "Ana Ribeiro", "organization": "Green Harbor Capital", "lead": False},
        {"name": "Peter Olsen", "organization": "Nordic Ethical Pension Fund", "lead": False},
        {"name": "Grace Whitfield", "organization": "Riverbend Foundation", "lead": True},
    ]


def test_superscript_calls_and_a_supporting_statement_after_resolved_that():
    result = parse(fixture("ai-oversight-supporting-statement.txt"))
    assert result["resolved"] == [
        "Shareholders ask the Board of Directors to publish an annual report describing how the "
        "Board oversees the risks of the Company's use of artificial intelligence."
    ]
    assert result["whereas"] == []
    assert len(result["supporting"]) == 2
    assert result["supporting"][0].endswith("weighing similar laws.")
    assert "customers. Regulators" in result["supporting"][0]
    assert result["calls"] == [
        {"part": "supporting", "index": 0, "number": 1},
        {"part": "supporting", "index": 0, "number": 2},
        {"part": "supporting", "index": 1, "number": 3},
    ]
    assert parse_resolution(fixture("ai-oversight-supporting-statement.txt")).resolved_first


def test_a_note_with_several_urls_lists_them_all_without_trailing_punctuation_or_brackets():
    footnotes = parse(fixture("ai-oversight-supporting-statement.txt"))["footnotes"]
    assert [note["number"] for note in footnotes] == [1, 2, 3]
    assert footnotes[0]["urls"] == [
        "https://ir.example.com/annual-report-2023.pdf",
        "https://ir.example.com/proxy-2023.pdf",
    ]
    assert footnotes[1]["urls"] == ["https://law.example.edu/ai-bills", "https://www.example.eu/ai-act"]
    assert footnotes[1]["text"].startswith("Overview of state bills: https://law.example.edu/ai-bills;")
    assert footnotes[2] == {"number": 3, "text": "Investor survey on technology governance, 2022.", "urls": []}


def test_contact_lines_in_the_filer_list_are_left_out_of_the_filers():
    text = fixture("deforestation-resolved-last.txt").replace(
        "Grace Whitfield\nRiverbend Foundation",
        "Grace Whitfield\nRiverbend Foundation\ngwhitfield@riverbend.example.org\n(212) 555-0147",
    ).replace("Green Harbor Capital\n", "Green Harbor Capital\nEmail: ana@greenharbor.example\nTel.: +1 212 555 0199 ext. 12\n")
    result = parse(text)
    assert result["filers"] == parse(fixture("deforestation-resolved-last.txt"))["filers"]
    assert result["warnings"] == []


def test_no_filers_means_an_empty_filer_list_and_no_warning():
    result = parse(fixture("ai-oversight-supporting-statement.txt"))
    assert result["filers"] == []
    assert result["warnings"] == []


def test_bracketed_calls_and_whereas_per_paragraph():
    result = parse(fixture("living-wage-bracketed-calls.txt"))
    assert result["whereas"] == [
        "A living wage lets a full-time worker meet basic needs without public assistance;",
        "Surveys of the Company's warehouse staff show that many workers rely on food banks, "
        "and staff turnover exceeds 100 percent a year;",
        "Peer retailers have raised starting pay above local living wage estimates;",
    ]
    assert [(call["index"], call["number"]) for call in result["calls"]] == [(0, 1), (1, 2), (1, 3), (2, 4)]


def test_notes_as_a_number_alone_with_the_text_below_or_a_number_before_a_bare_or_angled_url():
    footnotes = parse(fixture("living-wage-bracketed-calls.txt"))["footnotes"]
    assert footnotes == [
        {"number": 1, "text": "Living Wage Institute, Method Note, 2022.", "urls": []},
        {"number": 2, "text": "Warehouse Workers Survey https://survey.example.org/2023", "urls": ["https://survey.example.org/2023"]},
        {"number": 3, "text": "https://turnover.example.org/data", "urls": ["https://turnover.example.org/data"]},
        {"number": 4, "text": "https://peers.example.org/wages", "urls": ["https://peers.example.org/wages"]},
    ]


def test_resolution_text_heading_introduces_the_clause_without_the_word_resolved():
    result = parse(fixture("political-spending-resolution-text.txt"))
    assert result["resolved"] == [
        "Shareholders request that the Company disclose, twice a year, its spending on elections "
        "and on lobbying, including payments to trade associations."
    ]
    assert result["warnings"] == []


def test_glued_digit_after_closing_quote_is_a_call_and_so_is_a_spaced_one():
    result = parse(fixture("political-spending-resolution-text.txt"))
    assert call_numbers(result) == [1, 2, 3]
    assert result["supporting"] == [
        'Investors call disclosure of political spending "a basic element of accountability." '
        'Trade associations often spend "far more than their members admit." '
        "The Company does not say which associations it funds."
    ]


def test_notes_without_a_heading_after_the_body_are_found():
    result = parse(fixture("political-spending-resolution-text.txt"))
    assert [note["urls"] for note in result["footnotes"]] == [
        ["https://accountability.example.org/basics"],
        ["https://www.example.com/trade-groups"],
        ["https://www.example.com/company-2024"],
    ]


def test_one_line_filers_with_an_inline_lead_filer_mark():
    result = parse(fixture("political-spending-resolution-text.txt"))
    assert result["filers"] == [
        {"name": "Jordan Avery", "organization": "Clearwater Investors", "lead": True},
        {"name": "Sam Whitley", "organization": "Harbor Light Pension Fund", "lead": False},
    ]


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    result = parse(fixture("methane-hard-wrapped.txt"))
    assert result["whereas"] == [
        "Methane traps far more heat than carbon dioxide over twenty years, and leaks from wells "
        "and pipelines are a large share of the industry's climate impact.",
        "Satellite studies find that reported emissions understate actual leaks by a wide margin.",
    ]
    assert result["resolved"] == [
        "Shareholders request a report on measured methane emissions at the Company's operated sites."
    ]
    assert call_numbers(result) == [1, 2]
    assert len(result["footnotes"]) == 2


@pytest.mark.parametrize(
    "path",
    [pytest.param(CORPUS / "amazon-customer-due-diligence-resolution.txt", marks=needs_corpus),
     *sorted(FIXTURES.glob("*.txt"))],
    ids=lambda path: path.name,
)
def test_windows_line_endings_and_odd_spacing_change_nothing(path):
    clean = path.read_text(encoding="utf-8")
    messy = "\ufeff" + "\r\n".join(
        line.replace(" ", "\u00a0", 2).replace(", ", ",\t", 1) + "  " for line in clean.split("\n")
    )
    messy = messy.replace("the ", "the  ")
    assert parse(messy) == parse(clean)


def test_years_money_counts_sections_and_dates_are_not_calls():
    text = (
        "Pay Equity Report\n\n"
        "WHEREAS, in 2019, women at the Company earned 82 cents for every dollar earned by men, "
        "a gap worth $35 million a year across 1,600 managers.\n\n"
        "Under Section 21.373 of the state code, the 2 largest subsidiaries must file reports by "
        "May 5, 2021, and 3 % of staff grew 12.3 percent in 2020,2 we are told.\n\n"
        "RESOLVED: Shareholders ask the Board to publish the Company's median pay gap each year."
    )
    result = parse(text)
    assert result["calls"] == []
    assert "Section 21.373" in result["whereas"][1] and "in 2020,2 we" in result["whereas"][1]
    assert result["warnings"] == []


def test_a_call_after_a_year_that_ends_a_sentence_is_a_call():
    result = parse("Title\n\nWHEREAS, the target year is 2030.1 Progress is slow.\n\nRESOLVED, report.\n\n1. Plan.")
    assert call_numbers(result) == [1]
    assert result["whereas"] == ["The target year is 2030. Progress is slow."]


def test_a_count_that_does_not_continue_the_sequence_is_not_a_call():
    result = parse("Title\n\nWHEREAS, sales rose.1 Three plants, 7 in all, closed.”9\n\nRESOLVED, report.")
    assert call_numbers(result) == [1]
    assert result["whereas"] == ["Sales rose. Three plants, 7 in all, closed.”9"]


def test_a_note_without_a_call_gives_a_warning():
    result = parse("Title\n\nWHEREAS, prices rose.¹\n\nRESOLVED, report.\n\nNotes\n1. First source.\n2. Second source.")
    assert result["warnings"] == ["Footnote 2 has no call in the text."]


def test_a_call_without_a_note_gives_a_warning():
    result = parse("Title\n\nWHEREAS, prices rose.¹ Costs rose.²\n\nRESOLVED, report.\n\nNotes\n1. First source.")
    assert result["warnings"] == ["Footnote call 2 has no footnote text."]


def test_calls_out_of_sequence_give_a_warning():
    result = parse("Title\n\nWHEREAS, prices rose.¹ Costs rose.³\n\nRESOLVED, report.")
    assert call_numbers(result) == [1, 3]
    assert "Footnote call 3 is out of sequence (call 2 was expected)." in result["warnings"]


def test_missing_resolved_clause_gives_a_warning():
    result = parse("Water Use\n\nWHEREAS, rivers are low.\n\nWHEREAS, costs are rising.")
    assert result["resolved"] == []
    assert len(result["whereas"]) == 2
    assert result["warnings"] == ["No RESOLVED clause was found."]


def test_missing_title_gives_a_warning():
    result = parse("WHEREAS, rivers are low.\n\nRESOLVED: Shareholders request a water report.")
    assert result["title"] == ""
    assert result["warnings"] == ["No title was found before the body of the resolution."]


def test_shareholder_proposal_label_before_the_title_is_skipped():
    result = parse("Shareholder Proposal\n\nWater Stewardship\n\nRESOLVED: Shareholders request a water report.")
    assert result["title"] == "Water Stewardship"


def test_paragraphs_without_any_marker_are_recitals_with_a_warning():
    result = parse("Water Use\n\nRivers are low.\n\nRESOLVED: Shareholders request a water report.")
    assert result["whereas"] == ["Rivers are low."]
    assert result["warnings"] == [
        "Some paragraphs before the RESOLVED clause have no WHEREAS marker; they were taken as WHEREAS recitals."
    ]


def test_a_filer_line_that_cannot_be_split_gives_a_warning():
    text = (
        "Water Use\n\nRESOLVED: Shareholders request a water report.\n\n"
        "Lead Filer\nGreenfield\nAna Ribeiro\nGreen Harbor Capital"
    )
    result = parse(text)
    assert result["filers"] == [{"name": "Ana Ribeiro", "organization": "Green Harbor Capital", "lead": True}]
    assert result["warnings"] == ["The filer line “Greenfield” could not be split into a name and an organization."]


def test_filers_listed_organization_first_are_read_the_right_way_round():
    text = (
        "Water Use\n\nRESOLVED: Shareholders request a water report.\n\n"
        "Filers\nHarbor Light Pension Fund\nSam Whitley\n\nLead Filer: Riverbend Foundation"
    )
    result = parse(text)
    assert result["filers"] == [
        {"name": "Sam Whitley", "organization": "Harbor Light Pension Fund", "lead": False},
        {"name": "", "organization": "Riverbend Foundation", "lead": True},
    ]


def test_now_therefore_be_it_resolved_and_a_title_on_two_lines():
    text = (
        "Report on Child Labor\nin Cocoa Supply Chains\n\n"
        "WHEREAS, audits of cocoa farms are rare;¹ and\n"
        "WHEREAS, buyers can fund remediation.²\n\n"
        "NOW, THEREFORE, BE IT RESOLVED, that shareholders urge the Board to report on child labor.\n\n"
        "¹ Audit study, https://cocoa.example.org/audits.\n"
        "² Remediation guide <https://cocoa.example.org/guide(2024)>."
    )
    result = parse(text)
    assert result["title"] == "Report on Child Labor in Cocoa Supply Chains"
    assert result["whereas"] == ["Audits of cocoa farms are rare; and", "Buyers can fund remediation."]
    assert result["resolved"] == ["Shareholders urge the Board to report on child labor."]
    assert [note["urls"] for note in result["footnotes"]] == [
        ["https://cocoa.example.org/audits"],
        ["https://cocoa.example.org/guide(2024)"],
    ]
    assert result["warnings"] == []


def test_a_numbered_list_stays_inside_the_resolved_clause_and_bullets_follow_a_heading():
    text = (
        "Cocoa Sourcing\n\n"
        "RESOLVED: Shareholders request a report that:\n1. assesses child labor risk;\n2. lists remediation steps.\n\n"
        "Supporting Statement\n"
        "• Farms in two regions employ children.\n"
        "• Independent audits are rare."
    )
    result = parse(text)
    assert result["resolved"] == ["Shareholders request a report that:\n1. assesses child labor risk;\n2. lists remediation steps."]
    assert result["supporting"] == ["- Farms in two regions employ children.\n- Independent audits are rare."]
    assert result["footnotes"] == []
    assert result["warnings"] == []


def test_unnumbered_sources_under_a_heading_become_numbered_notes_with_a_warning():
    text = (
        "Cocoa Sourcing\n\nWHEREAS, audits are rare.¹ Remediation works.²\n\nRESOLVED: Shareholders request a report.\n\n"
        "Sources:\nhttps://cocoa.example.org/audits\nhttps://cocoa.example.org/remedies"
    )
    result = parse(text)
    assert [(note["number"], note["urls"]) for note in result["footnotes"]] == [
        (1, ["https://cocoa.example.org/audits"]),
        (2, ["https://cocoa.example.org/remedies"]),
    ]
    assert result["warnings"] == ["2 notes have no number; they were numbered 1–2 in order."]


def test_bullets_in_other_markers_become_dashes_in_the_part_they_follow():
    text = "Water Use\n\nWHEREAS, the Company draws water from:\n\n* rivers;\n– wells;\n▪ lakes.\n\nRESOLVED: report."
    assert parse(text)["whereas"] == ["The Company draws water from:\n- rivers;\n- wells;\n- lakes."]


def test_two_calls_side_by_side_after_a_word_are_both_calls():
    """A raised pair read out as plain digits: "consensus”1 2" and "report1 2" call notes 1 and 2;
    a number after a space that does not follow a call is none ("in 2 plants")."""
    result = parse("Title\n\nWHEREAS, the “orchard census”1 2 counts trees in 2 regions.\n\n"
                   "WHEREAS, the wardens’ report3 4 and ledger5 agree.\n\nRESOLVED, report.\n\n"
                   "1. First source.\n2. Second source.\n3. Third source.\n4. Fourth source.\n5. Fifth source.")
    assert call_numbers(result) == [1, 2, 3, 4, 5]
    assert result["whereas"][0] == "The “orchard census” counts trees in 2 regions."
    assert result["warnings"] == []


def test_a_list_run_in_after_a_colon_numbered_in_brackets_is_no_call():
    result = parse("Title\n\nRESOLVED, the report should include:(1) the farms it buys from; (2) their size.")
    assert result["calls"] == []
    assert result["resolved"] == ["The report should include:(1) the farms it buys from; (2) their size."]
