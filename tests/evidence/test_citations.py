import re
from datetime import date

import pytest
from dateutil import parser as date_parser

from evidence.citations import STYLES, CitationSource, _render_note, csl_name, format_footnote, format_footnotes
from evidence.freshness import age_label, is_stale
from tests.corpus import corpus_path, fixture_text, needs_corpus


REPORT = CitationSource(
    kind="report",
    title="Amazon Company Profile",
    authors=["American Friends Service Committee"],
    publisher="American Friends Service Committee",
    published=date(2021, 10, 5),
    url="https://investigate.afsc.org/company/amazon",
    accessed=date(2024, 3, 1),
    key="afsc",
)
NEWS = CitationSource(
    kind="news",
    title="Warehouse injuries rise again",
    authors=["Jane Doe", "John Q. Public"],
    publisher="The Example Times",
    published=date(2022, 5, 1),
    url="https://news.example.com/injuries",
    key="news",
)
WEBPAGE = CitationSource(
    kind="webpage",
    title="Eyes on Amazon",
    publisher="Fight for the Future",
    url="https://www.eyesonamazon.org/",
    accessed=date(2024, 3, 1),
    key="eyes",
)
SEC_FILING = CitationSource(
    kind="sec_filing",
    title="Annual Report (Form 10-K) for Fiscal Year 2022",
    authors=["Amazon.com, Inc."],
    publisher="U.S. Securities and Exchange Commission",
    published=date(2023, 2, 3),
    url="https://www.sec.gov/example-10k",
    key="10-k",
)
LAW = CitationSource(
    kind="law",
    title="Shareholder Proposals, 17 C.F.R. § 240.14a-8",
    published=date(2020, 9, 23),
    url="https://www.ecfr.gov/current/title-17/section-240.14a-8",
    key="rule",
)
LETTER = CitationSource(
    kind="letter",
    title="Letter to the Board",
    authors=["Maria Lopez"],
    published=date(2018, 6, 21),
    key="letter",
)
COMPANY_DOCUMENT = CitationSource(
    kind="company_document",
    title="Global Human Rights Principles",
    authors=["Amazon.com, Inc."],
    url="https://sustainability.example.com/human-rights",
    accessed=date(2024, 1, 2),
    key="principles",
)
OTHER = CitationSource(
    kind="other",
    title="Annual Meeting of Shareholders, Transcript",
    authors=["Amazon.com, Inc."],
    published=date(2023, 5, 24),
    key="agm",
)

CHICAGO_FULL = [
    (
        REPORT,
        "American Friends Service Committee, Amazon Company Profile (American Friends Service Committee, "
        "October 5, 2021), 4, https://investigate.afsc.org/company/amazon.",
    ),
    (
        NEWS,
        "Jane Doe and John Q. Public, “Warehouse Injuries Rise Again,” The Example Times, May 1, 2022, 4, "
        "https://news.example.com/injuries.",
    ),
    (WEBPAGE, "“Eyes on Amazon,” Fight for the Future, 4, accessed March 1, 2024, https://www.eyesonamazon.org/."),
    (
        SEC_FILING,
        "Amazon.com, Inc., Annual Report (Form 10-K) for Fiscal Year 2022 (U.S. Securities and Exchange "
        "Commission, February 3, 2023), 4, https://www.sec.gov/example-10k.",
    ),
    (
        LAW,
        "“Shareholder Proposals, 17 C.F.R. § 240.14a-8” (2020), 4, "
        "https://www.ecfr.gov/current/title-17/section-240.14a-8.",
    ),
    (LETTER, "Maria Lopez, “Letter to the Board,” June 21, 2018, 4."),
    (
        COMPANY_DOCUMENT,
        "Amazon.com, Inc., Global Human Rights Principles, 4, accessed January 2, 2024, "
        "https://sustainability.example.com/human-rights.",
    ),
    (OTHER, "Amazon.com, Inc., “Annual Meeting of Shareholders, Transcript,” May 24, 2023, 4."),
]

CHICAGO_SHORT = [
    (REPORT, "American Friends Service Committee, Amazon Company Profile, § Labor."),
    (NEWS, "Doe and Public, “Warehouse Injuries Rise Again,” § Labor."),
    (WEBPAGE, "“Eyes on Amazon,” § Labor."),
    (SEC_FILING, "Amazon.com, Inc., Annual Report (Form 10-K) for Fiscal Year 2022, § Labor."),
    (LAW, "Shareholder Proposals, 17 C.F.R. § 240.14a-8, § Labor."),
    (LETTER, "Lopez, “Letter to the Board,” § Labor."),
    (COMPANY_DOCUMENT, "Amazon.com, Inc., Global Human Rights Principles, § Labor."),
    (OTHER, "Amazon.com, Inc., “Annual Meeting of Shareholders, Transcript,” § Labor."),
]


