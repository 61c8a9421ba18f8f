"""Precedent importer: parse_resolution and read_document.

The resolution texts under fixtures/ were written for these tests; the corpus file is a
real filing read from the shared corpus at test time.
"""

from __future__ import annotations

import html
import io
import re
import time
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
import weasyprint
from docx.oxml import parse_xml
from hypothesis import given, settings
from hypothesis import strategies as st

from resolutions.importer import DocumentError, ParsedResolution, parse_resolution, read_document
from tests.corpus import CORPUS, corpus_path, needs_corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MB = 1024 * 1024

KEYS = {"file", "title", "resolved", "whereas", "supporting", "footnotes", "calls", "filers", "warnings"}


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def parse(text: str) -> dict:
    return parse_resolution(text).as_dict()


def call_numbers(result: dict) -> list[int]:
    return [call["number"] for call in result["calls"]]


# --- The corpus filing ------------------------------------------------------------


@pytest.fixture(scope="module")
def amazon() -> ParsedResolution:
    path = corpus_path("amazon-customer-due-diligence-resolution.txt")
    return parse_resolution(path.read_text(encoding="utf-8"), filename=path.name)


def test_corpus_title_is_the_first_line(amazon):
    assert amazon.title == "Customer Due Diligence"
    assert amazon.file == "amazon-customer-due-diligence-resolution.txt"


def test_corpus_has_one_resolved_clause_that_comes_first(amazon):
    assert len(amazon.resolved) == 1
    assert amazon.resolved[0].startswith("Shareholders request the Board")
    assert amazon.resolved[0].endswith("human rights violations.")
    assert amazon.resolved_first
    assert amazon.part_order == ["resolved", "whereas"]


def test_corpus_has_six_whereas_parts_and_the_fifth_keeps_its_five_bullets(amazon):
    assert len(amazon.whereas) == 6
    assert amazon.supporting == []
    fifth = amazon.whereas[4].split("\n")
    assert fifth[0].endswith("guidelines:")
    assert len(fifth) == 6
    assert all(line.startswith("- ") for line in fifth[1:])
    others = amazon.whereas[:4] + amazon.whereas[5:]
    assert all("\n" not in part for part in others)


def test_corpus_calls_run_from_1_to_11_and_the_first_is_in_the_second_recital(amazon):
    calls = amazon.as_dict()["calls"]
    assert [call["number"] for call in calls] == list(range(1, 12))
    assert calls[0] == {"part": "whereas", "index": 1, "number": 1}
    assert {call["part"] for call in calls} == {"whereas"}
    assert [call["index"] for call in calls] == [1, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4]


def test_corpus_calls_are_removed_from_the_text_but_years_and_counts_stay(amazon):
    text = "\n".join(amazon.whereas)
    assert amazon.whereas[1].endswith("in place.”")
    assert "impacts, and" in text
    assert "empire.” Senator" in text
    assert "$35 billion" in text and "In 2019," in text and "In 2020," in text
    assert "1,600 police" in text and "280 new" in text
    assert not re.search(r"(?<![0-9])[.,”][0-9]|” [0-9]", text)


def test_corpus_call_offsets_point_where_the_calls_stood(amazon):
    def text_before(call: dict) -> str:
        return getattr(amazon, call["part"])[call["index"]][: call["offset"]]

    calls = amazon.calls_with_offsets()
    assert [call["number"] for call in calls] == list(range(1, 12))
    assert text_before(calls[0]).endswith("in place.”")
    assert text_before(calls[1]).endswith("impacts,")
    assert text_before(calls[4]).endswith("sales.")
    assert text_before(calls[5]).endswith("empire.”")
    assert text_before(calls[9]).endswith("technology.”")
    assert calls[10]["offset"] == len(amazon.whereas[4])


def test_corpus_has_no_footnote_texts_and_says_so(amazon):
    assert amazon.footnotes == []
    assert amazon.warnings == ["Footnote calls 1–11 were found but the document has no footnote texts."]


