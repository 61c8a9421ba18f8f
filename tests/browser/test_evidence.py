import pytest
from playwright.sync_api import expect

from evidence import services
from tests.conftest import PASSWORD
from tests.evidence.test_services import first_sentence_under, profile_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SELECT_PASSAGE = """(passage) => {
  const node = document.getElementById("source-text").firstChild;
  const start = node.textContent.indexOf(passage);
  if (start < 0) throw new Error("passage not in the page");
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + passage.length);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""


def test_a_filer_finds_a_source_selects_a_passage_and_saves_it_as_a_snippet(page, live_server, lead, sign_in):
    text = profile_text()
    source = services.source_create(user=lead, kind="report", title="Calder Logistics company profile",
                                    publisher="Research Group", full_text=text)
    services.snippet_capture(user=lead, source=source, quote=first_sentence_under(text, "Driver Classification"))
    passage = first_sentence_under(text, "Political Spending")
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)

    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/evidence/")
    page.get_by_role("searchbox", name="Search").fill("profile")
    page.get_by_role("button", name="Search", exact=True).click()
    page.get_by_role("link", name="Calder Logistics company profile").click()
    expect(page.get_by_role("heading", name="Calder Logistics company profile")).to_be_visible()
    page.wait_for_load_state("domcontentloaded")  # deferred scripts have run

    page.evaluate(SELECT_PASSAGE, passage)
    expect(page.get_by_label("Passage")).to_have_value(passage)
    page.get_by_role("button", name="Save selection as snippet").click()

    expect(page.get_by_role("status")).to_contain_text("Snippet saved at § Political Spending")
    snippets = page.locator("#snippets")
    expect(snippets.get_by_role("heading", name="Snippets (2)")).to_be_visible()
    expect(snippets).to_contain_text(passage)
    expect(page.get_by_label("Passage")).to_have_value("")
    assert problems == []
