"""The Word XML walker under ``docx_read``: tracked-change counts, part labels and a paragraph's inline HTML."""
from resolutions.filing.docx_paragraphs import Paragraph, TrackedChanges


def test_tracked_changes_count_in_words_and_are_false_when_none():
    assert not TrackedChanges()
    assert str(TrackedChanges(insertions=1, deletions=2)) == "1 insertion and 2 deletions"


def test_a_label_names_the_part_and_is_cut_from_the_text_across_runs():
    paragraph = Paragraph(style="", list_kind="", bookmarks=[], pieces=[
        ("text", "  WHERE", True, False, None), ("text", "AS: the board", False, False, None)])
    assert paragraph.strip_label() == "whereas"
    assert paragraph.text == " the board"
    assert Paragraph(style="", list_kind="", bookmarks=[], pieces=[("text", "Whereas", False, False, None)]
                     ).strip_label() == ""


def test_inline_html_joins_runs_of_one_style_and_sets_a_call_against_the_word_before_it():
    paragraph = Paragraph(style="", list_kind="", bookmarks=[], pieces=[
        ("text", "Emissions ", False, False, None), ("text", "rose", True, False, None),
        ("text", " sharply ", True, False, None), ("call", 1),
        ("text", " see", False, False, "https://example.org/")])
    assert paragraph.inline_html() == ('Emissions <strong>rose sharply</strong><sup class="footnote-call">1</sup> '
                                       '<a href="https://example.org/">see</a>')