def test_corpus_lists_eight_filers_with_the_lead_filer_last(amazon):
    filers = amazon.as_dict()["filers"]
    assert len(filers) == 8
    assert filers[0] == {"name": "Tim Brennan", "organization": "Unitarian Universalist Association", "lead": False}
    assert {"name": "Danielle Essink", "organization": "Robeco Institutional Asset Management B.V.", "lead": False} in filers
    assert filers[-1] == {"name": "Mary Beth Gallagher", "organization": "Sisters of St. Joseph, Brentwood", "lead": True}
    assert [filer["lead"] for filer in filers] == [False] * 7 + [True]


def test_a_thousand_resolutions_parse_in_well_under_twenty_seconds():
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
    start = time.perf_counter()
    for i in range(1000):
        parse_resolution(texts[i % len(texts)])
    assert time.perf_counter() - start < 10


# --- Forms real filings use --------------------------------------------------------


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


# --- Parse never fails -------------------------------------------------------------


FRAGMENTS = [
    "WHEREAS, ", "Whereas:\n", "RESOLVED: ", "Resolved, that ", "Resolution Text\n", "Supporting Statement\n",
    "Notes\n", "Sources:\n", "Lead Filer\n", "Co-filers\n", "Tim Example\n", "Sisters of Example\n",
    "\n", "\n\n", "\r\n", " ", "\u00a0", "\t", "¹", "²³", "[2]", "[^1]", "1. ", "2 ", "3\n", "”4", ",5 ",
    ".” 6 The", "In 2019, ", "$35 billion", "1,600 ", "https://example.org/a.", "<https://x.example/b>",
    "• ", "- ", "(Lead Filer)", "Shareholders request a report.", "B.V.", "2030.1 Next",
]
resolution_like = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=40).map("".join)


def assert_well_formed(result: ParsedResolution) -> None:
    data = result.as_dict()
    assert set(data) == KEYS
    assert isinstance(data["file"], str) and isinstance(data["title"], str)
    for kind in ("resolved", "whereas", "supporting", "warnings", "footnotes", "calls", "filers"):
        assert isinstance(data[kind], list)
    for kind in ("resolved", "whereas", "supporting", "warnings"):
        assert all(isinstance(item, str) for item in data[kind])
    for note in data["footnotes"]:
        assert set(note) == {"number", "text", "urls"}
        assert isinstance(note["number"], int) and isinstance(note["text"], str)
        assert all(isinstance(url, str) for url in note["urls"])
    for call in data["calls"]:
        assert set(call) == {"part", "index", "number"}
        assert call["part"] in ("resolved", "whereas", "supporting")
        assert 0 <= call["index"] < len(data[call["part"]])
        assert isinstance(call["number"], int)
    for filer in data["filers"]:
        assert set(filer) == {"name", "organization", "lead"}
        assert isinstance(filer["name"], str) and isinstance(filer["organization"], str)
        assert isinstance(filer["lead"], bool)
    assert isinstance(result.resolved_first, bool)
    for call in result.calls_with_offsets():
        assert 0 <= call["offset"] <= len(data[call["part"]][call["index"]])


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_never_raises_on_any_text(text):
    assert_well_formed(parse_resolution(text, filename="x.txt"))


@settings(max_examples=200, deadline=None)
@given(resolution_like)
def test_parse_never_raises_on_resolution_like_text(text):
    assert_well_formed(parse_resolution(text))


# --- read_document -----------------------------------------------------------------


def test_empty_file_is_refused():
    with pytest.raises(DocumentError, match="is empty"):
        read_document("draft.txt", b"")


def test_binary_data_named_txt_is_refused():
    with pytest.raises(DocumentError, match="binary data"):
        read_document("draft.txt", bytes(range(256)) * 4)
    with pytest.raises(DocumentError, match="binary data"):
        read_document("draft.txt", b"\x01\x02\x03\x04 mostly control characters \x05\x06\x07\x08" * 10)


def test_a_pdf_named_txt_is_refused_with_a_hint():
    with pytest.raises(DocumentError, match="give it the .pdf extension"):
        read_document("draft.txt", b"%PDF-1.7\n\x00\x01binary")