@pytest.mark.parametrize(("source", "expected"), CHICAGO_FULL, ids=[source.kind for source, _ in CHICAGO_FULL])
def test_chicago_full_note_for_each_kind(source, expected):
    assert format_footnote(source, pinpoint="p. 4") == expected


@pytest.mark.parametrize(("source", "expected"), CHICAGO_SHORT, ids=[source.kind for source, _ in CHICAGO_SHORT])
def test_chicago_short_note_for_each_kind(source, expected):
    assert format_footnote(source, pinpoint="§ Labor", short=True) == expected


def test_chicago_is_the_default_style_and_pinpoint_is_optional():
    assert format_footnote(NEWS) == (
        "Jane Doe and John Q. Public, “Warehouse Injuries Rise Again,” The Example Times, May 1, 2022, "
        "https://news.example.com/injuries."
    )


def test_url_only_gives_the_url_or_else_the_title():
    assert format_footnote(REPORT, pinpoint="p. 4", style="url-only") == "https://investigate.afsc.org/company/amazon"
    assert format_footnote(LETTER, style="url-only") == "Letter to the Board"
    assert format_footnote(REPORT, style="url-only", short=True) == "https://investigate.afsc.org/company/amazon"


@pytest.mark.parametrize(
    ("pinpoint", "rendered"),
    [
        ("p. 4", "4"),
        ("pp. 4-5", "4–5"),
        ("12", "12"),
        ("para. 3", "para. 3"),
        ("¶ 3", "para. 3"),
        ("§ 3", "sec. 3"),
        ("ch. 2", "chap. 2"),
        ("§ Labor", "§ Labor"),
        ("p. iv", "p. iv"),
    ],
)
def test_pinpoints_use_chicago_labels_and_unknown_forms_stay_verbatim(pinpoint, rendered):
    assert format_footnote(WEBPAGE, pinpoint=pinpoint, short=True) == f"“Eyes on Amazon,” {rendered}."


def test_repeat_citations_of_a_source_use_the_short_form():
    notes = format_footnotes([(REPORT, "p. 4"), (NEWS, ""), (REPORT, "p. 9"), (NEWS, "p. 2")], style="chicago-note")
    assert notes == [
        CHICAGO_FULL[0][1],
        format_footnote(NEWS),
        "American Friends Service Committee, Amazon Company Profile, 9.",
        "Doe and Public, “Warehouse Injuries Rise Again,” 2.",
    ]


def test_consecutive_repeats_get_a_short_note_not_ibid():
    notes = format_footnotes([(NEWS, "p. 1"), (NEWS, "p. 1")])
    assert notes[1] == "Doe and Public, “Warehouse Injuries Rise Again,” 1."


def test_source_identity_is_the_key():
    same_source_edited = CitationSource(kind="news", title="Warehouse injuries rise", key="news")
    other_source = CitationSource(kind="news", title="Warehouse injuries rise again", key="other")
    notes = format_footnotes([(NEWS, ""), (same_source_edited, ""), (other_source, "")])
    assert notes[1:] == ["“Warehouse Injuries Rise.”", "“Warehouse Injuries Rise Again,” n.d."]


def test_output_is_plain_text_without_markup_or_escapes():
    source = CitationSource(kind="news", title="Profits & <Losses>", authors=["Jane Doe"], publisher="A & B News")
    assert format_footnote(source, pinpoint="p. 2") == "Jane Doe, “Profits & <Losses>,” A & B News, n.d., 2."


def test_quotes_inside_a_quoted_title_become_single_quotes():
    source = CitationSource(kind="news", title='Why "smart" doorbells matter', publisher="Example News")
    assert format_footnote(source) == "“Why ‘smart’ Doorbells Matter,” Example News, n.d."


def test_fifty_notes_are_rendered_by_citeproc_once_then_served_from_the_cache():
    sources = [
        CitationSource(kind="news", title=f"Story cache {n}", authors=["Jane Doe"], publisher="Example News", key=str(n))
        for n in range(25)
    ]
    citations = [(source, f"p. {n}") for n, source in enumerate(sources)] * 2
    notes = format_footnotes(citations)
    misses = _render_note.cache_info().misses
    assert format_footnotes(citations) == notes
    assert _render_note.cache_info().misses == misses
    assert notes[25] == "Doe, “Story Cache 0,” 0."


def test_styles_are_labelled_for_a_select_box():
    assert STYLES["chicago-note"].startswith("Chicago")
    assert STYLES["url-only"] == "URL only"


