"""The importer on a real filing read from the shared corpus at test time (skipped without it)."""

from __future__ import annotations

import re

import pytest

from resolutions.precedents.importer import ParsedResolution, parse_resolution
from tests.corpus import corpus_path

from tests.resolutions.precedents.parsing import FIXTURES


@pytest.fixture(scope="module")
def amazon() -> ParsedResolution:
    path = corpus_path("amazon-customer-due-diligence-resolution.txt")
    return parse_resolution(path.read_text(encoding="utf-8"), filename=path.name)


def test_corpus_title_is_the_first_line(amazon):
    assert amazon.title == "Customer Due Diligence"
    assert amazon.file == "amazon-customer-due-diligence-resolution.txt"


def test_corpus_has_one_resolved_clause_that_comes_first(amazon):
    assert len(amazon.resolved) == 1
    assert amazon.resolved[0].startswith("Shareholders request the Board")
    assert amazon.resolved[0].endswith("human rights violations.")
    assert amazon.resolved_first
    assert amazon.part_order == ["resolved", "whereas"]


def test_corpus_has_six_whereas_parts_and_the_fifth_keeps_its_five_bullets(amazon):
    assert len(amazon.whereas) == 6
    assert amazon.supporting == []
    fifth = amazon.whereas[4].split("\n")
    assert fifth[0].endswith("guidelines:")
    assert len(fifth) == 6
    assert all(line.startswith("- ") for line in fifth[1:])
    others = amazon.whereas[:4] + amazon.whereas[5:]
    assert all("\n" not in part for part in others)


def test_corpus_calls_run_from_1_to_11_and_the_first_is_in_the_second_recital(amazon):
    calls = amazon.as_dict()["calls"]
    assert [call["number"] for call in calls] == list(range(1, 12))
    assert calls[0] == {"part": "whereas", "index": 1, "number": 1}
    assert {call["part"] for call in calls} == {"whereas"}
    assert [call["index"] for call in calls] == [1, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4]


def test_corpus_calls_are_removed_from_the_text_but_years_and_counts_stay(amazon):
    text = "\n".join(amazon.whereas)
    assert amazon.whereas[1].endswith("in place.”")
    assert "impacts, and" in text
    assert "empire.” Senator" in text
    assert "$35 billion" in text and "In 2019," in text and "In 2020," in text
    assert "1,600 police" in text and "280 new" in text
    assert not re.search(r"(?<![0-9])[.,”][0-9]|” [0-9]", text)


def test_corpus_call_offsets_point_where_the_calls_stood(amazon):
    def text_before(call: dict) -> str:
        return getattr(amazon, call["part"])[call["index"]][: call["offset"]]

    calls = amazon.calls_with_offsets()
    assert [call["number"] for call in calls] == list(range(1, 12))
    assert text_before(calls[0]).endswith("in place.”")
    assert text_before(calls[1]).endswith("impacts,")
    assert text_before(calls[4]).endswith("sales.")
    assert text_before(calls[5]).endswith("empire.”")
    assert text_before(calls[9]).endswith("technology.”")
    assert calls[10]["offset"] == len(amazon.whereas[4])


def test_corpus_has_no_footnote_texts_and_says_so(amazon):
    assert amazon.footnotes == []
    assert amazon.warnings == ["Footnote calls 1–11 were found but the document has no footnote texts."]


def test_corpus_lists_eight_filers_with_the_lead_filer_last(amazon):
    filers = amazon.as_dict()["filers"]
    assert len(filers) == 8
    assert filers[0] == {"name": "Tim Brennan", "organization": "Unitarian Universalist Association", "lead": False}
    assert {"name": "Danielle Essink", "organization": "Robeco Institutional Asset Management B.V.", "lead": False} in filers
    assert filers[-1] == {"name": "Mary Beth Gallagher", "organization": "Sisters of St. Joseph, Brentwood", "lead": True}
    assert [filer["lead"] for filer in filers] == [False] * 7 + [True]
