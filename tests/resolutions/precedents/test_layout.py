"""The page-aware PDF reader of proxy statements (importer/layout.py): PDFium's text read once a
page and cut into its runs, on PDFs made here with WeasyPrint."""

import pypdfium2.raw as pdfium_c
import pytest
from weasyprint import HTML

from config import untrusted
from resolutions.precedents.importer import layout
from resolutions.precedents.importer.layout import pdf_pages

PARAGRAPHS = (
    "<style>body { font: 11pt serif }</style>"
    "<p>Growers asked about <b>seed</b>lings, and our long-<br>term plans matter.<sup>3</sup> More text follows.</p>"
    "<p>A second paragraph of plain words set on its own line.</p>"
)


def _texts(data: bytes) -> list[str]:
    return [line.text for page in pdf_pages(data, expansion=untrusted.Expansion.from_settings()) for line in page]


@pytest.fixture(scope="module")
def paragraphs_pdf() -> bytes:
    return HTML(string=PARAGRAPHS).write_pdf()


def test_a_word_whose_type_changes_midway_stays_one_word_and_a_raised_number_is_a_call(paragraphs_pdf):
    texts = _texts(paragraphs_pdf)
    assert texts[0] == "Growers asked about seedlings, and our long-"
    assert texts[1] == "term plans matter.³ More text follows."
    assert texts[2] == "A second paragraph of plain words set on its own line."


def test_a_page_whose_text_and_character_counts_differ_is_read_rectangle_by_rectangle(paragraphs_pdf, monkeypatch):
    """PDFium may leave characters out of a page's text; the runs cannot then be cut by position."""
    cut_short = layout._page_text
    monkeypatch.setattr(layout, "_page_text", lambda textpage, count: cut_short(textpage, count)[:-1])
    texts = _texts(paragraphs_pdf)
    assert texts[1].startswith("term plans matter.³")
    assert texts[2] == "A second paragraph of plain words set on its own line."


def test_the_text_read_is_spent_from_the_expansion_budget(paragraphs_pdf):
    tight = untrusted.Expansion(pages=10, expanded_bytes=40, zip_entries=10, unzipped_bytes=10)
    with pytest.raises(untrusted.Overexpanded):
        pdf_pages(paragraphs_pdf, expansion=tight)


def test_lines_stand_on_their_baselines_whatever_their_letters_reach_below():
    """A line of capitals reaches no lower than its baseline; one with "g" or "p" reaches below it."""
    data = HTML(string="<p style='font: 11pt serif'>happy going gap<br>NO TAILS HERE<br>plenty of jumpy pigs</p>").write_pdf()
    [page] = pdf_pages(data, expansion=untrusted.Expansion.from_settings())
    pitches = [line.baseline - previous.baseline for previous, line in zip(page, page[1:])]
    assert abs(pitches[0] - pitches[1]) < 0.1
    assert abs((page[1].bottom - page[0].bottom) - (page[2].bottom - page[1].bottom)) > 0.5


def test_a_raised_number_before_a_web_address_opens_a_note_even_in_the_body_type():
    """Notes set in the body's own size: the raised number belongs to its note, not to the line above."""
    data = HTML(string=(
        "<div style='font: 9pt serif'><p>Growers plant more each season.<sup>1</sup></p>"
        "<p><sup>1</sup>https://example.org/planting<br><sup>2</sup>https://example.org/harvest</p></div>"
    )).write_pdf()
    assert _texts(data) == ["Growers plant more each season.¹", "1 https://example.org/planting",
                            "2 https://example.org/harvest"]


def test_a_large_label_word_beside_two_lines_of_text_does_not_join_them_into_one():
    """ "What" set large in a side column spans two lines of the small text beside it."""
    html = ("<table style='border-collapse: collapse'><tr>"
            "<td style='font: bold 22pt sans-serif; width: 90pt; vertical-align: top; padding: 0; line-height: 1.1'>"
            "What<br>am I<br>voting<br>on?</td>"
            "<td style='font: 8pt serif; vertical-align: top; padding: 3pt 0 0 0; line-height: 1.25'>"
            "Maple Row Fund has sent us the proposal and supporting statement printed below for<br>"
            "inclusion in this proxy statement. The address of the fund and the number of its shares<br>"
            "will be given to anyone who asks our Corporate Secretary for them in writing.</td></tr></table>")
    texts = _texts(HTML(string=html).write_pdf())
    assert texts[:3] == ["Maple Row Fund has sent us the proposal and supporting statement printed below for",
                         "What inclusion in this proxy statement. The address of the fund and the number of its shares",
                         "am I will be given to anyone who asks our Corporate Secretary for them in writing."]


def test_where_each_run_of_a_line_starts_is_found_with_few_rectangle_counts(monkeypatch):
    """A run nearly always starts a word: the word its left edge points to is tried before the line is
    halved, so a table row's cells are cut with about two of PDFium's rectangle counts each."""
    crops = ["maple syrup", "winter wheat", "sweet corn", "red clover", "hard cider", "black beans", "rolled oats"]
    rows = "".join(f"<tr><td>Orchard row {crops[i % 7]}</td><td>{crops[(i + 1) % 7]} and more</td>"
                   f"<td>{crops[(i + 3) % 7]}</td></tr>" for i in range(30))
    data = HTML(string="<style>body { font: 9pt serif } td { padding: 0 14pt 0 0; white-space: nowrap }</style>"
                       f"<table>{rows}</table>").write_pdf()
    counts = {"runs": 0, "rectangle counts": 0}
    count_rects, run_starts = pdfium_c.FPDFText_CountRects, layout._run_starts

    def counted(*args):
        counts["rectangle counts"] += 1
        return count_rects(*args)

    def searched(*args):
        monkeypatch.setattr(pdfium_c, "FPDFText_CountRects", counted)
        try:
            starts = run_starts(*args)
        finally:
            monkeypatch.setattr(pdfium_c, "FPDFText_CountRects", count_rects)
        counts["runs"] += len(starts) - 1
        return starts

    monkeypatch.setattr(layout, "_run_starts", searched)
    texts = _texts(data)
    assert texts[:2] == ["Orchard row maple syrup", "Orchard row winter wheat"]
    assert texts[30] == "winter wheat and more red clover"  # the right-hand cells, read after the column
    assert counts["runs"] >= 30
    assert counts["rectangle counts"] <= 2.5 * counts["runs"]  # halving each line took over five
