"""The proxy-statement splitter on the real DEF 14A files in ../shared/corpus/proxy-statements/.

Skipped when the corpus is not beside the repository. Per file the number of shareholder
proposals must match; per proposal the fields are compared and the differences reported;
the share of exactly-right proposals and of right fields may not fall below what the
splitter reaches today (scripts/proxy_score.py prints the same figures).
"""

import json

import pytest

from resolutions.precedents.importer.proxy_reader import read_proxy
from tests import corpus

CORPUS = corpus.CORPUS / "proxy-statements"
EXPECTED = sorted(CORPUS.glob("*.expected.json")) if CORPUS.is_dir() else []
# Floors: raise them as the splitter gets better, never lower them.
MIN_EXACT = 33
MIN_FIELD_SHARE = 1.0
MIN_FILES_WITH_ALL_ITEMS = 12

pytestmark = pytest.mark.skipif(not EXPECTED, reason="the real proxy statements (../shared/corpus) are not here")


def compare(expected, proposal):
    """Field -> (expected, found). A request without the word RESOLVED counts as 0 RESOLVED clauses."""
    marker = (proposal.resolution_marker or "").lower()
    representatives = []
    for proponent in proposal.proponents:
        if proponent.representative and proponent.representative not in representatives:
            representatives.append(proponent.representative)
    return {
        "title": (expected["title"], proposal.title),
        "proponents": (expected["proponents"], [p.name for p in proposal.proponents]),
        "representatives": (expected["representatives"], representatives),
        "resolved_count": (expected["resolved_count"], len(proposal.resolved) if "resolved" in marker else 0),
        "whereas_count": (expected["whereas_count"], len(proposal.whereas)),
        "supporting_count": (expected["supporting_count"], len(proposal.supporting)),
        "footnote_numbers": (expected["footnote_numbers"], [note.number for note in proposal.footnotes]),
        "pages": (expected["pages"], proposal.pages),
        "board_recommendation": (expected["board_recommendation"], proposal.board_recommendation),
    }


@pytest.fixture(scope="module")
def results():
    found = {}
    for path in EXPECTED:
        expected = json.loads(path.read_text())
        found[expected["file"]] = (expected, read_proxy(expected["file"], (CORPUS / expected["file"]).read_bytes()))
    return found


def test_every_file_gives_its_number_of_shareholder_proposals_with_their_items(results):
    wrong = {
        name: ([p["item"] for p in expected["proposals"]], [p.item for p in statement.proposals])
        for name, (expected, statement) in results.items()
        if [p["item"] for p in expected["proposals"]] != [p.item for p in statement.proposals]
    }
    assert len(results) - len(wrong) >= MIN_FILES_WITH_ALL_ITEMS, wrong


def test_meeting_year_comes_from_the_cover(results):
    wrong = {name: (e["meeting_year"], s.meeting_year) for name, (e, s) in results.items() if e["meeting_year"] != s.meeting_year}
    assert not wrong, wrong


def _folded(name: str) -> str:
    return (name or "").replace("’", "'").casefold()


def test_company_comes_from_the_cover(results):
    wrong = {name: (e["company"], s.company) for name, (e, s) in results.items() if _folded(e["company"]) != _folded(s.company)}
    assert not wrong, wrong


def test_proposals_match_their_labels_at_least_as_well_as_before(results, capsys):
    exact = fields = right = 0
    report = []
    for name, (expected, statement) in results.items():
        by_item = {proposal.item: proposal for proposal in statement.proposals}
        for want in expected["proposals"]:
            proposal = by_item.get(want["item"])
            comparison = compare(want, proposal) if proposal else {}
            differences = {k: v for k, v in comparison.items() if v[0] != v[1]} if proposal else {"missing": 1}
            fields += 9
            right += 9 - len(differences) if proposal else 0
            exact += not differences
            if differences:
                report.append(f"{name} item {want['item']}: {differences}")
    with capsys.disabled():
        print(f"\nproxy corpus: {exact} proposals exactly right, {100 * right / fields:.1f} % of fields")
    assert exact >= MIN_EXACT, "\n".join(report)
    assert right / fields >= MIN_FIELD_SHARE, "\n".join(report)
