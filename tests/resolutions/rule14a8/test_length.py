"""Rule 14a-8(d): word counting and the 500-word limit."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resolutions.rule14a8 import WordCount, check_length, count_words, word_count_by_part


def test_plain_words_are_counted():
    assert count_words("Shareholders request the Board report") == 5


def test_empty_and_blank_text_has_no_words():
    assert count_words("") == 0
    assert count_words("  \n\t ") == 0


def test_a_url_counts_as_one_word():
    assert count_words("See https://www.sec.gov/rules-regulations/2020/09/33-10884 for details") == 4


def test_a_www_address_counts_as_one_word():
    assert count_words("Source: www.example.org/report-2025.pdf.") == 2


def test_a_url_in_parentheses_is_one_word():
    assert count_words("(https://example.org/a--b)") == 1


def test_a_url_followed_by_an_em_dash_is_one_word_and_the_next_word_counts():
    assert count_words("https://example.org/report—see page 4") == 4


def test_a_hyphenated_word_is_one_word():
    assert count_words("long-term value") == 2


@pytest.mark.parametrize("number", ["1,600", "$35", "3.5%", "$1,000,000", "(2025)"])
def test_a_number_is_one_word(number):
    assert count_words(f"about {number} tonnes") == 3


def test_an_em_dash_without_spaces_separates_words():
    assert count_words("risk—and opportunity") == 3


def test_an_em_dash_with_spaces_is_not_a_word():
    assert count_words("risk — and opportunity") == 3


def test_an_en_dash_separates_words():
    assert count_words("2024–2025 season") == 3


def test_a_double_hyphen_is_a_dash_not_a_word():
    assert count_words("risk--and opportunity") == 3


def test_bullet_markers_are_not_words():
    assert count_words("- first point\n- second point\n• third point") == 6


def test_html_tags_are_not_words():
    assert count_words("<p>The <b>Board</b> should <i>report</i>.</p>") == 4


def test_inline_tags_do_not_split_a_word():
    assert count_words("co<b>operation</b>") == 1


def test_block_tags_separate_words():
    assert count_words("<p>first</p><p>second</p>") == 2
    assert count_words("first<br>second") == 2
    assert count_words("<ul><li>one</li><li>two</li></ul>") == 2


def test_a_link_counts_only_its_text_not_its_href():
    assert count_words('<a href="https://example.org/a/very/long-path">the 2025 report</a>') == 3


def test_a_link_whose_text_is_the_url_counts_as_one_word():
    assert count_words('<a href="https://example.org">https://example.org</a>') == 1


def test_html_entities_are_decoded():
    assert count_words("Environmental&nbsp;impact&mdash;and&#8212;risk &amp; return") == 6


def test_a_standalone_ampersand_counts_as_a_word():
    assert count_words("Health & Safety") == 3


def test_an_escaped_tag_is_text_not_markup():
    assert count_words("&lt;b&gt;") == 1


_TEXT_WITHOUT_TAGS = st.text(alphabet=st.characters(blacklist_characters="<"))


@given(st.text())
def test_count_words_never_raises_and_is_never_negative(text):
    assert count_words(text) >= 0


@given(_TEXT_WITHOUT_TAGS, _TEXT_WITHOUT_TAGS)
def test_word_counts_add_up_across_a_space(first, second):
    assert count_words(f"{first} {second}") == count_words(first) + count_words(second)


def _words(count: int) -> str:
    return " ".join(["word"] * count)


def test_word_count_by_part_counts_every_part_in_the_strict_total():
    count = word_count_by_part(
        title="Report on Water Risk",
        resolved=["Shareholders request a report."],
        whereas=["Water is scarce.", "Droughts cost $35 million."],
        supporting=["<p>We urge a vote FOR.</p>"],
        footnotes=["https://example.org/report"],
    )
    assert count == WordCount(title=4, resolved=4, whereas=7, supporting=5, footnotes=1)
    assert count.total == 21


def test_over_500_words_is_an_error_citing_14a_8_d():
    check = check_length(WordCount(title=12, resolved=100, whereas=200, supporting=150, footnotes=50))
    assert check.rule == "14a-8(d)"
    assert check.label == "Length"
    assert check.status == "error"
    assert check.message == "Rule 14a-8(d): 512 of 500 words."
    assert check.details == {
        "title": 12, "resolved": 100, "whereas": 200, "supporting": 150, "footnotes": 50, "total": 512, "limit": 500,
    }


@pytest.mark.parametrize(
    ("total", "status"), [(501, "error"), (500, "warning"), (475, "warning"), (474, "ok"), (0, "ok")]
)
def test_length_thresholds(total, status):
    check = check_length(WordCount(title=0, resolved=total, whereas=0, supporting=0, footnotes=0))
    assert check.status == status
    assert check.message == f"Rule 14a-8(d): {total} of 500 words."


def test_footnotes_alone_can_push_a_proposal_over_the_limit():
    count = word_count_by_part(title="", resolved=[_words(490)], whereas=[], supporting=[], footnotes=[_words(11)])
    assert check_length(count).status == "error"
