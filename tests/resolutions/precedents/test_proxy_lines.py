"""Paragraph starts in a proxy statement's PDF lines (importer/proxy/lines.py), on lines laid out here."""

from resolutions.precedents.importer.html_text import html_text
from resolutions.precedents.importer.layout import PageLine
from resolutions.precedents.importer.proxy.document import split_proxy
from resolutions.precedents.importer.proxy import lines as proxy_lines
from resolutions.precedents.importer.proxy.lines import proxy_lines_from_pdf, proxy_lines_from_text
from resolutions.precedents.importer.text import ends_sentence
from tests.corpus import FIXTURES

WIDTH, HEIGHT = 600.0, 800.0
FULL = "The orchard cooperative has asked the board for a yearly count of the trees it plants and"


def _page(number: int, rows: list[tuple[str, float, float]], x1: float = 540.0, reach: float = 1.0) -> list[PageLine]:
    """(text, baseline, type size) rows set from x 50 to ``x1`` (short lines end at a full stop),
    their letters reaching ``reach`` of the type size."""
    return [
        PageLine(number, text, 50.0, x1 if not text.endswith(".") else 300.0, base - size * reach, base, size * reach,
                 HEIGHT, WIDTH, base, size)
        for text, base, size in rows
    ]


def _starts(pages: list[list[PageLine]], page: int) -> list[bool]:
    lines, _ = proxy_lines_from_pdf(pages)
    return [line.starts_paragraph for line in lines if line.page == page and line.text]


def _tight_page() -> list[PageLine]:
    """The rest of the document, set tighter than the proposal (a pitch of 8.5)."""
    rows = [(f"Directors met often in the year and reviewed committee {n} work with care and", 100 + 8.5 * n, 7.7)
            for n in range(40)]
    return _page(1, rows + [("That ends the section.", 100 + 8.5 * 40, 7.7)])


def test_a_line_with_a_raised_call_set_a_little_lower_does_not_start_a_paragraph():
    """The proposal's page sets its lines 10 apart, and 12 apart under a line with a raised call:
    only the wider gaps between its paragraphs (20) start one."""
    rows, base = [], 100.0
    for paragraph in range(3):
        for line in range(4):
            base += 20 if line == 0 and paragraph else (12 if line == 2 else 10)
            rows.append((FULL + "²" if line == 1 else FULL if line < 3 else "A closing line.", base, 7.8))
    assert _starts([_tight_page(), _page(2, rows)], 2) == [True, False, False, False] * 3


def test_a_sentence_going_on_in_lower_case_beside_a_large_side_label_stays_one_paragraph():
    """The first line of a preamble shares its height with a label word set large, so it takes the
    label's size; the next line goes on with the same sentence in the body's size."""
    rows = [("Birch Fund has notified us that it intends to present the following proposal, which is set", 300, 13.5),
            ("out below with its supporting statement, and the board's reply follows.", 322, 7.8)]
    assert _starts([_tight_page(), _page(2, rows)], 2) == [True, False]


def test_a_heading_in_a_larger_size_still_starts_a_paragraph():
    rows = [("Proposal 5: Orchard Planting Report", 300, 16.0), ("Birch Fund has notified us of its proposal.", 322, 7.8)]
    assert _starts([_tight_page(), _page(2, rows, x1=300.0)], 2) == [True, True]


def test_a_paragraph_goes_on_over_a_page_break_past_the_notes_at_the_foot_of_the_page():
    body = [(FULL, 100 + 10 * n, 7.8) for n in range(30)]
    notes = [("1 https://example.org/orchard-survey", 420, 5.0), ("2 https://example.org/planting-count", 428, 5.0)]
    first = _page(1, body) + _page(1, notes, x1=260.0)
    second = _page(2, [("Material gains in yield followed in every region that planted early.", 100, 7.8)])
    assert _starts([first, second], 2) == [False]


