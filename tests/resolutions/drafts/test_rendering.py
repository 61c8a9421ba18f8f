"""Footnote numbers are computed from the order of citations, never stored."""
from dataclasses import dataclass
from datetime import date

from evidence.citations import CitationSource
from resolutions.rule14a8 import count_words
from resolutions.drafts.rendering import Citation, link_urls, render_clauses, sanitize_clause_html


@dataclass
class FakeClause:
    kind: str
    text: str
    pk: int = 0


REPORT = CitationSource(kind="report", title="Surveillance Inc.", authors=("Watch Group",), publisher="Watch Group",
                        published=date(2024, 5, 1), url="https://example.org/surveillance", key="source-1")
NEWS = CitationSource(kind="news", title="Cameras everywhere", authors=("Jane Reporter",), publisher="Daily Planet",
                      published=date(2025, 2, 3), url="https://example.org/cameras", key="source-2")
CITATIONS = {
    ("snippet", 1): Citation(source=REPORT, pinpoint="p. 4"),
    ("snippet", 2): Citation(source=NEWS),
    ("snippet", 3): Citation(source=REPORT, pinpoint="p. 9"),
    ("note", 7): Citation(note_text="Company 10-K, 2025."),
}


def numbers(rendered):
    return [part.calls for part in rendered.parts]


def test_footnotes_are_numbered_in_reading_order():
    rendered = render_clauses([FakeClause("whereas", "A [[snippet:2]]"), FakeClause("whereas", "B [[snippet:1]]")],
                              CITATIONS, style="url-only")
    assert numbers(rendered) == [[1], [2]]
    assert rendered.footnotes == ["https://example.org/cameras", "https://example.org/surveillance"]


def test_moving_a_clause_renumbers_its_footnotes():
    first, second = FakeClause("whereas", "A [[snippet:1]]"), FakeClause("whereas", "B [[snippet:2]]")
    before = render_clauses([first, second], CITATIONS, style="url-only")
    after = render_clauses([second, first], CITATIONS, style="url-only")
    assert before.footnotes == list(reversed(after.footnotes))
    assert numbers(after) == [[1], [2]]


def test_deleting_a_citation_closes_the_gap():
    rendered = render_clauses([FakeClause("whereas", "A"), FakeClause("whereas", "B [[snippet:2]] [[note:7]]")],
                              CITATIONS, style="url-only")
    assert numbers(rendered) == [[], [1, 2]]
    assert rendered.footnotes[1] == "Company 10-K, 2025."


def test_the_same_snippet_cited_twice_gets_one_number():
    rendered = render_clauses([FakeClause("whereas", "A [[snippet:1]]"), FakeClause("resolved", "B [[snippet:1]]")],
                              CITATIONS, style="url-only")
    assert numbers(rendered) == [[1], [1]]
    assert len(rendered.footnotes) == 1


def test_a_repeated_source_uses_the_short_form():
    rendered = render_clauses([FakeClause("whereas", "A [[snippet:1]] [[snippet:2]] [[snippet:3]]")],
                              CITATIONS, style="chicago-note")
    first, _, third = rendered.footnotes
    assert "Surveillance Inc." in first and "https://example.org/surveillance" in first
    assert "https://" not in third and "9" in third
    assert len(third) < len(first)


def test_mixed_snippets_and_free_text_notes_share_one_sequence():
    rendered = render_clauses([FakeClause("whereas", "[[note:7]] then [[snippet:1]]")], CITATIONS, style="url-only")
    assert rendered.footnotes == ["Company 10-K, 2025.", "https://example.org/surveillance"]
    assert '<sup class="footnote-call">1</sup> then<sup class="footnote-call">2</sup>' in rendered.parts[0].html


def test_a_call_hugs_the_word_before_it_and_is_not_a_word_itself():
    rendered = render_clauses([FakeClause("whereas", "Costs rose \n [[snippet:1]].")], CITATIONS, style="url-only")
    assert rendered.parts[0].html == 'Costs rose<sup class="footnote-call">1</sup>.'
    assert count_words(rendered.parts[0].html) == 2


def test_a_marker_to_missing_evidence_is_reported_not_numbered():
    rendered = render_clauses([FakeClause("whereas", "A [[snippet:99]] [[snippet:2]]")], CITATIONS, style="url-only")
    assert rendered.missing == ["snippet 99"]
    assert numbers(rendered) == [[1]]


def test_only_bold_italic_links_and_lists_survive_sanitizing():
    dirty = '<p onclick="x()">Hi <b>bold</b> <script>alert(1)</script><a href="javascript:alert(1)">j</a><img src=x> [[snippet:3]]</p>'
    clean = sanitize_clause_html(dirty)
    assert "<script" not in clean and "onclick" not in clean and "<img" not in clean and "javascript:" not in clean
    assert "<b>bold</b>" in clean and "[[snippet:3]]" in clean


def test_a_www_link_gets_https_and_a_typed_scheme_is_kept():
    html = link_urls("See www.sec.gov/x, http://old.example.org and Amazon.com.")
    assert '<a href="https://www.sec.gov/x">www.sec.gov/x</a>,' in html
    assert '<a href="http://old.example.org">http://old.example.org</a>' in html
    assert "Amazon.com." in html and html.count("<a ") == 2
