"""A proposal's caption and the proponent's own title (importer/proxy/captions.py), on proxy text written here."""

import pytest

from resolutions.precedents.importer.proxy.document import split_proxy
from resolutions.precedents.importer.proxy.lines import proxy_lines_from_text
from tests.corpus import fixture_text

HEADED = """Notice of the 2026 Annual Meeting of Shareholders of Linden Mills Inc. and proxy statement

Item 5 — Shareholder Proposal to Report on Hedgerow Planting

Hazel Fund has notified us that it intends to present the following proposal at the meeting.

Supporting Statement

Hedgerows for Pollinators

WHEREAS: our farms have lost most of their hedgerows over twenty years.

RESOLVED: shareholders ask the board to report each year on the hedgerows it plants.

SUPPORTING STATEMENT: Planting costs little and the report would take one page.

__________________

Board of Directors’ Statement in Opposition

The board recommends a vote AGAINST this proposal: we already report on our land.
"""


def test_a_company_supporting_statement_heading_over_the_whole_text_is_not_the_proponents():
    [proposal] = split_proxy(*proxy_lines_from_text(HEADED)).proposals
    assert proposal.title == "Hedgerows for Pollinators"
    assert (len(proposal.whereas), len(proposal.resolved)) == (1, 1)
    assert proposal.supporting == ["Planting costs little and the report would take one page."]


def test_a_rule_drawn_under_the_proponents_text_is_left_out_as_a_rule():
    [proposal] = split_proxy(*proxy_lines_from_text(HEADED)).proposals
    assert {"line": "__________________", "page": 1, "reason": "rule"} in proposal.left_out


@pytest.mark.parametrize("caption", [
    "Shareholder Proposal on Orchard Records (Item 5 on the Proxy Card)", "5. Shareholder Proposal on Orchard Records",
    "Agenda Item 5: Shareholder Proposal on Orchard Records", "PROPOSAL #5 — SHAREHOLDER PROPOSAL ON ORCHARD RECORDS",
    "Shareholder Proposal No. 5 — Shareholder Proposal on Orchard Records", "Item 5 — Shareholder Proposal on Orchard Records",
])
def test_the_item_number_comes_from_the_caption_however_it_is_labelled_and_the_title_without_the_label(caption):
    text = fixture_text("proxy-board-statement-headings.txt").replace("HEADING", caption, 1).replace(
        "HEADING", "Board of Directors’ Statement in Opposition")
    [proposal] = split_proxy(*proxy_lines_from_text(text)).proposals
    assert (proposal.item, proposal.title) == ("5", "Shareholder Proposal on Orchard Records")