def test_notes_are_told_by_their_type_size_not_by_how_high_their_letters_reach():
    """ "2 above." has no letter reaching below the line, so its box is short: it is no note."""
    body = _page(2, [(FULL, 100 + 10 * n, 7.8) for n in range(20)])
    short = _page(2, [("2 above.", 310, 7.8)], reach=0.7)
    note = _page(2, [("1 https://example.org/orchard-survey", 330, 5.5)])
    lines, _ = proxy_lines_from_pdf([_tight_page(), body + short + note])
    small = {line.text: line.small for line in lines if line.page == 2}
    assert (small["2 above."], small["1 https://example.org/orchard-survey"], small[FULL]) == (False, True, False)


def test_the_text_beside_a_side_labels_words_goes_on_with_the_paragraph_above_it():
    """The label's words, set large, give their lines their size and a wide gap: once they are left
    out, the lines beside them go on with the sentence of the full line above ("Mr." ends none)."""
    rows = [("Maple Row Fund has sent us the proposal and supporting statement printed below for", 300, 7.8),
            ("What inclusion in this proxy statement. The address of the fund and the shares held by Mr.", 309, 13.5),
            ("am I Holm will be given to anyone who asks our Corporate Secretary for them in writing.", 331, 13.5),
            ("voting", 353, 17.0), ("on?", 375, 13.5)]
    page = _page(2, rows)
    page[1].x1 = 540.0  # a full line
    lines, removed = proxy_lines_from_pdf([_tight_page(), page])
    assert [(line.text, line.starts_paragraph) for line in lines if line.page == 2 and line.text] == [
        (rows[0][0], True), (rows[1][0][5:], False), (rows[2][0][5:], False)]
    assert [entry["line"] for entry in removed.values() if entry["reason"] == "side label"] == ["What", "am I", "voting", "on?"]


def test_a_sentence_broken_off_short_at_the_foot_of_a_page_goes_on_in_lower_case_on_the_next():
    """A proposal starting low on a page may be cut short there, its last line stopping mid-sentence
    well before the margin: the next page's first line, in lower case, goes on with its paragraph."""
    body = [(FULL, 100 + 10 * n, 7.8) for n in range(30)]
    first = _page(1, body + [("Wardens have counted the young trees in two of the", 400, 7.8)])
    first[-1].x1 = 330.0  # short, and ending no sentence
    second = _page(2, [("four districts, and the count will take them another season.", 100, 7.8)]
                   + [(FULL, 110 + 10 * n, 7.8) for n in range(10)])
    assert _starts([first, second], 2)[0] is False


def test_a_short_line_ending_a_sentence_at_the_foot_of_a_page_still_ends_its_paragraph():
    body = [(FULL, 100 + 10 * n, 7.8) for n in range(30)]
    first = _page(1, body + [("Wardens have counted the young trees.", 400, 7.8)])
    second = _page(2, [("four districts were counted the year before.", 100, 7.8)]
                   + [(FULL, 110 + 10 * n, 7.8) for n in range(10)])
    assert _starts([first, second], 2)[0] is True


def test_a_line_set_under_a_bullets_text_is_its_hanging_indent_not_a_new_paragraph():
    """A bullet's wrapped lines stand indented under its text: after a line ending a sentence,
    that indent is no first-line indent."""
    rows = [("● Young trees need ten years or more before they bear a crop worth picking, if ever.", 300, 7.8),
            ("The cooperative has planted them on every slope it owns and on land it rents as well.", 310, 7.8),
            ("● Old trees bear less each year, and the cooperative fells a few of them every winter and", 320, 7.8)]
    page = _page(2, rows)
    page[0].x1 = 500.0  # a full line ending a sentence
    page[1].x0 = page[1].x0 + 12.0  # under the bullet's text
    assert _starts([_tight_page(), page], 2) == [True, False, True]


