"""Whole proxy statements: every shareholder proposal found and split, as filed (issue #16).

The fixtures in tests/resolutions/fixtures/proxy/ are written in our own words; the PDF ones
are made here with WeasyPrint so that page heads, footers and page breaks are real.
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from weasyprint import HTML

from resolutions.precedents.importer import DocumentError
from resolutions.precedents.importer.proxy.proponents import parse_proponents
from resolutions.precedents.importer.proxy_reader import read_proxy

FIXTURES = Path(__file__).parent / "fixtures" / "proxy"


def _run(*args):
    out = StringIO()
    call_command("import_proxy", *args, stdout=out)
    return out.getvalue()


def test_dry_run_json_lists_each_shareholder_proposal_in_the_issue_shape():
    [document] = json.loads(_run(str(FIXTURES / "harbor-lights-2026.txt"), "--dry-run", "--json"))
    assert set(document) == {"file", "company", "meeting_year", "pages", "proposals", "skipped", "warnings"}
    assert (document["company"], document["meeting_year"]) == ("HARBOR LIGHTS HOLDINGS, INC.", 2026)
    water, majority = document["proposals"]
    assert set(water) == {
        "item", "caption", "title", "pages", "proponents", "preamble", "resolved", "whereas", "supporting",
        "footnotes", "calls", "opposition", "board_recommendation", "left_out", "warnings",
    }
    assert water["item"] == "4"
    assert water["title"] == "Report on Water Risk in Our Supply Chain"
    assert water["proponents"] == [
        {"name": "Riverbend Pension Fund", "organization": "", "representative": "Clearwater Stewardship Partners"}
    ]
    assert water["preamble"].startswith("Riverbend Pension Fund, represented by")
    assert [len(water[kind]) for kind in ("whereas", "resolved", "supporting")] == [2, 1, 1]
    assert water["resolved"][0].startswith("Stockholders request that the board publish a report")
    assert [note["number"] for note in water["footnotes"]] == [1, 2]
    assert water["calls"] == [{"part": "whereas", "index": 0, "number": 1}, {"part": "whereas", "index": 1, "number": 2}]
    assert water["opposition"].startswith("Board of Directors' Statement in Opposition")
    assert "Simple Majority" not in water["opposition"]
    assert "existing sustainability report" not in " ".join(water["supporting"])
    assert water["board_recommendation"] == "against"
    assert water["left_out"] == [{"line": "Table of Contents", "page": 1, "reason": "contents link"}]
    # spelled-out item number, unnamed proponent, a request without RESOLVED, no recommendation
    assert majority["item"] == "5"
    assert majority["title"] == "Simple Majority Vote"
    assert majority["proponents"] == [{"name": "not disclosed", "organization": "", "representative": ""}]
    assert majority["resolved"][0].startswith("Stockholders request that our board")
    assert majority["board_recommendation"] == "none"
    assert [(item["item"], item["reason"]) for item in document["skipped"]] == [
        ("1", "management proposal"), ("2", "management proposal"), ("3", "management proposal"),
    ]


def test_a_proxy_without_shareholder_proposals_says_so():
    [document] = json.loads(_run(str(FIXTURES / "no-stockholder-proposals.txt"), "--dry-run", "--json"))
    assert document["proposals"] == []
    assert document["warnings"] == ["No shareholder proposals were found in this document."]


def test_an_annual_report_is_not_taken_for_a_proxy():
    [document] = json.loads(_run(str(FIXTURES / "annual-report.txt"), "--dry-run", "--json"))
    assert document["proposals"] == []
    assert "does not look like a proxy statement" in document["warnings"][0]


def test_a_file_that_cannot_be_read_stops_the_command_with_the_reason(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(HTML(string="<p style='height: 5cm; background: black'></p>").write_pdf())
    with pytest.raises(CommandError, match="no text layer"):
        _run(str(scan), "--dry-run", "--json")
    with pytest.raises(CommandError, match="cannot read the file"):
        _run(str(tmp_path / "missing.pdf"), "--dry-run")


def test_a_file_over_the_proxy_limit_is_refused(settings, tmp_path):
    settings.MAX_PROXY_BYTES = 100
    big = tmp_path / "big.txt"
    big.write_text((FIXTURES / "harbor-lights-2026.txt").read_text())
    with pytest.raises(CommandError, match="the limit for a proxy statement is"):
        _run(str(big), "--dry-run")


def test_saving_brings_in_each_proposal_and_a_second_run_updates_them(db, lead_client):
    from resolutions.models import Precedent

    _run(str(FIXTURES / "harbor-lights-2026.txt"))
    assert Precedent.objects.count() == 2
    water = Precedent.objects.get(title="Report on Water Risk in Our Supply Chain")
    assert (water.company.name, water.meeting_year) == ("HARBOR LIGHTS HOLDINGS, INC.", 2026)
    assert water.board_recommendation == "against"
    assert water.board_statement.startswith("Board of Directors' Statement in Opposition")
    assert water.preamble.startswith("Riverbend Pension Fund, represented by")
    assert all("sustainability report" not in part.text for part in water.parts.all())
    page = lead_client.get(water.get_absolute_url()).content.decode()
    assert "The board’s statement" in page and "already covers water use" in page
    assert "Board’s recommendation: <strong>Against</strong>" in page
    assert [filer.organization for filer in water.filers.all()] == ["Riverbend Pension Fund"]
    output = _run(str(FIXTURES / "harbor-lights-2026.txt"))
    assert output.count("updated as precedent") == 2
    assert Precedent.objects.count() == 2


@pytest.mark.parametrize(
    ("preamble", "names", "representatives"),
    [
        ("Our company has been advised that the Lakeside Teachers Fund, represented by North Shore Advisors, "
         "intends to submit the following proposal.", ["Lakeside Teachers Fund"], ["North Shore Advisors"]),
        ("Ana Ruiz and Peter Holm, c/o Greenleaf Capital, 12 Main Street, Springfield, submitted the following "
         "proposal.", ["Ana Ruiz", "Peter Holm"], ["Greenleaf Capital", "Greenleaf Capital"]),
        ("The Owners Forum, on behalf of Alder Fund (lead filer) and Birch Trust (co-filer), has advised us that it "
         "intends to present the following proposal.", ["Alder Fund", "Birch Trust"], ["Owners Forum", "Owners Forum"]),
        ("Mr. Sam Ortiz, 4 Elm Road, Rivertown, NY 10001, who owns 300 shares, has notified us that he will present "
         "the following proposal.", ["Sam Ortiz"], [""]),
        ("The Center for Fair Markets (“CFM”) has notified us that it intends to submit this proposal.",
         ["Center for Fair Markets"], [""]),
        ("The Society of Mercy and Grace and a co-filer have notified us that they will present the following proposal.",
         ["Society of Mercy and Grace"], [""]),
    ],
)
def test_proponents_and_representatives_come_from_the_preamble(preamble, names, representatives):
    proponents = parse_proponents(preamble)
    assert [p.name for p in proponents] == names
    assert [p.representative for p in proponents] == representatives


PAGE_CSS = """
@page { size: Letter; margin: 2cm 2cm 2.5cm;
  @top-left { content: "Lantern Foods Inc. | 2026 Proxy Statement"; font-size: 8pt }
  @bottom-center { content: counter(page); font-size: 8pt } }
