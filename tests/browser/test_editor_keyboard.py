"""The editor from the keyboard alone: every action leaves the focus where the user acts next."""
import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, locator, *, most=3) -> int:
    """Press Tab until ``locator`` has the focus, at most ``most`` times; how many it took."""
    for count in range(1, most + 1):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return count
    raise AssertionError(f"{locator} not reached in {most} Tabs; the focus is on "
                         + page.evaluate("document.activeElement.outerHTML.slice(0, 200)"))


def test_open_add_type_cite_move_and_save_without_the_mouse(page, live_server, lead, sign_in):
    flaring = factories.snippet(factories.source(title="Flare Survey"), quote="Flaring doubled in the basin.", pinpoint="p. 7")
    draft = factories.draft(lead, clauses=[("whereas", "Methane leaks."), ("resolved", "Shareholders request a report.")])
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/")

    tab_to(page, page.get_by_role("link", name="Skip to content"))
    page.keyboard.press("Enter")
    expect(page.get_by_label("Kind of clause to add")).to_have_value("whereas")
    tab_to(page, page.get_by_role("button", name="Add clause"))
    page.keyboard.press("Enter")

    added = page.locator("li.clause").nth(1)  # after the last recital, before RESOLVED
    surface = added.get_by_role("textbox")
    expect(surface).to_be_focused()
    page.keyboard.type("Flaring doubled")
    expect(added.get_by_role("status")).to_have_text("Saved")

    tab_to(page, added.get_by_role("button", name="Cite…"), most=1)
    page.keyboard.press("Enter")
    expect(page.get_by_label("Search the evidence library")).to_be_focused()
    page.keyboard.type("flaring")
    result = page.get_by_role("option", name=re.compile("Flaring doubled in the basin"))
    expect(result).to_be_visible()
    tab_to(page, result, most=1)
    page.keyboard.press("Enter")
    expect(page.locator("#cite-modal")).to_be_hidden()
    expect(surface).to_be_focused()
    expect(surface.locator(".cite-chip")).to_have_text("footnote 1")
    expect(added.get_by_role("status")).to_have_text("Saved")

    tab_to(page, added.get_by_role("button", name="Move clause up"), most=3)
    page.keyboard.press("Enter")
    first = page.locator("li.clause").first
    expect(first.get_by_role("textbox")).to_contain_text("Flaring doubled")
    expect(first.get_by_role("button", name="Move clause up")).to_be_focused()  # press again to move further

    page.keyboard.press("Control+s")
    expect(page.get_by_text(re.compile(r"Saved as version 1"))).to_be_visible()
    assert [c.text for c in draft.clauses.order_by("position")] == [
        f"Flaring doubled[[snippet:{flaring.pk}]]", "Methane leaks.", "Shareholders request a report."]
    # What a screen reader is given, in the order the Tab key goes (the chip reads "footnote 1", above).
    expect(page.locator("li.clause").first).to_match_aria_snapshot("""
      - listitem:
        - combobox "Kind of clause"
        - textbox "Text of WHEREAS clause"
        - button "Cite…"
        - button "Move clause up"
        - button "Move clause down"
        - group "Formatting"
        - button "Delete"
    """)


def test_a_deleted_clause_hands_the_focus_to_the_next_one(page, live_server, lead, sign_in):
    draft = factories.draft(lead, clauses=[("whereas", "Methane leaks."), ("whereas", "Flaring rose."),
                                           ("resolved", "Shareholders request a report.")])
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("li.clause").first.get_by_role("button", name="Delete").press("Enter")
    expect(page.locator("li.clause")).to_have_count(2)
    expect(page.locator("li.clause").first.get_by_role("textbox")).to_be_focused()
    expect(page.locator("li.clause").first.get_by_role("textbox")).to_have_text("Flaring rose.")


@pytest.mark.parametrize("resolved_first", [False, True])
def test_a_new_recital_goes_after_the_last_recital_and_a_new_resolved_at_the_end_of_its_part(
        page, live_server, lead, sign_in, resolved_first):
    parts = [("whereas", "Methane leaks."), ("whereas", "Flaring rose."), ("resolved", "Shareholders request a report."),
             ("supporting", "We urge a vote for.")]
    if resolved_first:
        parts = [parts[2], parts[0], parts[1], parts[3]]
    draft = factories.draft(lead, clauses=parts, resolved_first=resolved_first)
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/")
    page.get_by_role("button", name="Add clause").click()
    expect(page.locator("li.clause")).to_have_count(5)
    page.get_by_label("Kind of clause to add").select_option(label="RESOLVED")
    page.get_by_role("button", name="Add clause").click()
    expect(page.locator("li.clause")).to_have_count(6)
    expected = (["resolved", "resolved", "whereas", "whereas", "whereas", "supporting"] if resolved_first else
                ["whereas", "whereas", "whereas", "resolved", "resolved", "supporting"])
    assert [c.kind for c in draft.clauses.order_by("position")] == expected
    new_recital = draft.clauses.filter(kind="whereas", text="").get()
    expect(page.locator(f"#clause-{draft.clauses.filter(kind='resolved', text='').get().pk}").get_by_role("textbox")
           ).to_be_focused()
    assert new_recital.position == (4 if resolved_first else 2)
