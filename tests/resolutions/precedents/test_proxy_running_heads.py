"""Running heads and page footers of a proxy statement's PDF lines and of its plain text
(importer/proxy/running_heads.py)."""

from resolutions.precedents.importer.html_text import html_text
from resolutions.precedents.importer.layout import PageLine
from resolutions.precedents.importer.proxy.document import split_proxy
from resolutions.precedents.importer.proxy.lines import proxy_lines_from_text
from resolutions.precedents.importer.proxy.running_heads import running_lines, running_rows
from tests.corpus import FIXTURES


def _line(page: int, text: str, top: float) -> PageLine:
    return PageLine(page, text, 50.0, 400.0, top, top + 7, 7.0, 800.0, 600.0, top + 7, 7.0)


def test_a_head_set_with_a_hyphen_on_one_page_and_an_en_dash_on_the_next_is_one_running_head():
    heads = ["Shareholder Proposals - Proposal 4 - Orchard Report", "Shareholder Proposals – Proposal 4 – Orchard Report",
             "Shareholder Proposals – Proposal 5 – Hedgerow Survey"]
    pages = [[_line(number, head, 30.0), _line(number, f"Body text of page {number} runs on here.", 200.0)]
             for number, head in enumerate(heads, start=1)]
    reasons = running_lines(pages)
    assert [reasons.get(id(page[0])) for page in pages] == ["running head"] * 3
    assert not any(id(page[1]) in reasons for page in pages)


def test_a_head_naming_each_item_in_the_body_type_is_a_head_though_its_letters_reach_higher():
    """Its letters' box is a little taller than the body's lines' (capitals and descenders), its type the same."""
    pages = []
    for number, title in enumerate(["Orchard Report", "Hedgerow Survey", "Seed Bank Audit"], start=1):
        head = _line(number, f"Shareholder Proposals - Proposal {number + 3} - {title}", 60.0)
        head.size = 7.6
        pages.append([head] + [_line(number, f"Body text line {n} of the page runs on.", 200.0 + 10 * n) for n in range(5)])
    reasons = running_lines(pages)
    assert [reasons.get(id(page[0])) for page in pages] == ["running head"] * 3


def test_a_rule_above_the_notes_is_left_out():
    page = [_line(1, "Body text of the page runs on.", 200.0), _line(1, "____________________", 600.0),
            _line(1, "1 https://example.org/orchard-survey", 610.0)]
    assert running_lines([page]).get(id(page[1])) == "rule"


def test_a_section_head_set_a_little_lower_on_a_proposals_pages_is_a_head_there_too():
    """The head naming each item sits at one height on most pages, and three points lower on the
    two pages of an item with a long title: it is left out on those as well."""
    titles = ["Orchard Report", "Orchard Report", "Hedgerow Survey", "Seed Bank Audit and Review", "Seed Bank Audit and Review"]
    pages = []
    for number, title in enumerate(titles, start=1):
        top = 60.0 if number < 4 else 63.0
        pages.append([_line(number, f"Shareholder Proposals - Proposal {number + 3} - {title}", top),
                      _line(number, f"Shareholder proposals are printed as their proponents sent them {number}.", 200.0)])
    reasons = running_lines(pages)
    assert [reasons.get(id(page[0])) for page in pages] == ["running head"] * 5
    assert not any(id(page[1]) in reasons for page in pages)


def _sized(page: int, text: str, top: float, font_size: float) -> PageLine:
    line = _line(page, text, top)
    line.font_size = line.size = font_size
    return line


def test_an_item_heading_repeated_in_small_type_atop_the_items_next_page_is_a_running_head():
    """The item's own heading stands large on its first page; the page it runs onto repeats it at
    the top in a type smaller than the body's: that is a head, though no other page repeats it."""
    first = [_line(1, f"Body text line {n} of the page runs on.", 100.0 + 10 * n) for n in range(5)]
    first += [_sized(1, "Item 6: Shareholder Proposal - Orchard Report", 300.0, 18.0)]
    first += [_line(1, f"The orchard text line {n} runs on.", 340.0 + 10 * n) for n in range(5)]
    second = [_sized(2, "Item 6: Shareholder Proposal - Orchard Report", 40.0, 5.0)]
    second += [_line(2, f"The orchard text goes on, line {n}.", 100.0 + 10 * n) for n in range(5)]
    third = [_sized(3, "Item 7: Shareholder Proposal - Hedgerow Survey", 40.0, 18.0)]
    third += [_line(3, f"The hedgerow text line {n} runs on.", 100.0 + 10 * n) for n in range(5)]
    reasons = running_lines([first, second, third])
    assert reasons.get(id(second[0])) == "running head"
    assert id(first[5]) not in reasons and id(third[0]) not in reasons  # the items' own headings


def _edgar_statement():
    text = html_text((FIXTURES / "proxy-edgar-running-heads.htm").read_text(encoding="utf-8"))
    return split_proxy(*proxy_lines_from_text(text))


