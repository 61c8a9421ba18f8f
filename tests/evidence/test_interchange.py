import json
import re
from datetime import date

import pytest

from evidence.interchange import (
    InterchangeError,
    SourceRecord,
    dedupe_key,
    parse_bibtex,
    parse_csl_json,
    to_csl_json,
)

CSL_JSON = """[
  {"id": "afsc", "type": "report", "title": "Amazon Company Profile",
   "author": [{"literal": "American Friends Service Committee"}],
   "publisher": "American Friends Service Committee",
   "issued": {"date-parts": [["2021", 10, 5]]},
   "URL": "https://investigate.afsc.org/company/amazon", "accessed": {"date-parts": [[2024, 3, 1]]}},
  {"id": "times", "type": "article-newspaper", "title": "Warehouse <i>injuries</i> rise",
   "author": [{"family": "Doe", "given": "Jane"}, {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}],
   "container-title": "The Example Times", "issued": {"raw": "May 1, 2022"}},
  {"id": "untitled", "type": "webpage", "URL": "https://example.org/"},
  {"id": "campaign", "type": "post-weblog", "title": "Eyes on Amazon", "issued": {"date-parts": [[2021]]}},
  "not an item"
]"""


def test_csl_json_items_become_source_records():
    batch = parse_csl_json(CSL_JSON.encode())

    assert batch.records == [
        SourceRecord(
            kind="report",
            title="Amazon Company Profile",
            authors=["American Friends Service Committee"],
            publisher="American Friends Service Committee",
            published=date(2021, 10, 5),
            url="https://investigate.afsc.org/company/amazon",
            accessed=date(2024, 3, 1),
        ),
        SourceRecord(
            kind="news",
            title="Warehouse injuries rise",
            authors=["Jane Doe", "Ludwig van Beethoven"],
            publisher="The Example Times",
            published=date(2022, 5, 1),
        ),
        SourceRecord(kind="webpage", title="Eyes on Amazon", published=date(2021, 1, 1)),
    ]


def test_csl_json_item_without_title_is_rejected_not_the_file():
    batch = parse_csl_json(CSL_JSON)
    assert batch.rejected == [("untitled", "It has no title."), ("Item 5", "It is not a CSL-JSON item ({ … }).")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ('[\n  {"id": "a",\n   "title": "x" "type": "report"}\n]', "This is not valid CSL-JSON: line 3: Expecting ',' delimiter."),
        ("[]", "No CSL-JSON items were found in the file."),
        ('"just a string"', "This is not CSL-JSON: expected a list of items"),
        (b"\x00\x01binary", "This is a binary file, not CSL-JSON."),
    ],
)
def test_malformed_csl_json_is_refused_with_a_clear_message(data, message):
    with pytest.raises(InterchangeError, match="^" + re.escape(message)):
        parse_csl_json(data)


def test_csl_json_export_round_trips_every_kind():
    records = [
        SourceRecord(kind="sec_filing", title="Form 10-K", authors=["Amazon.com, Inc."], published=date(2023, 2, 3)),
        SourceRecord(kind="company_document", title="Human Rights Principles", url="https://example.com/hr"),
        SourceRecord(kind="news", title="Story", authors=["Jane Doe"], publisher="Example News"),
        SourceRecord(kind="law", title="17 C.F.R. § 240.14a-8", accessed=date(2024, 1, 2)),
        SourceRecord(kind="letter", title="Letter to the Board", authors=["Maria Lopez"]),
    ]

    exported = to_csl_json(records)

    assert parse_csl_json(exported).records == records
    first = json.loads(exported)[0]
    assert first["type"] == "report"
    assert first["author"] == [{"literal": "Amazon.com, Inc."}]
    assert first["issued"] == {"date-parts": [[2023, 2, 3]]}


BIBTEX = r"""
@string{afsc = "American Friends Service Committee"}

@techreport{afsc2021,
  title = {Amazon: {C}ompany Profile},
  author = {{American Friends Service Committee}},
  institution = afsc,
  year = 2021, month = oct,
  url = {https://investigate.afsc.org/company/amazon},
  urldate = {2024-03-01}
}

@article{doe2022,
  title = {Warehouse Injuries: 40\% \& Rising},
  author = {Doe, Jane and M{\"u}ller, J{\"o}rg and von Neumann, John},
  journal = {The Example Times},
  date = {2022-05-01}
}

@misc{eyes, title = {Eyes on Amazon}, howpublished = {\url{https://www.eyesonamazon.org/}}, year = {2021}}

@misc{broken, title = {Unclosed,
@misc{notitle, author = {Someone}}
@misc{doe2022, title = {Same key again}}
"""


def test_bibtex_entries_become_source_records():
    batch = parse_bibtex(BIBTEX.encode())

    assert batch.records == [
        SourceRecord(
            kind="report",
            title="Amazon: Company Profile",
            authors=["American Friends Service Committee"],
            publisher="American Friends Service Committee",
            published=date(2021, 10, 1),
            url="https://investigate.afsc.org/company/amazon",
            accessed=date(2024, 3, 1),
        ),
        SourceRecord(
            kind="news",
            title="Warehouse Injuries: 40% & Rising",
            authors=["Jane Doe", "Jörg Müller", "John von Neumann"],
            publisher="The Example Times",
            published=date(2022, 5, 1),
        ),
        SourceRecord(
            kind="webpage", title="Eyes on Amazon", published=date(2021, 1, 1), url="https://www.eyesonamazon.org/"
        ),
    ]


def test_bibtex_problems_are_rejected_per_entry():
    rejected = dict(parse_bibtex(BIBTEX).rejected)
    assert rejected["notitle"] == "It has no title."
    assert rejected["doe2022"] == "Another entry already uses this key."
    assert rejected["Line 22"].startswith("It could not be read: Unexpected block start")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("", "No BibTeX entries were found in the file."),
        ("Just some notes, no entries.", "No BibTeX entries were found in the file."),
        ("@misc{x, title = {never closed}", "No BibTeX entries could be read: line 1: Unexpectedly reached end of file."),
    ],
)
def test_files_without_bibtex_entries_are_refused(data, message):
    with pytest.raises(InterchangeError, match="^" + re.escape(message)):
        parse_bibtex(data)


def test_dedupe_key_uses_the_normalized_url():
    tracked = SourceRecord(kind="webpage", title="A", url="HTTPS://Example.com/story/?utm_source=mail#top")
    plain = SourceRecord(kind="news", title="B", url="https://example.com/story")
    assert dedupe_key(tracked) == dedupe_key(plain) == "url:https://example.com/story"


def test_dedupe_key_without_url_uses_title_and_date():
    curly = SourceRecord(kind="report", title="Amazon’s  Profile.", published=date(2021, 10, 5))
    straight = SourceRecord(kind="report", title="amazon's profile", published=date(2021, 10, 5))
    later = SourceRecord(kind="report", title="amazon's profile", published=date(2022, 10, 5))
    assert dedupe_key(curly) == dedupe_key(straight) == "title:amazon's profile|2021-10-05"
    assert dedupe_key(later) != dedupe_key(straight)
