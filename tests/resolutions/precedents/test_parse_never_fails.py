"""parse_resolution never fails: any text gives a well-formed result."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resolutions.precedents.importer import ParsedResolution, parse_resolution

from tests.resolutions.precedents.parsing import KEYS


FRAGMENTS = [
    "WHEREAS, ", "Whereas:\n", "RESOLVED: ", "Resolved, that ", "Resolution Text\n", "Supporting Statement\n",
    "Notes\n", "Sources:\n", "Lead Filer\n", "Co-filers\n", "Tim Example\n", "Sisters of Example\n",
    "\n", "\n\n", "\r\n", " ", "\u00a0", "\t", "¹", "²³", "[2]", "[^1]", "1. ", "2 ", "3\n", "”4", ",5 ",
    ".” 6 The", "In 2019, ", "$35 billion", "1,600 ", "https://example.org/a.", "<https://x.example/b>",
    "• ", "- ", "(Lead Filer)", "Shareholders request a report.", "B.V.", "2030.1 Next",
]
resolution_like = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=40).map("".join)


def assert_well_formed(result: ParsedResolution) -> None:
    data = result.as_dict()
    assert set(data) == KEYS
    assert isinstance(data["file"], str) and isinstance(data["title"], str)
    for kind in ("resolved", "whereas", "supporting", "warnings", "footnotes", "calls", "filers"):
        assert isinstance(data[kind], list)
    for kind in ("resolved", "whereas", "supporting", "warnings"):
        assert all(isinstance(item, str) for item in data[kind])
    for note in data["footnotes"]:
        assert set(note) == {"number", "text", "urls"}
        assert isinstance(note["number"], int) and isinstance(note["text"], str)
        assert all(isinstance(url, str) for url in note["urls"])
    for call in data["calls"]:
        assert set(call) == {"part", "index", "number"}
        assert call["part"] in ("resolved", "whereas", "supporting")
        assert 0 <= call["index"] < len(data[call["part"]])
        assert isinstance(call["number"], int)
    for filer in data["filers"]:
        assert set(filer) == {"name", "organization", "lead"}
        assert isinstance(filer["name"], str) and isinstance(filer["organization"], str)
        assert isinstance(filer["lead"], bool)
    assert isinstance(result.resolved_first, bool)
    for call in result.calls_with_offsets():
        assert 0 <= call["offset"] <= len(data[call["part"]][call["index"]])


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_never_raises_on_any_text(text):
    assert_well_formed(parse_resolution(text, filename="x.txt"))


@settings(max_examples=200, deadline=None)
@given(resolution_like)
def test_parse_never_raises_on_resolution_like_text(text):
    assert_well_formed(parse_resolution(text))
