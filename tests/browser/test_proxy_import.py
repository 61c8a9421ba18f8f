"""A curator uploads a whole proxy statement PDF, reviews every shareholder proposal in it, saves two,
and finds them in search with their proponents and the board's statement on their pages."""
import html
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from weasyprint import HTML

from tests.browser.test_accessibility import RULES
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FIXTURE = Path(__file__).resolve().parents[1] / "resolutions" / "fixtures" / "proxy" / "harbor-lights-2026.txt"
PAGE_CSS = """
@page { size: Letter; margin: 2cm 2cm 2.5cm;
  @top-right { content: "Harbor Lights Holdings | 2026 Proxy Statement"; font-size: 8pt }
  @bottom-center { content: counter(page); font-size: 8pt } }
body { font: 11pt serif } h2 { font-size: 15pt; break-before: page } h2.same-page { break-before: auto }
"""


def proxy_pdf() -> bytes:
    """The fixture's text set as a proxy statement: items as headings, each starting a page."""
    body = []
    for block in FIXTURE.read_text().split("\n\n"):
        text = html.escape(block.strip()).replace("\n", "<br>")
        if block.startswith(("Item ", "HARBOR")):
            body.append(f"<h2{' class=same-page' if block.startswith('HARBOR') else ''}>{text}</h2>")
        else:
            body.append(f"<p>{text}</p>")
    return HTML(string=f"<style>{PAGE_CSS}</style>{''.join(body)}").write_pdf()


def test_upload_a_proxy_review_its_proposals_save_two_and_find_them(page, live_server, curator, sign_in, tmp_path):
    path = tmp_path / "harbor-lights-2026-proxy.pdf"
    path.write_bytes(proxy_pdf())
    sign_in(page, curator.email, PASSWORD)
    page.goto(f"{live_server.url}/precedents/")
    page.get_by_role("link", name="Import a proxy statement").click()
    page.get_by_label("Proxy statement").set_input_files(str(path))
    page.get_by_role("button", name="Read the proxy statement").click()

    expect(page.get_by_role("heading", name="Shareholder proposals in harbor-lights-2026-proxy.pdf")).to_be_visible()
    water = page.get_by_role("region", name="Report on Water Risk in Our Supply Chain")
    majority = page.get_by_role("region", name="Simple Majority Vote")
    expect(water).to_contain_text("Riverbend Pension Fund, represented by Clearwater Stewardship Partners")
    expect(water).to_contain_text("a vote against")
    expect(majority).to_contain_text("not disclosed")
    expect(page.get_by_label("Company")).to_have_value("HARBOR LIGHTS HOLDINGS, INC.")
    expect(page.get_by_label("Meeting year")).to_have_value("2026")
    found = [f"{v['id']} ({v['impact']}) at {v['nodes'][0]['target']}"
             for v in Axe().run(page, options=RULES).response["violations"]]
    assert not found, "\n".join(found)

    water.get_by_text("The board's statement").click()  # a <details>, opened from the keyboard too
    expect(water).to_contain_text("existing sustainability report")
    page.get_by_label("Company").fill("Harbor Lights Holdings, Inc.")
    water.get_by_role("button", name="Save item 4").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("“Report on Water Risk in Our Supply Chain” was saved in the precedent library.")).to_be_visible()
    expect(water).to_contain_text("Saved")
    majority.get_by_role("button", name="Save item 5").click()
    expect(page.get_by_text("“Simple Majority Vote” was saved in the precedent library.")).to_be_visible()

    page.goto(f"{live_server.url}/precedents/")
    page.get_by_role("searchbox", name="Search").fill("water shortages")
    page.get_by_role("button", name="Search", exact=True).click()
    page.get_by_role("link", name="Report on Water Risk in Our Supply Chain").click()
    expect(page.get_by_role("listitem").filter(has_text="Riverbend Pension Fund")).to_contain_text("Lead")
    expect(page.get_by_role("heading", name="The board’s statement")).to_be_visible()
    expect(page.get_by_text("Board’s recommendation: Against")).to_be_visible()
