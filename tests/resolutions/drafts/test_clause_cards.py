"""The editor's clause cards (``{% clause_items %}``): what each holds, escaped, with its own URLs."""
import re

import pytest
from bs4 import BeautifulSoup

from resolutions.cofiling import services as cofiling
from tests import factories

pytestmark = pytest.mark.django_db


def cards(client, draft):
    page = BeautifulSoup(client.get(f"/drafts/{draft.pk}/").content, "html.parser")
    return page.select("#clauses > li.clause")


def test_each_card_holds_its_clause_escaped_with_its_kind_and_its_own_urls(lead_client, lead):
    snippet = factories.snippet(factories.source(), quote="Flaring doubled.")
    draft = factories.draft(lead, clauses=[("whereas", f'Leaks & "flares" <em>rose</em>.[[snippet:{snippet.pk}]]'),
                                           ("resolved", "Shareholders request a report.")])
    first, second = draft.clauses.order_by("position")
    whereas, resolved = cards(lead_client, draft)

    assert whereas["id"] == f"clause-{first.pk}" and whereas["data-clause-id"] == str(first.pk)
    assert whereas.select_one("textarea").string == f'Leaks & "flares" <em>rose</em>.[[snippet:{snippet.pk}]]'
    assert whereas.select_one(f"#rendered-{first.pk} em").string == "rose"
    assert whereas.select_one(f"#rendered-{first.pk} sup.footnote-call").string == "1"
    assert whereas.select_one(f"label[for=text-{first.pk}]").string == "Text of WHEREAS clause"
    assert [o["value"] for o in whereas.select(f"#kind-{first.pk} option[selected]")] == ["whereas"]
    assert [o["value"] for o in resolved.select(f"#kind-{second.pk} option[selected]")] == ["resolved"]
    assert whereas.select_one("form")["hx-post"] == f"/drafts/{draft.pk}/clauses/{first.pk}/"
    assert {b["hx-post"] for b in resolved.select("button[hx-post]")} == {
        f"/drafts/{draft.pk}/clauses/{second.pk}/move/", f"/drafts/{draft.pk}/clauses/{second.pk}/delete/"}
    assert not whereas.find("a", string=re.compile("open comment"))


def test_a_card_links_its_open_comments_to_the_review(lead_client, lead):
    draft = factories.draft(lead, clauses=[("whereas", "Methane leaks."), ("resolved", "Shareholders request.")])
    first, second = draft.clauses.order_by("position")
    for text in ("Cite the figure.", "And the year."):
        cofiling.comment_add(draft=draft, user=lead, text=text, clause_id=second.pk)
    whereas, resolved = cards(lead_client, draft)
    assert not whereas.find("a", string=re.compile("open comment"))
    badge = resolved.find("a", string=re.compile("open comment"))
    assert badge.string == "2 open comments"
    assert badge["href"] == f"/drafts/{draft.pk}/review/#comments-heading"


def test_a_draft_without_clauses_says_how_to_start(lead_client, lead):
    draft = factories.draft(lead, clauses=[])
    page = BeautifulSoup(lead_client.get(f"/drafts/{draft.pk}/").content, "html.parser")
    assert page.select_one("#clauses > li").get_text(strip=True).startswith("This draft has no clauses.")
