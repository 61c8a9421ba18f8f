"""EDGAR HTML as text (importer/html_text.py), on markup in the filing agents' forms written here."""

from resolutions.precedents.importer.html_text import html_text
from tests.corpus import FIXTURES


def _pages() -> list[list[str]]:
    text = html_text((FIXTURES / "proxy-edgar-agent-markup.htm").read_text(encoding="utf-8"))
    return [[paragraph.strip() for paragraph in page.split("\n\n") if paragraph.strip()] for page in text.split("\f")]


def test_a_rule_drawn_inside_a_page_break_is_that_break_and_a_short_rule_above_notes_is_none():
    assert len(_pages()) == 3


def test_a_break_after_an_element_comes_after_its_text():
    """The page number set in the paragraph that carries "page-break-after" stays on its page."""
    pages = _pages()
    assert pages[1][-1] == "42"
    assert pages[2][0] == "Board of Directors’ Statement in Opposition"


def test_calls_raised_by_sup_or_a_raised_span_are_superscript_digits_and_other_raised_text_stays():
    pages = _pages()
    assert pages[0][2].endswith("in any year before².")
    assert pages[0][6].endswith("and the cost of the³")
    assert pages[1][0].startswith("report should stay modest; 7th of May")


def test_a_bullet_in_a_cell_of_its_own_is_one_paragraph_with_its_text():
    assert _pages()[0][4:6] == ["• the wells each orchard draws from; and", "• the water each acre takes in a dry summer."]


def test_hidden_elements_are_not_text_and_windows_character_references_are_read():
    pages = _pages()
    assert pages[0][0] == "Item 4 – Shareholder Proposal on Orchard Water"
    assert "0000765432" not in "".join(pages[0])
    assert pages[0][1] == "The Pippin Growers’ Fund has told us it will present this proposal."


def test_list_items_carry_the_bullet_or_the_number_the_browser_draws():
    assert _pages()[2][-3:] == ["• what the wells can give; and", "• what the growers already report.",
                                "3. A third point, numbered on from the list before."]
