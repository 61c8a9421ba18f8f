"""What assistive technology is given by the editor: Chromium's accessibility tree, as Playwright's ARIA
snapshots show it (a headless run has no screen reader), and the keyboard around citation chips."""
import re

import pytest
from playwright.sync_api import expect

from resolutions.models import Company
from tests import factories
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cited(lead):
    snippet = factories.snippet(factories.source(title="Flare Survey"), quote="Flaring doubled in the basin.",
                                pinpoint="p. 7")
    return factories.draft(lead, clauses=[("whereas", f"Methane leaks.[[snippet:{snippet.pk}]]"),
                                          ("resolved", "Shareholders request a report.")])


@pytest.fixture
def editor(page, live_server, lead, sign_in, cited):
    sign_in(page, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{cited.pk}/")
    return page


def test_the_clause_list_is_a_list_of_named_multi_line_textboxes_each_with_its_tools(editor):
    expect(editor.get_by_role("region", name="Clauses")).to_match_aria_snapshot("""
      - region "Clauses":
        - heading "Clauses" [level=2]
        - list:
          - listitem:
            - combobox "Kind of clause":
              - option "WHEREAS" [selected]
            - status
            - textbox "Text of WHEREAS clause"
            - button "Cite…"
            - button "Move clause up"
            - button "Move clause down"
            - group "Formatting":
              - button "Bold"
              - button "Italic"
              - button "Link"
              - button "Bullet list"
            - button "Delete"
          - listitem:
            - combobox "Kind of clause":
              - option "RESOLVED" [selected]
            - textbox "Text of RESOLVED clause"
        - region "Footnotes":
          - list:
            - listitem: /Flare Survey \\(Research Group, June 1, 2025\\), 7/
    """)
    for surface in editor.get_by_role("textbox", name=re.compile("^Text of")).all():
        expect(surface).to_have_attribute("aria-multiline", "true")


def test_a_citation_chip_reads_as_its_footnote_and_names_its_source(editor):
    chip = editor.get_by_role("textbox", name="Text of WHEREAS clause").locator(".cite-chip")
    expect(chip).to_match_aria_snapshot("- text: footnote 1")
    expect(chip).to_have_attribute("title", re.compile(r"^Flare Survey \(Research Group"))  # its description
    expect(chip).to_have_attribute("contenteditable", "false")


def test_the_cite_dialog_is_named_focuses_its_search_and_offers_results_as_options(editor):
    editor.get_by_role("button", name="Cite…").first.press("Enter")
    dialog = editor.get_by_role("dialog", name="Cite evidence")
    expect(editor.get_by_role("searchbox", name="Search the evidence library")).to_be_focused()
    editor.keyboard.type("flaring")
    expect(dialog).to_match_aria_snapshot("""
      - dialog "Cite evidence":
        - heading "Cite evidence" [level=2]
        - button "Close"
        - searchbox "Search the evidence library": flaring
        - listbox "Snippets":
          - option /“Flaring doubled in the basin.” Flare Survey, Research Group, 2025 — p. 7/
        - textbox "…or write a free-text footnote"
        - button "Insert footnote"
    """)
    editor.keyboard.press("Escape")
    expect(dialog).to_be_hidden()


def test_the_check_panel_is_a_named_landmark_and_says_when_the_company_is_unverified(editor, cited):
    panel = editor.get_by_role("complementary", name="Rule 14a-8 checks")
    expect(panel).to_match_aria_snapshot("""
      - complementary "Rule 14a-8 checks":
        - heading "Rule 14a-8 checks" [level=2]
        - paragraph: /\\d+ of 500 words/
        - table "Words by part":
          - rowgroup:
            - row "Title 5"
        - list:
          - listitem:
            - text: ok
            - strong: Length
          - listitem:
            - strong: Sources
            - text: /every WHEREAS recital cites a source/
    """)
    Company.objects.filter(pk=cited.company_id).update(verified=False)
    editor.reload()
    expect(panel).to_match_aria_snapshot("""
      - complementary "Rule 14a-8 checks":
        - list:
          - listitem:
            - text: warning
            - strong: Company details
            - text: /no curator has verified it yet/
    """)


def test_a_chip_is_one_unit_for_the_caret_backspace_undo_and_bold(editor, cited):
    surface = editor.get_by_role("textbox", name="Text of WHEREAS clause")
    chip = surface.locator(".cite-chip")
    surface.focus()
    editor.keyboard.press("Control+End")
    editor.keyboard.type(" More")
    expect(surface).to_have_text(re.compile(r"Methane leaks\.footnote 1\sMore$"))
    for _ in range(5):
        editor.keyboard.press("Backspace")
    expect(chip).to_have_count(1)
    editor.keyboard.press("Backspace")  # one key takes the whole chip
    expect(chip).to_have_count(0)
    expect(surface).to_have_text("Methane leaks.")
    editor.keyboard.press("Control+z")
    expect(chip).to_have_count(1)
    editor.keyboard.press("Control+Home")
    editor.keyboard.press("Shift+End")
    editor.keyboard.press("Control+b")
    expect(surface.locator("b")).to_have_text("Methane leaks.")  # the chip is not wrapped in the bold
    expect(editor.locator("li.clause").first.get_by_role("status")).to_have_text("Saved")
    marker = chip.get_attribute("data-marker")
    assert cited.clauses.order_by("position").first().text == f"<b>Methane leaks.</b>{marker}"