def test_file_over_the_size_limit_is_refused_with_size_and_limit_in_mb():
    with pytest.raises(DocumentError, match=r"is 10\.1 MB; the limit is 10 MB\."):
        read_document("big.txt", b"a" * (10 * MB + 1))
    with pytest.raises(DocumentError, match=r"is 2\.5 MB; the limit is 2 MB\."):
        read_document("big.txt", b"a" * (5 * MB // 2), max_bytes=2 * MB)


def test_unsupported_extension_is_refused():
    with pytest.raises(DocumentError, match=r"\.doc cannot be imported.*\.txt, \.pdf or \.docx.*Save it as \.docx"):
        read_document("old.doc", b"data")
    with pytest.raises(DocumentError, match="no file extension"):
        read_document("README", b"data")


def test_cp1252_text_with_smart_quotes_decodes_correctly():
    text = "WHEREAS, the “Know Your Supplier” rule – adopted in 2021 – isn’t met…"
    assert read_document("draft.txt", text.encode("cp1252")) == text


def test_text_in_an_encoding_that_would_be_garbled_is_refused():
    with pytest.raises(DocumentError, match="encoding"):
        read_document("draft.txt", "Акционеры просят совет директоров".encode("cp1251"))


def test_utf8_bom_and_utf16_bom_are_decoded():
    text = "RESOLVED: Shareholders request a report."
    assert read_document("draft.txt", b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert read_document("draft.text", text.encode("utf-16")) == text


def test_windows_line_endings_and_odd_spaces_are_normalized():
    data = "Title  \r\n\r\nWHEREAS,\u00a0costs\trise.\r\n".encode("utf-8")
    assert read_document("draft.txt", data) == "Title\n\nWHEREAS, costs rise."


def test_markdown_headings_and_bold_are_unwrapped():
    data = b"# Water Use\n\n**RESOLVED:** Shareholders request a report.[^1]\n\n[^1]: https://example.org/w"
    result = parse(read_document("draft.md", data))
    assert result["title"] == "Water Use"
    assert result["resolved"] == ["Shareholders request a report."]
    assert result["footnotes"] == [{"number": 1, "text": "https://example.org/w", "urls": ["https://example.org/w"]}]


def html_from_text(text: str) -> str:
    """Render a fixture as HTML: a heading, paragraphs, bullet lists, <sup> calls."""

    def sup(match: re.Match[str]) -> str:
        digits = match[2].translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
        return f'<span style="white-space:nowrap">{match[1]}<sup>{digits}</sup></span>'

    def inline(line: str) -> str:
        return re.sub(r"(\S*?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", sup, html.escape(line))

    blocks = [block.split("\n") for block in text.strip().split("\n\n")]
    body = [f"<h1>{inline(blocks[0][0])}</h1>"]
    for lines in blocks[1:]:
        if all(line.startswith("• ") for line in lines):
            body.append("<ul>" + "".join(f"<li>{inline(line[2:])}</li>" for line in lines) + "</ul>")
        else:
            body.append("<p>" + "<br>".join(inline(line) for line in lines) + "</p>")
    return "<html><body>" + "\n".join(body) + "</body></html>"


def test_a_pdf_made_from_a_resolution_parses_to_the_same_structure():
    text = fixture("packaging-for-pdf.txt")
    pdf = weasyprint.HTML(string=html_from_text(text)).write_pdf()
    from_pdf = parse_resolution(read_document("packaging.pdf", pdf), filename="packaging.pdf").as_dict()
    assert from_pdf == parse_resolution(text, filename="packaging.pdf").as_dict()
    assert call_numbers(from_pdf) == [1, 2, 3]
    assert len(from_pdf["filers"]) == 3


def test_a_two_column_pdf_is_read_column_by_column():
    text = fixture("packaging-for-pdf.txt")
    columns = "<style>body { columns: 2; column-gap: 0.35in } h1 { column-span: all }</style>"
    pdf = weasyprint.HTML(string=html_from_text(text).replace("<html>", f"<html><head>{columns}</head>")).write_pdf()
    from_pdf = parse_resolution(read_document("packaging.pdf", pdf), filename="packaging.pdf").as_dict()
    assert from_pdf == parse_resolution(text, filename="packaging.pdf").as_dict()


def test_columns_between_full_width_lines_are_read_left_then_right_then_what_follows():
    first = " ".join(f"Site {n} reported a methane leak to the state regulator." for n in range(1, 9))
    second = " ".join(f"Investors at site {n} asked for measured figures." for n in range(1, 9))
    page = ('<html><head><style>main { display: flex; gap: 0.4in } main > * { flex: 1 } main p { margin: 0 }'
            "</style></head><body><h1>Methane Measurement</h1><p>RESOLVED: Shareholders request a report on measured methane.</p>"
            f"<h2>Supporting Statement</h2><main><div><p>{first}</p><p>Measure it.</p></div><p>{second}</p></main>"
            "<p>Both columns above come before this line, which runs across the whole width of the page.</p>"
            "</body></html>")
    from_pdf = parse(read_document("methane.pdf", weasyprint.HTML(string=page).write_pdf()))
    assert from_pdf["supporting"] == [
        first, "Measure it.", second,
        "Both columns above come before this line, which runs across the whole width of the page."]


def test_a_page_holding_only_a_table_of_filers_is_read_row_by_row():
    rows = [("Lena Fischer", "Alder Street Investments"), ("Omar Haddad", "Cedar Ridge Pension Fund"),
            ("Ruth Okafor", "Birchwood Community Trust"), ("Sam Lee", "Harbor Light Sisters"),
            ("Ana Diaz", "Millrace Endowment"), ("Ben Cho", "North Fork Capital"),
            ("Ida Berg", "Quarry Lane Foundation"), ("Tom Ruiz", "Saltmarsh Retirement Plan"),
            ("Eve Park", "Thornfield Investors")]
    table = "".join(f"<tr><td>{name}</td><td>{organization}</td></tr>" for name, organization in rows)
    page = (f"<html><head><style>td {{ padding: 2pt 40pt 2pt 0 }}</style></head><body><p>Co-filers</p>"
            f"<table>{table}</table></body></html>")
    text = read_document("filers.pdf", weasyprint.HTML(string=page).write_pdf())
    assert [line for line in text.splitlines() if line][1:] == [f"{name} {organization}" for name, organization in rows]


def test_a_pdf_with_notes_at_the_page_foot_keeps_a_paragraph_cut_by_the_page_break_whole():
    sentences = " ".join(f"Plant {n} draws water from a stressed river basin." for n in range(1, 91))
    css = (
        ".note { float: footnote } "
        "::footnote-call { content: counter(footnote); vertical-align: super; font-size: 70% } "
        "::footnote-marker { content: counter(footnote) ' ' }"
    )
    page = (
        f"<html><head><style>{css}</style></head><body><h1>Water Stress</h1>"
        f'<p>WHEREAS, our plants are exposed.<span class="note">Basin atlas, https://water.example.org/atlas</span></p>'
        f'<p>{sentences} The risk is rising.<span class="note">https://water.example.org/trend</span></p>'
        "<p>RESOLVED: Shareholders request a water risk report.</p></body></html>"
    )
    text = read_document("water.pdf", weasyprint.HTML(string=page).write_pdf())
    result = parse(text)
    assert len(result["whereas"]) == 2
    assert result["whereas"][1] == sentences + " The risk is rising."
    assert result["resolved"] == ["Shareholders request a water risk report."]
    assert result["calls"] == [{"part": "whereas", "index": 0, "number": 1}, {"part": "whereas", "index": 1, "number": 2}]
    assert [note["urls"] for note in result["footnotes"]] == [
        ["https://water.example.org/atlas"],
        ["https://water.example.org/trend"],
    ]
    assert result["warnings"] == []


def test_a_pdf_without_a_text_layer_is_refused():
    writer = pypdf.PdfWriter()
    writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(DocumentError, match=r"^This PDF has no text layer \(it is probably a scan\)"):
        read_document("scan.pdf", buffer.getvalue())


def test_a_corrupt_pdf_is_refused():
    with pytest.raises(DocumentError, match="could not be read"):
        read_document("broken.pdf", b"%PDF-1.7\nnot really a pdf")


def superscript_run(paragraph, number: int) -> None:
    paragraph.add_run(str(number)).font.superscript = True


def word_footnote_reference(paragraph, number: int) -> None:
    """A footnote reference as Word writes it; ids need not match display numbers."""
    paragraph._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{number + 10}"/></w:r>'
        )
    )


def make_docx(add_call) -> bytes:
    document = docx.Document()
    document.add_paragraph("Plastic Packaging Reduction")
    add_call(document.add_paragraph("WHEREAS, single-use packaging makes up much of the waste we discard."), 1)
    document.add_paragraph("Cities are adopting rules:")
    document.add_paragraph("bans on foam containers", style="List Bullet")
    document.add_paragraph("fees on carrier bags", style="List Bullet")
    add_call(document.add_paragraph("RESOLVED: Shareholders ask the Board to report on packaging by 2026."), 2)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_word_footnotes(data: bytes, notes: dict[int, str]) -> bytes:
    """Add a footnotes part, as Word writes it, to a .docx made by python-docx."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    footnotes = (
        f'<w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        + "".join(
            f'<w:footnote w:id="{note_id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {html.escape(text)}</w:t></w:r></w:p></w:footnote>'
            for note_id, text in notes.items()
        )
        + "</w:footnotes>"
    )
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                )
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", footnotes)
    return output.getvalue()


def test_a_docx_keeps_paragraphs_list_bullets_and_superscript_calls():
    result = parse(read_document("packaging.docx", make_docx(superscript_run)))
    assert result["title"] == "Plastic Packaging Reduction"
    assert result["whereas"] == [
        "Single-use packaging makes up much of the waste we discard.",
        "Cities are adopting rules:\n- bans on foam containers\n- fees on carrier bags",
    ]
    assert result["resolved"] == ["Shareholders ask the Board to report on packaging by 2026."]
    assert result["calls"] == [
        {"part": "whereas", "index": 0, "number": 1},
        {"part": "resolved", "index": 0, "number": 2},
    ]
    assert result["warnings"] == ["Footnote calls 1–2 were found but the document has no footnote texts."]


def test_bullet_call_offsets_count_the_lines_and_dashes_before_them():
    parsed = parse_resolution("Title\n\nWHEREAS, two facts:\n\n• first fact;¹\n• second [2] fact.\n\nRESOLVED, report.")
    part = parsed.whereas[0]
    assert part == "Two facts:\n- first fact;\n- second fact."
    offsets = [call["offset"] for call in parsed.calls_with_offsets()]
    assert [part[:offset] for offset in offsets] == [
        "Two facts:\n- first fact;",
        "Two facts:\n- first fact;\n- second",
    ]


def test_word_footnotes_in_a_docx_become_calls_and_notes():
    notes = {11: "City packaging rules, https://cities.example.org/rules", 12: "Industry survey, 2024."}
    data = add_word_footnotes(make_docx(word_footnote_reference), notes)
    result = parse(read_document("packaging.docx", data))
    assert call_numbers(result) == [1, 2]
    assert result["resolved"] == ["Shareholders ask the Board to report on packaging by 2026."]
    assert result["footnotes"] == [
        {
            "number": 1,
            "text": "City packaging rules, https://cities.example.org/rules",
            "urls": ["https://cities.example.org/rules"],
        },
        {"number": 2, "text": "Industry survey, 2024.", "urls": []},
    ]
    assert result["warnings"] == []


def test_a_docx_filer_table_is_read_row_by_row():
    document = docx.Document()
    document.add_paragraph("Water Use")
    document.add_paragraph("RESOLVED: Shareholders request a water report.")
    document.add_paragraph("Lead Filer")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ana Ribeiro"
    table.cell(0, 1).text = "Green Harbor Capital"
    buffer = io.BytesIO()
    document.save(buffer)
    result = parse(read_document("water.docx", buffer.getvalue()))
    assert result["filers"] == [{"name": "Ana Ribeiro", "organization": "Green Harbor Capital", "lead": True}]


def test_a_corrupt_docx_is_refused():
    with pytest.raises(DocumentError, match="could not be read"):
        read_document("broken.docx", b"PK\x03\x04 this is not a real zip archive")
    with pytest.raises(DocumentError, match="could not be read"):
        read_document("broken.docx", b"plain text with the wrong extension")
