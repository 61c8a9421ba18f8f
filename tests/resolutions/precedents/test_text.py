"""Text clean-up shared by the readers (importer/text.py)."""

from resolutions.precedents.importer import text
from resolutions.precedents.importer.text import ends_sentence, normalize_runs


class _Counted:
    """A compiled pattern whose uses are counted."""

    def __init__(self, pattern, uses: list):
        self.pattern, self.uses = pattern, uses

    def search(self, *args):
        self.uses.append(self.pattern.pattern)
        return self.pattern.search(*args)

    def sub(self, *args):
        self.uses.append(self.pattern.pattern)
        return self.pattern.sub(*args)


def test_runs_lose_odd_spaces_invisible_characters_line_breaks_and_ligatures():
    assert normalize_runs(["ﬁeld\u00a0trip", "soft\u00adly  and\u200b slow", "cafe\u0301 menu\u2028card", "  plain  "]) == [
        "field trip", "softly and slow", "café menu card", "plain"]


def test_clean_runs_are_not_put_through_the_substitutions(monkeypatch):
    """Most of a PDF's text needs no clean-up: one search says so, and the substitutions are skipped."""
    uses: list = []
    for name in ("_LINE_BREAK", "_INVISIBLE", "_ODD_SPACE"):
        monkeypatch.setattr(text, name, _Counted(getattr(text, name), uses))
    assert normalize_runs(["Growers plant more trees.", "The wardens count them"]) == [
        "Growers plant more trees.", "The wardens count them"]
    assert uses == []


def test_a_line_ending_in_a_letter_or_a_comma_is_not_searched_for_a_sentence_end(monkeypatch):
    uses: list = []
    monkeypatch.setattr(text, "_SENTENCE_END", _Counted(text._SENTENCE_END, uses))
    assert not ends_sentence("and the growers said,")
    assert not ends_sentence("the wardens of the orchard")
    assert not ends_sentence("")
    assert len(uses) == 0
    assert ends_sentence("They agreed.³") and ends_sentence("as the report says.”") and ends_sentence("it did.[12]")
    assert not ends_sentence("sold to Acme Inc.")
    assert len(uses) == 4
