"""The lead filer's day, clicked through real pages in Chromium."""
import re

import pytest
from playwright.sync_api import expect

from resolutions.precedents.services import PrecedentFields, precedent_save_import
from tests import factories
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def precedent():
    company = factories.company(name="Example Retail Co.")
    return precedent_save_import(
        structure={"resolved": ["Shareholders request a report on due diligence."],
                   "whereas": ["Retail surveillance is spreading.", "Customers are not told."],
                   "supporting": [], "footnotes": [{"number": 1, "text": "A precedent note.", "urls": []}],
                   "calls": [{"part": "whereas", "index": 0, "number": 1}], "filers": [], "warnings": []},
        fields=PrecedentFields(company=company, meeting_year=2025, title="Surveillance Due Diligence"),
        source_text="demo", resolved_first=False,
    )


def test_start_from_a_precedent_reorder_cite_and_save_a_version(page, live_server, lead, sign_in, precedent):
    factories.snippet(factories.source(title="Camera Report", url="https://example.org/cameras"),
                      quote="Cameras were installed in 400 stores.")
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/precedents/{precedent.pk}/")
    page.get_by_role("link", name="Start a draft from this precedent").click()
    page.get_by_role("button", name="Create draft").click()
    expect(page.get_by_role("heading", name="Surveillance Due Diligence")).to_be_visible()

    notes = page.locator("#footnote-list li")
    expect(notes).to_have_count(1)
    expect(notes.first).to_have_text("A precedent note.")

    # Reorder: move the second recital above the first, from the keyboard-friendly buttons.
    second = page.locator("li.clause").nth(1)
    expect(second.get_by_role("textbox")).to_have_text("Customers are not told.")
    second.get_by_role("button", name="Move clause up").click()
    expect(page.locator("li.clause").first.get_by_role("textbox")).to_have_text("Customers are not told.")

    # Cite a snippet in the (now) first recital: it becomes footnote 1 and the old note 2.
    words_before = int(page.locator("#word-total").inner_text())
    first = page.locator("li.clause").first
    first.get_by_role("textbox").click()
    first.get_by_role("textbox").press("End")
    first.get_by_role("button", name="Cite…").click()
    page.get_by_label("Search the evidence library").fill("cameras")
    page.get_by_role("option", name=re.compile("Cameras were installed")).click()
    expect(first.get_by_role("status")).to_have_text("Saved")
    expect(notes).to_have_count(2)
    expect(notes.nth(1)).to_have_text("A precedent note.")
    expect(notes.first).to_contain_text("Camera Report")
    expect(first.locator(".clause-rendered sup")).to_have_text("1")
    expect(first.get_by_role("textbox").locator(".cite-chip")).to_have_text("footnote 1")
    expect(page.locator("li.clause").nth(1).get_by_role("textbox").locator(".cite-chip")).to_have_text("footnote 2")
    assert first.locator("textarea").input_value().startswith("Customers are not told.[[snippet:")
    assert int(page.locator("#word-total").inner_text()) > words_before

    page.get_by_role("button", name="Save version").click()
    expect(page.get_by_text(re.compile(r"Saved as version 1 \(\w{12}\)"))).to_be_visible()


def test_an_autosave_that_cannot_reach_the_server_keeps_the_text_and_retries(page, live_server, lead, sign_in):
    draft = factories.draft(lead, clauses=[("whereas", "Facts.")])
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/")
    page.route("**/clauses/*/", lambda route: route.abort())
    clause = page.locator("li.clause").first
    clause.get_by_role("textbox").fill("Facts typed while offline.")
    expect(clause.get_by_role("status")).to_contain_text("cannot reach the server")
    expect(clause.get_by_role("textbox")).to_have_text("Facts typed while offline.")
    page.unroute("**/clauses/*/")
    expect(clause.get_by_role("status")).to_have_text("Saved", timeout=15_000)
    assert draft.clauses.get().text == "Facts typed while offline."


def test_an_autosave_after_the_session_expired_says_so_and_keeps_the_text(page, live_server, lead, sign_in):
    draft = factories.draft(lead, clauses=[("whereas", "Facts.")])
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/")
    page.context.clear_cookies(name="sessionid")
    clause = page.locator("li.clause").first
    clause.get_by_role("textbox").fill("Words typed after the session ended.")
    expect(clause.get_by_role("status")).to_contain_text("session expired")
    expect(clause.get_by_role("textbox")).to_have_text("Words typed after the session ended.")
    assert draft.clauses.get().text == "Facts."


def one_empty_clause(page, live_server, lead, sign_in, kind):
    """A new draft with one empty clause of ``kind``, open in the editor: the draft, the clause's card, its surface."""
    draft = factories.draft(lead, clauses=[(kind, "")])
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/")
    clause = page.locator("li.clause").first
    return draft, clause, clause.get_by_role("textbox", name=re.compile(r"^Text of .* clause$"))