body { font: 10pt serif } h2 { font-size: 16pt } .note { font-size: 7pt } sup { font-size: 6pt }
"""


def _proxy_pdf(body: str) -> bytes:
    return HTML(string=f"<style>{PAGE_CSS}</style>{body}").write_pdf()


def test_a_pdf_proxy_leaves_out_running_heads_and_page_numbers_and_joins_a_paragraph_split_by_a_page():
    filler = "".join(f"<p>Director nominee number {n} has served on boards for many years.</p>" for n in range(30))
    long_recital = " ".join(["Packaging waste keeps rising across our markets and our peers report on it."] * 14)
    body = (
        "<h1>LANTERN FOODS INC.</h1><p>Notice of 2026 Annual Meeting of Shareholders</p>"
        f"<h2>Proposal 1 Election of Directors</h2>{filler}"
        "<h2>Proposal 4 Shareholder Proposal on Packaging</h2>"
        "<p>Meadow Trust has notified us that it intends to present the following proposal at the meeting.</p>"
        "<p><b>Report on Plastic Packaging</b></p>"
        f"<p>WHEREAS: {long_recital}<sup>1</sup></p>"
        "<p>RESOLVED: Shareholders request a report on cutting plastic packaging by half.</p>"
        "<p class='note'>1 https://example.org/packaging-study</p>"
        "<h2>Board of Directors’ Statement in Opposition</h2>"
        "<p>The board recommends a vote FOR this proposal, which matches our own plans.</p>"
    )
    statement = read_proxy("lantern.pdf", _proxy_pdf(body))
    assert (statement.company, statement.meeting_year) == ("LANTERN FOODS INC.", 2026)
    [proposal] = statement.proposals
    assert proposal.item == "4" and proposal.title == "Report on Plastic Packaging"
    assert [p.name for p in proposal.proponents] == ["Meadow Trust"]
    assert len(proposal.whereas) == 1 and len(proposal.resolved) == 1
    assert [n.number for n in proposal.footnotes] == [1]
    assert proposal.board_recommendation == "for"
    text = " ".join(proposal.whereas + proposal.resolved + proposal.supporting)
    assert "Proxy Statement" not in text
    reasons = {item["reason"] for item in proposal.left_out}
    assert "running head" in reasons and "page number" in reasons
    assert proposal.pages[0] < proposal.pages[1] or len(proposal.whereas) == 1


def test_unsupported_file_types_are_refused_with_a_reason():
    with pytest.raises(DocumentError, match="cannot be read as a proxy statement"):
        read_proxy("proxy.docx", b"PK\x03\x04")


def test_edgar_html_is_read_by_block_and_page_break():
    html = (FIXTURES / "harbor-lights-2026.txt").read_text().replace("\n\n", "</p><p>")
    statement = read_proxy("harbor.htm", f"<html><body><p>{html}</p></body></html>".encode())
    assert [proposal.item for proposal in statement.proposals] == ["4", "5"]


def test_import_resolutions_separates_a_proposal_copied_out_of_a_proxy_statement():
    out = StringIO()
    call_command("import_resolutions", str(FIXTURES / "copied-single-proposal.txt"), "--dry-run", "--json", stdout=out)
    [data] = json.loads(out.getvalue())
    assert data["title"] == "Living Wage Assessment"
    assert data["whereas"] == ["Many of our store employees earn less than the local cost of living."]
    assert data["resolved"][0].startswith("Shareholders ask the board to report")
    assert data["preamble"].startswith("The Orchard Workers Fund has notified us")
    assert data["opposition"].startswith("Our Board's Statement in Opposition")
    assert data["left_out"] == [{"line": "Back to Contents", "page": 1, "reason": "contents link"}]
    assert data["filers"] == [{"name": "", "organization": "Orchard Workers Fund", "lead": True}]


def test_import_resolutions_keeps_its_format_for_a_plain_resolution_and_adds_empty_proxy_keys():
    out = StringIO()
    path = FIXTURES.parent / "deforestation-resolved-last.txt"
    call_command("import_resolutions", str(path), "--dry-run", "--json", stdout=out)
    [data] = json.loads(out.getvalue())
    assert list(data) == [
        "file", "title", "resolved", "whereas", "supporting", "footnotes", "calls", "filers", "warnings",
        "preamble", "opposition", "left_out",
    ]
    assert (data["preamble"], data["opposition"], data["left_out"]) == ("", "", [])
    assert data["resolved"]


SIDE_CSS = """
@page { size: Letter; margin: 2cm 2cm 2.5cm;
  @top-left { content: "Shareholder Proposals - " string(item); font-size: 8pt }
  @bottom-left { content: counter(page) "  2026 Proxy Statement"; font-size: 8pt } }
