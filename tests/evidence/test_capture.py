import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter
from weasyprint import HTML

from evidence.capture import (
    EmptyQuote,
    QuoteNotFound,
    SourceTextError,
    capture_snippet,
    extract_text,
    find_headings,
    locate_quote,
    normalize_for_match,
    pinpoint_for,
)

from tests.corpus import corpus_path, fixture_text, needs_corpus

# The real profile's sections (and its page furniture, "Stock Symbols", which is no heading).
CORPUS_SECTIONS = [
    "Immigration Surveillance and Deportations",
    "Deportation Flights",
    "Prison Surveillance",
    "Police Surveillance: Ring and Rekognition",
    "Israel's Nimbus Project and other Violations of Palestinian Rights",
    "Political Influence",
    "Other Controversies",
    "Economic Activism Highlights",
]


SECTIONS = [
    "Warehouse Injury Rates",
    "Driver Classification",
    "Calder Vision Sales to Police",
    "Political Spending",
    "Other Matters",
    "Shareholder Engagement Notes",
]
PROFILE = fixture_text("company-profile.txt")


@pytest.fixture(scope="module")
def profile() -> str:
    """A long company profile with section headings, as stored source text (our own fixture)."""
    return PROFILE


def passage_under(text: str, heading: str, *, paragraph: int = 0, skip: int = 0, words: int = 12) -> str:
    """``words`` words from a paragraph of the section under ``heading``."""
    section = text[text.index(f"\n{heading}\n") + len(heading) + 2 :]
    chosen = section.strip().split("\n\n")[paragraph]
    return " ".join(chosen.split()[skip : skip + words])


@pytest.mark.parametrize(
    ("heading", "paragraph", "skip"),
    [("Driver Classification", 0, 0), ("Warehouse Injury Rates", 1, 7), ("Political Spending", 2, 12)],
)
def test_passages_from_three_sections_get_their_section_as_pinpoint(profile, heading, paragraph, skip):
    quote = passage_under(profile, heading, paragraph=paragraph, skip=skip)

    captured = capture_snippet(profile, quote)

    assert captured.pinpoint == f"§ {heading}"
    assert captured.quote == profile[captured.start : captured.end]
    assert " ".join(captured.quote.split()) == quote


def test_the_profile_headings_are_found_and_page_furniture_is_not(profile):
    assert [title for _, title in find_headings(profile)] == SECTIONS


@needs_corpus
def test_the_real_profile_headings_are_found_and_page_furniture_is_not():
    text = corpus_path("afsc-amazon-company-profile.txt").read_text(encoding="utf-8")
    assert [title for _, title in find_headings(text)] == CORPUS_SECTIONS


def test_a_passage_altered_by_one_word_is_rejected(profile):
    words = passage_under(profile, "Warehouse Injury Rates").split()
    words[4] = "purple"

    with pytest.raises(QuoteNotFound, match="^This passage is not in the source's stored text. Check it word for word"):
        capture_snippet(profile, " ".join(words))


def test_straight_quotes_match_curly_quotes_in_the_source(profile):
    # Some words around the first passage the source puts in curly double quotes.
    original = re.search(r"(?<!\S)(?:\S+ ){3}“[^”\n]+”\S*(?: \S+){3}", profile).group()
    typed = original.replace("“", '"').replace("”", '"').replace("’", "'")
    assert typed != original

    captured = capture_snippet(profile, typed)

    assert captured.quote == original


def test_whitespace_and_line_breaks_may_differ(profile):
    # This paragraph has non-breaking spaces (one doubled) in the source.
    words = passage_under(profile, "Warehouse Injury Rates", paragraph=1, words=20)
    typed = "  " + words.replace(" ", "\n   ", 3).replace(" ", "  ") + "\n"

    captured = capture_snippet(profile, typed)

    assert "\u00a0" in captured.quote
    assert " ".join(captured.quote.split()) == words


PROFILE_WORDS = PROFILE.split()


@settings(max_examples=60, deadline=None)
@given(
    start=st.integers(0, len(PROFILE_WORDS) - 30),
    length=st.integers(1, 30),
    separators=st.lists(st.sampled_from([" ", "  ", "\n", " \n\t"]), min_size=30, max_size=30),
)
def test_any_run_of_words_retyped_loosely_is_found(profile, start, length, separators):
    words = PROFILE_WORDS[start : start + length]
    typed = "".join(word + sep for word, sep in zip(words, separators)).translate(
        str.maketrans("“”’", "\"\"'")
    )

    captured = capture_snippet(profile, typed)

    assert normalize_for_match(captured.quote) == normalize_for_match(typed)