def test_bold_and_a_link_from_the_keyboard_are_saved_as_sanitized_markup(page, live_server, lead, sign_in):
    draft, clause, surface = one_empty_clause(page, live_server, lead, sign_in, "whereas")
    surface.fill("Revenue doubled.")
    surface.evaluate("s => getSelection().setBaseAndExtent(s.firstChild, 0, s.firstChild, 7)")
    surface.press("Control+b")
    expect(surface.locator("b")).to_have_text("Revenue")
    surface.evaluate("s => getSelection().setBaseAndExtent(s.lastChild, 1, s.lastChild, 8)")  # "doubled"
    page.once("dialog", lambda dialog: dialog.accept("example.org/results"))  # the scheme is added
    surface.press("Control+k")
    expect(surface.locator("a")).to_have_attribute("href", "https://example.org/results")
    expect(clause.get_by_role("status")).to_have_text("Saved")
    expect(clause.locator(".clause-rendered b")).to_have_text("Revenue")
    page.wait_for_function("() => document.querySelector('.clause-rendered a')")
    assert draft.clauses.get().text == ('<b>Revenue</b> <a href="https://example.org/results" rel="noopener noreferrer nofollow">'
                                        'doubled</a>.')


def test_the_clause_surface_keeps_one_paragraph_pastes_plain_text_and_makes_lists(page, live_server, lead, sign_in):
    draft, clause, surface = one_empty_clause(page, live_server, lead, sign_in, "supporting")

    surface.click()
    surface.press_sequentially("Water risk grows")
    surface.press("Enter")  # a clause is one paragraph: Enter adds nothing
    with page.expect_response(lambda r: "/clauses/" in r.url and "basins" in (r.request.post_data or "")):
        surface.evaluate("""s => {
            const data = new DataTransfer();
            data.setData("text/html", '<span style="color:red">in three basins</span>');
            data.setData("text/plain", " in three basins.");
            s.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""")  # under load an autosave of the typed words alone can say "Saved" first: wait for the paste's
    expect(clause.get_by_role("status")).to_have_text("Saved")
    assert draft.clauses.get().text == "Water risk grows in three basins."

    surface.evaluate("s => getSelection().selectAllChildren(s)")
    with page.expect_response(re.compile(r"/clauses/\d+/$")):
        clause.get_by_role("button", name="Bullet list").click()
    expect(surface.locator("li")).to_have_text("Water risk grows in three basins.")
    assert draft.clauses.get().text == "<ul><li>Water risk grows in three basins.</li></ul>"


def test_markup_a_clause_may_not_hold_never_reaches_the_editor(page, live_server, lead, sign_in):
    stored = ('Costs <b>rose</b><img src="/x" onerror="window.pwned = 1"> <a href="javascript:window.pwned = 2">here</a> '
              '<a href="https://example.org/r">there</a>[[snippet:12]]<cite data-marker="<b>x</b>">y</cite>')
    draft = factories.draft(lead, clauses=[("whereas", stored)])  # written past the sanitizer, as a bug might
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/")
    surface = page.locator("li.clause").first.get_by_role("textbox")

    expect(surface.locator(".cite-chip")).to_have_count(1)
    assert surface.evaluate("s => s.innerHTML") == (
        'Costs <b>rose</b> <a>here</a> <a href="https://example.org/r">there</a>'
        '<span class="cite-chip" contenteditable="false" data-marker="[[snippet:12]]" title="">'
        '<span class="visually-hidden">footnote, numbered when saved</span><span aria-hidden="true">…</span></span>y')
    assert page.evaluate("window.pwned") is None


def test_words_typed_just_before_another_action_are_saved_first(page, live_server, lead, sign_in):
    draft = factories.draft(lead, clauses=[("whereas", "Facts."), ("resolved", "Shareholders request a report.")])
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/")
    first = page.locator("li.clause").first

    first.get_by_role("textbox").fill("Facts typed a moment before moving.")
    first.get_by_role("button", name="Move clause down").click()  # before the autosave's quiet period ends
    expect(page.locator("li.clause").nth(1).get_by_role("textbox")).to_have_text("Facts typed a moment before moving.")

    page.locator("li.clause").first.get_by_role("textbox").fill("Shareholders request a report now.")
    page.get_by_role("button", name="Save version").click()
    expect(page.get_by_text(re.compile(r"Saved as version 1"))).to_be_visible()
    parts = [part["source"] for part in draft.versions.get().content["parts"]]
    assert parts == ["Shareholders request a report now.", "Facts typed a moment before moving."]