def test_unknown_style_and_kind_are_refused():
    with pytest.raises(ValueError, match="Unknown citation style"):
        format_footnote(REPORT, style="mla")
    with pytest.raises(ValueError, match="Unknown source kind"):
        CitationSource(kind="podcast", title="Episode 1")


@pytest.mark.parametrize(
    ("name", "csl"),
    [
        ("Jane Doe", {"family": "Doe", "given": "Jane"}),
        ("Doe, Jane", {"family": "Doe", "given": "Jane"}),
        ("Ludwig van Beethoven", {"family": "van Beethoven", "given": "Ludwig"}),
        ("Martin Luther King Jr.", {"family": "King", "given": "Martin Luther", "suffix": "Jr."}),
        ("Amazon.com, Inc.", {"literal": "Amazon.com, Inc."}),
        ("American Friends Service Committee", {"literal": "American Friends Service Committee"}),
        ("Human Rights Watch", {"literal": "Human Rights Watch"}),
        ("As You Sow", {"literal": "As You Sow"}),
        ("{Oxfam Novib}", {"literal": "Oxfam Novib"}),
        ("ACLU", {"literal": "ACLU"}),
    ],
)
def test_personal_names_are_split_and_organizations_kept_whole(name, csl):
    assert csl_name(name) == csl


# --- Freshness ---------------------------------------------------------------

TODAY = date(2026, 11, 25)


def test_an_old_source_is_stale_by_its_publication_date():
    assert is_stale(published=date(2021, 10, 5), text="", today=TODAY) == "Source published October 5, 2021, 5 years ago"


def valid_as_of(profile: str) -> date:
    return date_parser.parse(re.search(r"valid as of\s+(.+)\s*$", profile).group(1)).date()


def test_the_profile_is_stale_by_its_valid_as_of_date():
    published = valid_as_of(fixture_text("company-profile.txt"))

    assert is_stale(published=published, text="", today=TODAY, max_age_years=2) == "Source published March 14, 2024, 2 years ago"
    assert is_stale(published=published, text="", today=TODAY) is None


@needs_corpus
def test_the_real_profile_is_stale_by_its_valid_as_of_date():
    published = valid_as_of(corpus_path("afsc-amazon-company-profile.txt").read_text(encoding="utf-8"))

    assert is_stale(published=published, text="", today=TODAY) == "Source published October 5, 2021, 5 years ago"
    assert is_stale(published=published, text="", today=TODAY, max_age_years=6) is None


def test_a_recent_source_is_fresh():
    assert is_stale(published=date(2024, 1, 1), text="Figures for 2024.", today=TODAY) is None


def test_the_window_is_measured_to_the_day():
    assert is_stale(published=date(2023, 11, 25), text="", today=TODAY) is None
    assert is_stale(published=date(2023, 11, 24), text="", today=TODAY) == "Source published November 24, 2023, 3 years ago"


def test_text_naming_only_old_years_is_stale():
    text = "From 2007 to August 2019, the company won 1,415 contracts worth $1.4 billion."
    assert is_stale(published=None, text=text, today=TODAY) == "Names the year 2019"


def test_text_naming_a_recent_year_is_not_stale():
    assert is_stale(published=None, text="Spending rose from 2013 to 2025.", today=TODAY) is None
    assert is_stale(published=None, text="Reported in 2023.", today=TODAY) is None


def test_numbers_that_are_not_years_are_ignored():
    assert is_stale(published=None, text="At least 1,887 departments and $2,019 in fees; 1999.5 units.", today=TODAY) is None


def test_the_publication_date_reason_comes_first():
    assert is_stale(published=date(2010, 1, 1), text="In 2012.", today=TODAY) == "Source published January 1, 2010, 16 years ago"


@pytest.mark.parametrize(
    ("published", "label"),
    [
        (date(2021, 10, 5), "5 years old"),
        (date(2025, 11, 25), "1 year old"),
        (date(2025, 11, 26), "11 months old"),
        (date(2026, 8, 20), "3 months old"),
        (date(2026, 10, 25), "1 month old"),
        (date(2026, 11, 20), "5 days old"),
        (date(2026, 11, 24), "1 day old"),
        (TODAY, "from today"),
        (date(2027, 1, 1), "dated in the future"),
        (None, "undated"),
    ],
)
def test_age_label(published, label):
    assert age_label(published, TODAY) == label


def test_leap_day_sources_age_cleanly():
    assert is_stale(published=date(2020, 2, 29), text="", today=date(2023, 2, 28)) is None
    assert age_label(date(2020, 2, 29), date(2024, 2, 29)) == "4 years old"
