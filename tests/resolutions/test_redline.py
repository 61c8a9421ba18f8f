"""Footnotes in a redline are paired by identity; a moved note differs from a renumbered one."""
from resolutions.drafts.redline import Document, Note, document_redline, pair_notes, plain


def test_notes_pair_by_identity_then_text_then_alike_wording():
    old = [Note("snippet:1", "A"), Note(None, "Same words."), Note("note:7", "Filed with the regulator, 2024.")]
    new = [Note(None, "Same words."), Note("note:9", "Filed with the regulator, 2025."), Note("snippet:1", "A, p. 2")]
    assert pair_notes(old, new) == {0: 2, 1: 0, 2: 1}


def test_a_replaced_note_is_removed_and_added_not_word_salad():
    old = Document(["WHEREAS: Leaks grew.[1]"], [Note("note:1", "Operator filings, 2024.")])
    new = Document(["WHEREAS: Leaks grew.[1]"], [Note("snippet:5", "Satellite survey by an academic team.")])
    html = str(document_redline(old, new))
    assert "<del>[old 1]</del><ins>[1]</ins>" in html
    assert "<del>[old 1] Operator filings, 2024.</del> <em>(removed)</em>" in html
    assert "<ins>[1] Satellite survey by an academic team.</ins> <em>(new note)</em>" in html


def test_a_call_that_went_elsewhere_is_moved_and_the_others_keep_their_place():
    old = Document(["WHEREAS: One.[1] Two.[2] Three.[3]"],
                   [Note("note:1", "First."), Note("note:2", "Second."), Note("note:3", "Third.")])
    new = Document(["WHEREAS: Three.[1] One.[2] Two.[3]"],
                   [Note("note:3", "Third."), Note("note:1", "First."), Note("note:2", "Second.")])
    html = str(document_redline(old, new))
    assert "[1] Third. <em>(moved, was note 3)</em>" in html
    assert "[2] First. <em>(renumbered, was note 1)</em>" in html
    assert "[3] Second. <em>(renumbered, was note 2)</em>" in html


def test_markup_in_notes_and_text_is_escaped():
    html = str(document_redline(Document(["WHEREAS: <b>x</b>"], [Note(None, "<script>")]),
                                Document(["WHEREAS: <b>y</b>"], [Note(None, "<script>!")])))
    assert "<script>" not in html and "<b>" not in html


def test_a_parts_reading_text_keeps_paragraphs_apart_and_lists_as_dash_lines():
    """The words of two paragraphs do not run together; calls read [N]; entities are decoded once."""
    assert plain('<p>Emissions &amp; leaks rose<sup class="footnote-call">2</sup>.</p><p>Second <b>para</b>.</p>') \
        == "Emissions & leaks rose[2]. Second para."
    assert plain("Intro:<ul><li>one</li><li>two &lt;b&gt;</li></ul>") == "Intro:\n- one\n- two <b>"
