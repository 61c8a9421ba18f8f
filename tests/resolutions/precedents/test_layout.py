"""The page-aware PDF reader of proxy statements (importer/layout.py): PDFium's text read once a
page and cut into its runs, on PDFs made here with WeasyPrint."""

import pypdfium2
import pytest
from weasyprint import HTML

from config import untrusted
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
    cut_short = pypdfium2.PdfTextPage.get_text_range

    def short(textpage, index=0, count=-1):
        return cut_short(textpage, index, count)[:-1]

    monkeypatch.setattr(pypdfium2.PdfTextPage, "get_text_range", short)
    texts = _texts(paragraphs_pdf)
    assert texts[1].startswith("term plans matter.³")
    assert texts[2] == "A second paragraph of plain words set on its own line."


def test_the_text_read_is_spent_from_the_expansion_budget(paragraphs_pdf):
    tight = untrusted.Expansion(pages=10, expanded_bytes=40, zip_entries=10, unzipped_bytes=10)
    with pytest.raises(untrusted.Overexpanded):
        pdf_pages(paragraphs_pdf, expansion=tight)