def test_a_paragraphs_short_last_line_whose_letters_reach_less_high_goes_on_with_it():
    """The last line, "Orchard Council notes.²", has few tall letters, so its box is short; yet it
    is set in the paragraph's type and at its pitch (12 under a line with a call): no paragraph of its own."""
    rows, base = [], 100.0
    for paragraph in range(3):
        for line in range(4):
            base += 20 if line == 0 and paragraph else (12 if line == 3 else 10)
            rows.append((FULL + "²" if line == 2 else FULL if line < 3 else "Orchard Council notes.²", base, 7.8))
    page = _page(2, rows)
    for line in page[3::4]:
        line.size = 6.1
    assert _starts([_tight_page(), page], 2) == [True, False, False, False] * 3


def _block_rows(gap: float) -> list[tuple[str, float, float]]:
    """Four paragraphs ``gap`` apart, lines 8 apart; the second is two short sentences set as one block."""
    texts = [[FULL, FULL, "and it has planted some."], ["The count covers only apple trees.", "The count leaves out pears."],
             [FULL, FULL, "and the wardens agree."], [FULL, "and the board does too."]]
    rows, base = [], 100.0
    for paragraph in texts:
        for number, text in enumerate(paragraph):
            base += 8 if number else gap
            rows.append((text, base, 6.0))
    return rows


def test_two_short_sentences_set_as_one_block_on_a_page_that_spaces_its_paragraphs_are_one_paragraph():
    assert _starts([_tight_page(), _page(2, _block_rows(gap=18))], 2) == [
        True, False, False, True, False, True, False, False, True, False]


def test_on_a_page_that_does_not_space_its_paragraphs_a_short_line_ending_a_sentence_still_ends_one():
    assert _starts([_tight_page(), _page(2, _block_rows(gap=8))], 2) == [
        True, False, False, True, True, True, False, False, True, False]


def test_each_line_is_read_for_a_sentence_end_once(monkeypatch):
    """Whether a line ends a sentence decides spacing, paragraph starts and sentences going on: read once."""
    read = []
    monkeypatch.setattr(proxy_lines, "ends_sentence", lambda text: read.append(text) or ends_sentence(text))
    pages = [_tight_page(), _page(2, _block_rows(gap=18))]
    assert _starts(pages, 2) == [True, False, False, True, False, True, False, False, True, False]
    assert len(read) <= sum(len(page) for page in pages) + len(pages)  # and the line before each page's first


def test_text_leaves_out_a_pages_number_and_joins_a_paragraph_the_page_break_split():
    """Plain text or EDGAR HTML, split into pages at its page breaks: the number printed at a page's
    foot is left out, and the recital broken by the page goes on in lower case on the next."""
    text = (FIXTURES / "proxy-text-page-break.txt").read_text(encoding="utf-8")
    html = "<html><body><p>" + text.replace("\f", "<hr>").replace("\n\n", "</p><p>") + "</p></body></html>"
    for lines, removed in (proxy_lines_from_text(text), proxy_lines_from_text(html_text(html))):
        [proposal] = split_proxy(lines, removed).proposals
        assert proposal.whereas == ["Our three mills draw more water each summer from the rivers that feed them, "
                                    "while the towns downstream ration theirs."]
        assert [(entry["line"], entry["page"], entry["reason"]) for entry in proposal.left_out] == [
            ("14", 1, "page number"), ("15", 2, "page number")]


def test_hard_wrapped_text_with_no_blank_lines_keeps_its_paragraphs():
    """Text copied out of a PDF: every line wrapped at the page's width, no blank line between paragraphs.
    A short line closing a sentence, a label or a heading ends its paragraph; a long one never does."""
    text = (FIXTURES / "proxy-hard-wrapped-no-blank-lines.txt").read_text()
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert proposal.title == "Report on Water Stewardship"
    assert [p.name for p in proposal.proponents] == ["Riverbend Teachers' Retirement Fund"]
    assert len(proposal.resolved) == 1 and proposal.resolved[0].endswith("regions of high water stress.")
    assert len(proposal.supporting) == 3
    assert proposal.supporting[0].startswith("Several of the company's largest") and \
        proposal.supporting[0].endswith("the premiums the company pays.")
    assert proposal.opposition.startswith("Board Statement in Response to Item 6\nThe board recommends a vote against")
    assert proposal.board_recommendation == "against"