def test_text_leaves_out_the_running_head_and_the_footers_next_to_each_page_break():
    """EDGAR HTML in Workiva's markup: the section's name atop each page and the footer with the page's
    number (on alternate sides of it) are left out with their reasons; no proposal's part holds them."""
    first = _edgar_statement().proposals[0]
    assert [(entry["line"], entry["page"], entry["reason"]) for entry in first.left_out[:4]] == [
        ("SHAREHOLDER PROPOSALS", 2, "running head"), ("2027 Proxy Statement | 11", 2, "page footer"),
        ("SHAREHOLDER PROPOSALS", 3, "running head"), ("12 | 2027 Proxy Statement", 3, "page footer")]
    assert first.resolved == ["Shareholders ask the board to report each year how much fuel each ferry burns per crossing."]
    assert first.supporting == ["A yearly count lets owners see whether the new hulls save what was promised."]
    assert first.pages == [2, 3]


def test_the_boards_heading_atop_each_of_its_statements_pages_is_no_running_head():
    """Printed atop a page once for each proposal, it heads each board's statement all the same."""
    proposals = _edgar_statement().proposals
    assert [proposal.item for proposal in proposals] == ["5", "6", "7"]
    assert all(proposal.opposition.startswith("Board of Directors’ Statement in Opposition\nThe Board has weighed")
               for proposal in proposals)
    assert [proposal.board_recommendation for proposal in proposals] == ["against"] * 3


def test_a_heading_printed_once_next_to_a_page_break_is_kept():
    pages = [["Proposal 4 — Shareholder Proposal on Hedgerows", "Body text."], ["More body text.", "OTHER MATTERS"],
             ["Annual Report", "The last page."]]
    assert running_rows(pages) == {}


def test_a_number_at_the_end_of_the_page_that_holds_no_page_numbers_is_kept():
    """The pages are numbered at their foot: a lone "4" atop a page is a raised call read on its own line."""
    pages = [["Proxy Statement", "4" if n == 1 else "Heading", f"Text of page {n}.", "More text.", str(20 + n)]
             for n in range(4)]
    reasons = running_rows(pages)
    assert {reasons[(n, 0)] for n in range(4)} == {"running head"}
    assert {reasons[(n, 4)] for n in range(4)} == {"page number"}
    assert (1, 1) not in reasons


def test_text_leaves_out_a_head_naming_the_section_and_each_item_by_its_first_words():
    """"Shareholder Proposals – Proposal 5 – <its title>" atop a proposal's later pages: no two items'
    heads are the same line, their first three words are; the recital the page breaks is one."""
    text = (FIXTURES / "proxy-text-section-heads.txt").read_text(encoding="utf-8")
    first, second = split_proxy(*proxy_lines_from_text(text)).proposals
    assert first.whereas == ["Our farms have grubbed up more hedgerow than they planted in each of the last five years, "
                             "and the birds that nest in them have gone."]
    assert first.pages == [1, 2]
    assert [(entry["line"], entry["reason"]) for entry in first.left_out if entry["page"] == 2] == [
        ("Shareholder Proposals – Proposal 5 – Hedgerow Survey", "running head"),
        ("31 Orchard Holdings 2027 Proxy Statement", "page footer")]
    assert second.opposition.startswith("Board of Directors’ Statement in Opposition")
    assert second.pages == [4, 4]


def test_an_item_heading_atop_each_of_its_pages_is_its_heading_on_the_first_and_a_running_head_after():
    pages = [[f"Text of page {n}.", "More text."] for n in range(2)]
    pages += [["PROPOSAL 6", f"Text of page {n}.", "More text."] for n in range(2, 5)]
    pages += [["Proposal", "7:", "Caption of the next item", "Text."] for _ in range(3)]
    reasons = running_rows(pages)
    assert [reasons.get((n, 0)) for n in range(2, 8)] == [None, "running head", "running head", None, None, None]


def test_edgar_notes_set_small_at_a_pages_foot_are_notes_and_the_paragraph_they_cut_is_one():
    """The HTML's type sizes tell the notes (8pt) from the body (10pt): each is its proposal's note,
    and the recital the page break and the notes under it cut goes on over the page."""
    text = html_text((FIXTURES / "proxy-edgar-running-heads.htm").read_text(encoding="utf-8"), sizes=True)
    first, second, _ = split_proxy(*proxy_lines_from_text(text)).proposals
    assert first.whereas == ["Our ferries burn more diesel each year than the year before, and the harbour towns "
                             "they serve have asked for cleaner crossings."]
    assert [(note.number, note.text) for note in first.footnotes] == [(1, "Harbour board crossing figures, 2026.")]
    assert [(note.number, note.text) for note in second.footnotes] == [(1, "Union survey of crew rosters, 2026.")]
    assert [(call.part, call.index, call.number) for call in second.calls] == [("whereas", 0, 1)]
    assert second.whereas == ["Crews on the night routes work longer shifts than the day crews."]


def test_text_leaves_out_a_side_label_and_the_items_heading_again_atop_its_next_page():
    """On two pages only the item's heading repeated atop the second is a running head all the same;
    "What am I voting on?" on a line of its own is the side label of a question-and-answer layout."""
    text = (FIXTURES / "proxy-text-side-label.txt").read_text(encoding="utf-8")
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert [(entry["line"], entry["page"], entry["reason"]) for entry in proposal.left_out] == [
        ("What am I voting on?", 1, "side label"), ("Proposal 6 — Shareholder Proposal on Quiet Hours", 2, "running head")]
    assert proposal.whereas == ["Our night ferries sound their horns at each of the six piers they call at between "
                                "midnight and dawn, and the towns by the piers have complained for years."]
    assert proposal.title == "Shareholder Proposal on Quiet Hours"
