"""Regressions from a filer's working day in the editor, each clicked through in Chromium."""
import re

import pytest
from playwright.sync_api import expect

from resolutions.drafts.limits import DraftLimits
from tests import factories
from tests.browser.test_drafting import one_empty_clause
from tests.conftest import PASSWORD

MAX_CLAUSE_CHARS = DraftLimits().clause_chars

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def paste(surface, text):
    surface.evaluate("""(s, text) => {
        const data = new DataTransfer();
        data.setData("text/plain", text);
        s.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
    }""", text)


@pytest.mark.parametrize("length", [MAX_CLAUSE_CHARS + 5_160, 404_000])
def test_a_paste_over_the_limit_keeps_every_character_and_says_how_far_over(page, live_server, lead, sign_in, length):
    draft, clause, surface = one_empty_clause(page, live_server, lead, sign_in, "whereas")
    surface.click()
    text = ("Methane leaks from wells. " * (length // 26 + 1))[:length]
    paste(surface, text)
    expect(clause.get_by_role("status")).to_have_text(
        f"Not saved: This clause is {length:,} characters, {length - MAX_CLAUSE_CHARS:,} over the limit of "
        f"{MAX_CLAUSE_CHARS:,}. Shorten it or split it into two clauses.")
    assert len(surface.inner_text()) == length

    page.get_by_role("button", name="Save version").click()  # a full-page action would reload over the text
    expect(surface).to_be_focused()
    assert len(surface.inner_text()) == length
    expect(page.get_by_role("heading", name=draft.title)).to_be_visible()
    expect(page.locator("#checks")).to_contain_text("Rule 14a-8 checks")
    assert draft.clauses.get().text == "" and not draft.versions.exists()


def test_a_paste_over_the_limit_is_refused_by_the_server_too(page, live_server, lead, sign_in):
    draft, clause, surface = one_empty_clause(page, live_server, lead, sign_in, "whereas")
    page.evaluate("document.getElementById('workspace').dataset.maxChars = '1000000'")  # as a stale page might
    surface.click()
    paste(surface, "x" * (MAX_CLAUSE_CHARS + 1))
    expect(clause.get_by_role("status")).to_have_text(re.compile(r"^Not saved: This clause is 20,001 characters, 1 over"))
    expect(page.locator("li.clause")).to_have_count(1)
    expect(page.locator("#checks")).to_contain_text("Rule 14a-8 checks")
    assert len(surface.inner_text()) == MAX_CLAUSE_CHARS + 1


def test_add_clause_after_an_autosave_in_the_same_tab_is_not_refused(page, live_server, lead, sign_in):
    draft, clause, surface = one_empty_clause(page, live_server, lead, sign_in, "whereas")
    surface.fill("Methane is a potent greenhouse gas.")
    expect(clause.get_by_role("status")).to_have_text("Saved")
    page.get_by_role("button", name="Add clause").click()
    expect(page.locator("li.clause")).to_have_count(2)
    expect(page.get_by_text("Someone else saved this draft first")).to_have_count(0)
    page.locator("details", has_text="Draft settings").locator("summary").click()
    page.get_by_label("Title").fill("Methane Disclosure")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Draft settings saved.")).to_be_visible()


def test_the_resubmission_check_cannot_tell_without_topics_and_finds_the_votes_once_topics_are_set(
        page, live_server, lead, sign_in):
    methane = factories.topic("Methane")
    company = factories.company(name="Gas Pipeline Co.")
    for year, support in ((2024, "12.4"), (2025, "9.1")):
        factories.precedent(company=company, meeting_year=year, title="Methane Emissions Report",
                            support_percent=support).topics.add(methane)
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/new/")
    page.get_by_label("Title").fill("Methane Leak Disclosure")
    page.get_by_role("combobox", name="Company").fill("Gas Pip")
    expect(page.locator("#id_company-options option")).to_have_attribute("value", str(company))  # the type-ahead
    page.get_by_role("combobox", name="Company").fill(str(company))
    page.get_by_label("Meeting year").fill("2026")
    page.get_by_role("button", name="Create draft").click()
    check = page.locator("#checks li", has_text="Resubmission")
    expect(check).to_contain_text("cannot tell")
    expect(check).not_to_contain_text("no vote")

    page.locator("details", has_text="Draft settings").locator("summary").click()
    page.get_by_role("checkbox", name="Methane").check()
    page.get_by_role("button", name="Save settings").click()
    expect(check).to_contain_text("voted twice since 2021; last vote 2025 got 9.1%, under the 15% needed")


def test_a_draft_started_from_a_precedent_takes_its_topics(page, live_server, lead, sign_in):
    precedent = factories.precedent(title="Methane Emissions Report")
    precedent.topics.add(factories.topic("Methane"))
    factories.topic("Water")
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/new/?precedent={precedent.pk}")
    expect(page.get_by_role("checkbox", name="Methane")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Water")).not_to_be_checked()
    page.get_by_role("button", name="Create draft").click()
    expect(page.locator("#checks li", has_text="Resubmission")).not_to_contain_text("cannot tell")


def test_comments_name_clauses_from_one_and_the_editor_marks_commented_clauses(page, live_server, lead, sign_in):
    draft = factories.draft(lead, clauses=[("whereas", "Methane leaks."), ("whereas", "Flaring is common."),
                                           ("resolved", "Shareholders request a report.")])
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/review/")
    page.get_by_label("Comment on").select_option(label="WHEREAS 2: Flaring is common.")
    page.get_by_label("Comment", exact=True).fill("Cite the flaring figure.")
    page.get_by_role("button", name="Post comment").click()
    expect(page.locator("article", has_text="Cite the flaring figure.")).to_contain_text("on WHEREAS 2")

    page.goto(f"{live_server.url}/drafts/{draft.pk}/")
    expect(page.locator("li.clause").nth(1).get_by_role("link", name="1 open comment")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("open comment"))).to_have_count(1)


def test_a_free_text_footnote_goes_in_at_the_caret_in_one_action(page, live_server, lead, sign_in):
    draft, clause, surface = one_empty_clause(page, live_server, lead, sign_in, "whereas")
    surface.fill("Methane leaks here.")
    expect(clause.get_by_role("status")).to_have_text("Saved")
    surface.evaluate("s => getSelection().setBaseAndExtent(s.firstChild, 13, s.firstChild, 13)")  # after "leaks"
    clause.get_by_role("button", name="Cite…").click()
    page.get_by_label("…or write a free-text footnote").fill("Operator filings, 2025.")
    page.get_by_label("…or write a free-text footnote").press("Enter")
    expect(page.locator("#cite-modal")).to_be_hidden()
    expect(surface.locator(".cite-chip")).to_have_text("footnote 1")
    expect(page.locator("#footnote-list li")).to_have_text(["Operator filings, 2025."])
    note = draft.notes.get()
    assert draft.clauses.get().text == f"Methane leaks[[note:{note.pk}]] here."
    expect(surface).to_be_focused()


def test_the_redline_pairs_footnotes_by_identity_not_by_number(page, live_server, lead, sign_in):
    from resolutions.models import DraftNote
    from resolutions.drafts.services import version_save

    leaks = factories.snippet(factories.source(title="Leak Survey"), quote="Leaks grew.", pinpoint="p. 4")
    sites = factories.snippet(factories.source(title="Site Census"), quote="New sites opened.", pinpoint="p. 9")
    draft = factories.draft(lead)
    old_note = DraftNote.objects.create(draft=draft, text="Operator filings with the state regulator, 2024.")
    other = DraftNote.objects.create(draft=draft, text="Interview with a field engineer.")
    first = draft.clauses.create(kind="whereas", position=0, text=f"Leaks grew.[[snippet:{leaks.pk}]]")
    second = draft.clauses.create(kind="whereas", position=1,
                                  text=f"Flaring rose.[[note:{old_note.pk}]] Crews agree.[[note:{other.pk}]]")
    version_save(draft=draft, user=lead)
    new_note = DraftNote.objects.create(draft=draft, text="Operator filings with the state regulator, 2025.")
    first.text = f"New sites opened.[[snippet:{sites.pk}]] Leaks grew.[[snippet:{leaks.pk}]]"
    first.save()
    second.text = f"Flaring rose.[[note:{new_note.pk}]] Crews agree."
    second.save()

    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/versions/")
    page.get_by_label("Compare").select_option(label="Version 1")
    page.get_by_role("button", name="Show redline").click()
    redline = page.locator(".redline")
    expect(redline).to_contain_text("Leaks grew.[2]")  # the renumbered call is not a change
    assert "Leaks grew" not in "".join(redline.locator("ins, del").all_inner_texts())
    notes = redline.locator(".redline-notes li")
    expect(notes.nth(0)).to_contain_text("Site Census")
    expect(notes.nth(0)).to_contain_text("(new note)")
    expect(notes.nth(1)).to_contain_text("Leak Survey")
    expect(notes.nth(1)).to_contain_text("(renumbered, was note 1)")
    expect(notes.nth(2)).to_contain_text("(renumbered, was note 2; edited)")
    expect(notes.nth(2).locator("del")).to_have_text("2024")
    expect(notes.nth(2).locator("ins")).to_have_text("2025")
    expect(notes.nth(3)).to_contain_text("Interview with a field engineer.")
    expect(notes.nth(3)).to_contain_text("(removed)")