body { font: 10pt serif } h2 { font-size: 16pt; string-set: item content(); break-before: page }
.side { float: left; width: 2.2cm; font-size: 14pt; line-height: 1.6 } .side + p { margin-left: 2.6cm }
"""


def test_a_side_label_a_section_head_a_footer_number_and_a_one_line_recommendation_heading():
    """A "What am I voting on?" label stacked beside the preamble, running heads naming the item,
    page numbers before the footer's words, and the board's recommendation as a one-line heading."""
    career = " ".join(["Before joining Brightwater Mills Inc. this nominee ran a regional grocery chain."] * 4)
    filler = "".join(f"<p>Nominee {n}. {career}</p>" for n in range(14))
    body = (
        "<p>Notice of 2026 Annual Meeting of Shareholders of Brightwater Mills Inc.</p>"
        f"<h2>Proposal 1 Election of Directors</h2>{filler}"
        "<h2>Proposal 4 Report on Seed Patents</h2>"
        "<div class='side'>What<br>am I<br>voting<br>on?</div>"
        "<p>Orchard Commons Fund has notified Brightwater that it intends to present this proposal.</p>"
        "<p>Brightwater is not responsible for the proposal's content.</p>"
        "<p>Proposal 4 - Seed Patent Transparency</p>"
        "<p>RESOLVED: Shareholders ask for a report on our seed patents.</p>"
        "<p>Supporting Statement: Growers have told regulators that licence terms change every season.</p>"
        "<p>The Board of Directors Unanimously Recommends That Shareholders Vote Against This Proposal</p>"
        "<p>We already publish our licence terms and meet growers every year.</p>"
    )
    statement = read_proxy("brightwater.pdf", HTML(string=f"<style>{SIDE_CSS}</style>{body}").write_pdf())
    [proposal] = statement.proposals
    assert statement.company == "Brightwater Mills Inc."
    assert proposal.title == "Seed Patent Transparency"
    assert [p.name for p in proposal.proponents] == ["Orchard Commons Fund"]
    assert (len(proposal.resolved), len(proposal.supporting), len(proposal.whereas)) == (1, 1, 0)
    assert proposal.board_recommendation == "against"
    assert "licence terms" in proposal.opposition and "licence terms change" not in proposal.opposition
    reasons = {(item["line"], item["reason"]) for item in proposal.left_out}
    assert ("What", "side label") in reasons
    assert any(reason == "running head" and "Shareholder Proposals" in line for line, reason in reasons)
    text = " ".join(proposal.resolved + proposal.supporting + [proposal.preamble])
    assert "voting" not in text and "Proxy Statement" not in text