def test_blank_quote_and_empty_source_are_refused(profile):
    with pytest.raises(EmptyQuote):
        capture_snippet(profile, " \n ")
    with pytest.raises(QuoteNotFound, match="no stored text"):
        capture_snippet("", "anything")


def test_offsets_point_into_the_original_text():
    text = "He said:\u00a0“wait\n\n … and see” — today."
    match = locate_quote(text, 'said: "wait ... and see" - today')
    assert match is not None
    assert text[match.start : match.end] == match.text == "said:\u00a0“wait\n\n … and see” — today"


def test_quotes_match_whole_words_only():
    assert locate_quote("Amazon workers", "mazon workers") is None
    assert locate_quote("Amazon workers", "Amazon worker") is None
    assert locate_quote("Amazon workers", "Amazon workers") is not None


def test_normalize_for_match_folds_typography():
    assert normalize_for_match("It’s  “smart”\u00a0—\n‘really’ – yes…") == "It's \"smart\" - 'really' - yes..."


def test_pinpoint_for_paginated_text_is_the_page():
    text = "first page\fsecond page\fthird page"
    assert pinpoint_for(text, text.index("second")) == "p. 2"
    assert pinpoint_for(text, 0) == "p. 1"


def test_pinpoint_for_markdown_and_all_caps_headings():
    text = "# Overview\n\nIntro.\n\n## Labor\n\nBody text here.\n\nSUPPLY CHAIN\nMore body text.\n"
    assert pinpoint_for(text, text.index("Intro")) == "§ Overview"
    assert pinpoint_for(text, text.index("Body")) == "§ Labor"
    assert pinpoint_for(text, text.index("More")) == "§ SUPPLY CHAIN"


def test_pinpoint_is_empty_before_any_heading():
    assert pinpoint_for("Just a paragraph of text.", 5) == ""


# --- Uploaded source texts -------------------------------------------------


def as_html(text: str) -> bytes:
    """The profile as a web page: headings in <h2>, paragraphs in <p>, plus page chrome."""
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    body = "".join(f"<h2>{block}</h2>" if block in SECTIONS else f"<p>{block}</p>" for block in blocks)
    return (
        "<html><head><title>Profile</title><style>p { font-weight: 700 }</style></head><body>"
        "<nav><a href='/'>Site menu</a></nav>"
        f"<main>{body}</main><script>trackVisit()</script></body></html>"
    ).encode()


def test_html_extraction_keeps_headings_on_their_own_lines(profile):
    text = extract_text("profile.html", as_html(profile))

    assert "\n\nWarehouse Injury Rates\n\n" in text
    assert "Site menu" not in text and "trackVisit" not in text and "font-weight" not in text
    quote = passage_under(profile, "Warehouse Injury Rates", paragraph=1)
    assert capture_snippet(text, quote).pinpoint == "§ Warehouse Injury Rates"


def test_html_inline_markup_does_not_break_words():
    html = b"<p>Amazon <b>owns</b> a <a href='#'>minority stake</a>.<br>Next line</p><!-- note -->"
    assert extract_text("page.htm", html) == "Amazon owns a minority stake.\nNext line"


def test_pdf_pages_are_separated_so_the_pinpoint_is_the_page():
    pdf = HTML(
        string="<p>Opening page about the company.</p>"
        "<p style='break-before: page'>Workers described the pace of work on this page.</p>"
    ).write_pdf()

    text = extract_text("report.pdf", pdf)

    assert text.count("\f") == 1
    assert capture_snippet(text, "described the pace of work").pinpoint == "p. 2"


def test_pdf_without_text_layer_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    scan = io.BytesIO()
    writer.write(scan)
    with pytest.raises(SourceTextError, match="no text layer"):
        extract_text("scan.pdf", scan.getvalue())


def test_text_files_decode_utf8_and_windows_1252():
    assert extract_text("a.txt", "café “quoted”\r\n".encode()) == "café “quoted”"
    assert extract_text("b.txt", b"caf\xe9 \x93quoted\x94") == "café “quoted”"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "The file is empty."),
        ("blank.txt", b" \n\n ", "no readable text"),
        ("big.txt", b"x" * 11, "the limit is"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "does not look like a text file"),
        ("notes.docx", b"PK\x03\x04", "not a supported file type"),
        ("fake.pdf", b"hello", "not a PDF"),
        ("broken.pdf", b"%PDF-1.4\nnot really a pdf", "could not be read"),
    ],
)
def test_unusable_uploads_are_refused_with_a_reason(name, data, message):
    with pytest.raises(SourceTextError, match=message):
        extract_text(name, data, max_bytes=10 if name == "big.txt" else 10 * 1024 * 1024)
