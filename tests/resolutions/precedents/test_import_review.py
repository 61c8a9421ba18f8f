"""The precedent text format's '- ' bullet lines as HTML: one function for the precedent page and the editor."""
from resolutions.precedents.import_review import bullets_html

TEXT = "Shareholders request a report on:\n- wages &amp; hours\n- turnover\nThe report should be public."


def test_bullet_lines_become_a_list_and_other_lines_paragraphs():
    assert bullets_html(TEXT) == ("<p>Shareholders request a report on:</p><ul><li>wages &amp; hours</li>"
                                  "<li>turnover</li></ul><p>The report should be public.</p>")


def test_without_paragraphs_the_other_lines_stay_as_they_are():
    assert bullets_html(TEXT, paragraphs=False) == ("Shareholders request a report on:<ul><li>wages &amp; hours</li>"
                                                    "<li>turnover</li></ul>The report should be public.")
    assert bullets_html("- only\n- bullets") == "<ul><li>only</li><li>bullets</li></ul>"
