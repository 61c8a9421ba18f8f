"""Writes (and the two non-trivial reads) of the evidence library."""
import json
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from evidence import demo, selectors, services
from evidence.models import Snippet, Source
from resolutions.models import Precedent, PrecedentFootnote
from tests import factories
from tests.corpus import CORPUS, fixture_text, needs_corpus

pytestmark = pytest.mark.django_db

PROFILE_HEADINGS = ["Driver Classification", "Warehouse Injury Rates", "Political Spending"]


def profile_text() -> str:
    """A long company profile with section headings (our own fixture)."""
    return fixture_text("company-profile.txt")


def first_sentence_under(text: str, heading: str, *, paragraph: int = 0) -> str:
    """The first sentence of a paragraph under ``heading``, exactly as the text has it."""
    section = text[text.index(f"\n{heading}\n") + len(heading) + 2 :].strip()
    chosen = section.split("\n\n")[paragraph]
    return chosen[: chosen.index(". ") + 1]


def counts() -> tuple[int, int]:
    return Source.objects.count(), Snippet.objects.count()


@pytest.fixture
def profile(lead) -> Source:
    return services.source_create(user=lead, kind="report", title="Calder Logistics company profile",
                                  publisher="Research Group", url="https://example.org/profile",
                                  full_text=profile_text())


# --- Capture ---------------------------------------------------------------------


def test_passages_from_three_sections_are_captured_with_their_headings_as_pinpoints(lead, profile):
    text = profile_text()
    for heading in PROFILE_HEADINGS:
        passage = first_sentence_under(text, heading, paragraph=1 if heading == "Warehouse Injury Rates" else 0)

        snippet = services.snippet_capture(user=lead, source=profile, quote=passage)

        assert snippet.pinpoint == f"§ {heading}"
        assert snippet.quote == " ".join(passage.split())
        assert snippet.added_by == lead
    assert profile.snippets.count() == 3


def test_a_passage_altered_by_one_word_is_rejected_and_nothing_is_saved(lead, profile):
    words = first_sentence_under(profile_text(), "Warehouse Injury Rates").split()
    words[3] = "purple"
    before = counts()

    with pytest.raises(ValidationError, match="This passage is not in the source's stored text"):
        services.snippet_capture(user=lead, source=profile, quote=" ".join(words))

    assert counts() == before


def test_straight_quotes_and_other_spacing_are_stored_as_the_source_has_them(lead):
    source = services.source_create(user=lead, title="Letter", full_text="Ring said it “will not sell” tools.\n")

    snippet = services.snippet_capture(user=lead, source=source, quote='it "will   not\nsell" tools')

    assert snippet.quote == "it “will not sell” tools"


def test_capture_needs_the_source_text(lead):
    source = services.source_create(user=lead, title="No text yet")

    with pytest.raises(ValidationError, match="no stored text yet"):
        services.snippet_capture(user=lead, source=source, quote="Anything at all")


@pytest.mark.parametrize("quote", ["", "   \n "])
def test_an_empty_quote_is_refused_with_a_message_and_nothing_is_saved(lead, profile, quote):
    before = counts()

    with pytest.raises(ValidationError, match="Paste the passage you want to quote"):
        services.snippet_create(user=lead, source=profile, quote=quote)
    with pytest.raises(ValidationError, match="Paste the passage you want to quote"):
        services.snippet_capture(user=lead, source=profile, quote=quote)

    assert counts() == before


def test_without_stored_text_a_quote_is_kept_as_typed_and_the_pinpoint_as_given(lead):
    source = factories.source()

    snippet = services.snippet_create(user=lead, source=source, quote="  Sales grew\n fast. ", pinpoint=" p. 4 ")

    assert (snippet.quote, snippet.pinpoint) == ("Sales grew fast.", "p. 4")


def test_a_passage_already_saved_from_the_same_source_is_refused(lead, outsider, profile):
    passage = first_sentence_under(profile_text(), "Driver Classification")
    services.snippet_capture(user=lead, source=profile, quote=passage)

    with pytest.raises(ValidationError, match="already saved as a snippet of this source"):
        services.snippet_capture(user=outsider, source=profile, quote=passage.replace(" ", "  "))

    assert profile.snippets.count() == 1


def test_a_given_pinpoint_wins_over_the_heading_found(lead, profile):
    passage = first_sentence_under(profile_text(), "Driver Classification")

    snippet = services.snippet_create(user=lead, source=profile, quote=passage, pinpoint="p. 7")

    assert snippet.pinpoint == "p. 7"


# --- Search text -------------------------------------------------------------------


def test_a_snippet_is_found_by_words_of_its_quote_paraphrase_source_title_and_publisher(lead):
    source = factories.source(title="Cloud contracts review", publisher="Watchdog Institute")
    snippet = services.snippet_create(user=lead, source=source, quote="Agencies renewed nine contracts.",
                                      paraphrase="Renewals continued quietly.")

    for words in ["nine contracts", "quietly", "cloud review", "watchdog"]:
        assert list(Snippet.objects.search(words)) == [snippet], words
    assert not Snippet.objects.search("tobacco").exists()


def test_renaming_a_source_refreshes_its_snippets_search_text(lead):
    source = services.source_create(user=lead, title="Old title", publisher="Old Press")
    snippet = services.snippet_create(user=lead, source=source, quote="A fact.")

    services.source_update(user=lead, source=source, title="Surveillance ledger", publisher="New Press")

    assert list(Snippet.objects.search("ledger")) == [snippet]
    assert not Snippet.objects.search("Old Press").exists()


# --- Sources -----------------------------------------------------------------------


def test_urls_are_stored_normalized_and_a_second_source_for_the_same_url_is_refused(lead):
    source = services.source_create(user=lead, title="Profile", url="HTTPS://Example.ORG/report/?utm_source=x#top")
    assert source.url == "https://example.org/report"
    before = counts()

    with pytest.raises(ValidationError) as refused:
        services.source_create(user=lead, title="Copy", url="https://example.org/report/")

    assert refused.value.message_dict["url"] == ["This web address is already in the library, as “Profile”."]
    assert counts() == before


def test_a_javascript_url_is_refused_and_nothing_is_saved(lead):
    before = counts()

    with pytest.raises(ValidationError) as refused:
        services.source_create(user=lead, title="Trap", url="javascript:alert(1)",
                               archived_url="data:text/html,hi")

    assert "not “javascript:” links" in refused.value.message_dict["url"][0]
    assert "not “data:” links" in refused.value.message_dict["archived_url"][0]
    assert counts() == before


def test_a_source_without_a_title_is_refused(lead):
    with pytest.raises(ValidationError) as refused:
        services.source_create(user=lead, title="  ")
    assert refused.value.message_dict == {"title": ["Give the source's title."]}


def test_only_the_person_who_added_a_source_or_a_curator_may_change_it(lead, outsider, curator):
    source = services.source_create(user=lead, title="Profile")

    with pytest.raises(PermissionDenied):
        services.source_update(user=outsider, source=source, title="Hijacked")
    services.source_update(user=curator, source=source, title="Amazon profile")

    assert Source.objects.get().title == "Amazon profile"


def test_a_source_and_its_snippets_are_saved_together_or_not_at_all(lead):
    before = counts()

    with pytest.raises(ValidationError, match="Snippet 2: This passage is not in the source's stored text"):
        services.source_create_with_snippets(
            user=lead, title="Report", full_text="Sales grew fast.\n",
            snippets=[{"quote": "Sales grew fast."}, {"quote": "Sales fell."}],
        )

    assert counts() == before


# --- Editing, deleting, verifying -----------------------------------------------------


def test_only_the_author_or_a_curator_may_edit_or_delete_a_snippet(lead, outsider, curator):
    snippet = services.snippet_create(user=lead, source=factories.source(), quote="A fact.")

    with pytest.raises(PermissionDenied):
        services.snippet_update(user=outsider, snippet=snippet, quote="Another fact.")
    with pytest.raises(PermissionDenied):
        services.snippet_delete(user=outsider, snippet=snippet)
    services.snippet_update(user=curator, snippet=snippet, quote="A checked fact.")
    assert Snippet.objects.get().quote == "A checked fact."
    services.snippet_delete(user=lead, snippet=snippet)
    assert not Snippet.objects.exists()


def test_deleting_a_cited_snippet_is_refused_naming_only_the_drafts_the_user_can_see(lead, outsider):
    snippet = services.snippet_create(user=lead, source=factories.source(), quote="A fact.")
    factories.draft(lead, title="Our surveillance report", clauses=[("whereas", f"Facts.[[snippet:{snippet.pk}]]")])
    factories.draft(outsider, title="Their secret plan", clauses=[("whereas", f"[[snippet:{snippet.pk}]] too")])
    factories.draft(lead, title="Uncited", clauses=[("whereas", f"[[snippet:{snippet.pk}0]]")])

    with pytest.raises(ValidationError) as refused:
        services.snippet_delete(user=lead, snippet=snippet)

    assert refused.value.messages == [
        "This snippet cannot be deleted while a draft cites it. It is cited in “Our surveillance report”. "
        "It is also cited in 1 draft of another organization. Remove those citations first."
    ]
    assert Snippet.objects.filter(pk=snippet.pk).exists()


def test_only_curators_verify_and_a_changed_quote_must_be_verified_again(lead, curator):
    snippet = services.snippet_create(user=lead, source=factories.source(), quote="A fact.")

    with pytest.raises(PermissionDenied):
        services.snippet_verify(user=lead, snippet=snippet)
    services.snippet_verify(user=curator, snippet=snippet)
    assert Snippet.objects.get().verified_by == curator

    services.snippet_update(user=lead, snippet=snippet, quote="A fact.", paraphrase="Same quote.")
    assert Snippet.objects.get().verified_by == curator
    services.snippet_update(user=lead, snippet=snippet, quote="A different fact.")
    assert Snippet.objects.get().verified_at is None


# --- Import ---------------------------------------------------------------------------

CSL_ITEMS = [
    {"id": "a", "type": "report", "title": "Cloud report", "publisher": "Watchdog",
     "URL": "https://example.org/cloud/?utm_medium=email"},
    {"id": "a-again", "type": "report", "title": "Cloud report (copy)", "URL": "https://EXAMPLE.org/cloud",
     "author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [[2024, 2, 1]]}},
    {"id": "known", "type": "webpage", "title": "Known page", "issued": {"date-parts": [[2023, 5, 1]]},
     "container-title": "Campaign site"},
    {"id": "trap", "type": "webpage", "title": "Trap", "URL": "javascript:alert(1)"},
    {"id": "untitled", "type": "report"},
]


def test_a_csl_json_import_reports_new_merged_and_rejected_entries(lead):
    known = services.source_create(user=lead, kind="webpage", title="Known  page.", published=date(2023, 5, 1))

    report = services.sources_import(user=lead, data=json.dumps(CSL_ITEMS).encode(), filename="zotero.json")

    assert (report.new, report.merged) == (1, 2)
    assert report.rejected == [
        ("untitled", "It has no title."),
        ("Trap", "Only web pages (https:// or http:// addresses) can be sources, not “javascript:” links."),
    ]
    assert Source.objects.count() == 2
    cloud = Source.objects.get(url="https://example.org/cloud")
    assert (cloud.title, cloud.publisher, cloud.authors, cloud.published) == (
        "Cloud report", "Watchdog", ["Jane Doe"], date(2024, 2, 1))  # blanks filled, nothing overwritten
    known.refresh_from_db()
    assert (known.title, known.publisher) == ("Known  page.", "Campaign site")


def test_importing_the_same_file_twice_merges_everything(lead):
    data = json.dumps(CSL_ITEMS[:3]).encode()
    services.sources_import(user=lead, data=data, filename="zotero.json")

    again = services.sources_import(user=lead, data=data, filename="zotero.json")

    assert (again.new, again.merged, again.rejected) == (0, 3, [])
    assert Source.objects.count() == 2


def test_a_bibtex_import_adds_its_entries(lead):
    bib = b"""@techreport{afsc, title = {Company profile}, institution = {Research Group}, year = {2021},
      url = {https://example.org/profile}}
    @misc{page, title = {Campaign page}, howpublished = {\\url{https://example.org/campaign}}, year = {2021}}"""

    report = services.sources_import(user=lead, data=bib, filename="library.bib")

    assert (report.new, report.merged, report.rejected) == (2, 0, [])
    assert set(Source.objects.values_list("kind", "publisher")) == {("report", "Research Group"), ("webpage", "")}
    assert Source.objects.get(kind="report").added_by == lead


@pytest.mark.parametrize(("data", "filename", "message"), [
    (b'[{"title": "Unclosed"', "zotero.json", "This is not valid CSL-JSON: line 1"),
    (b"[]", "export.json", "No CSL-JSON items were found"),
    (b"@article{key, title = {Unclosed", "library.bib", "No BibTeX entries could be read: line 1"),
    (b"Just some notes.", "library.bib", "No BibTeX entries were found"),
    (b"Just some notes.", "notes.txt", "“notes.txt” is neither CSL-JSON nor BibTeX"),
    (b"  \n", "empty.json", "The file is empty."),
])
def test_a_malformed_file_is_refused_with_the_reason_and_nothing_is_saved(lead, data, filename, message):
    factories.source()
    before = counts()

    with pytest.raises(ValidationError) as refused:
        services.sources_import(user=lead, data=data, filename=filename)

    assert refused.value.messages[0].startswith(message)
    assert counts() == before


# --- Reads ----------------------------------------------------------------------------


def test_a_source_is_cited_by_visible_drafts_and_by_precedents_whose_footnotes_give_its_url(lead, outsider):
    source = factories.source(url="https://example.org/profile")
    snippet = services.snippet_create(user=lead, source=source, quote="A fact.")
    ours = factories.draft(lead, title="Ours", clauses=[("whereas", f"Fact.[[snippet:{snippet.pk}]]")])
    factories.draft(outsider, title="Theirs", clauses=[("whereas", f"Fact.[[snippet:{snippet.pk}]]")])
    company = factories.company()
    by_list = Precedent.objects.create(company=company, meeting_year=2024, title="By URL list")
    PrecedentFootnote.objects.create(precedent=by_list, number=1, text="A profile.",
                                     urls=["https://EXAMPLE.org/profile/?utm_source=x"])
    by_text = Precedent.objects.create(company=company, meeting_year=2023, title="By text")
    PrecedentFootnote.objects.create(precedent=by_text, number=1, text="See https://example.org/profile.")
    other = Precedent.objects.create(company=company, meeting_year=2022, title="Other page")
    PrecedentFootnote.objects.create(precedent=other, number=1, text="See https://example.org/profile-2024.")

    citations = selectors.source_citations(source, lead)

    assert citations.drafts == [ours]
    assert citations.precedents == [by_list, by_text]


def test_search_filters_combine_with_the_query(lead):
    human_rights, labor = factories.topic("Human rights"), factories.topic("Labor practices")
    amazon = factories.company(name="Amazon.com, Inc.")
    old = factories.source(kind="news", published=date(2019, 1, 1))
    new = factories.source(kind="report", published=date(2025, 1, 1))
    wanted = services.snippet_create(user=lead, source=new, quote="Police use of cameras grew.",
                                     topics=[human_rights], companies=[amazon])
    services.snippet_create(user=lead, source=old, quote="Police use of cameras began.", topics=[human_rights])
    services.snippet_create(user=lead, source=new, quote="Police use of cameras grew again.", topics=[labor])

    found = selectors.snippet_search(query="police cameras", topic=human_rights, company="amazon", kind="report",
                                     published_from=date(2024, 1, 1), published_to=date(2025, 12, 31))

    assert list(found) == [wanted]


# --- Demo -----------------------------------------------------------------------------


def test_the_demo_evidence_loads_twice_without_doubling_and_its_quotes_are_in_their_texts(curator):
    demo.load_evidence(user=curator)
    demo.load_evidence(user=curator)

    assert Source.objects.count() == 3
    assert Snippet.objects.count() == len(demo.SNIPPETS) == 8
    for snippet in Snippet.objects.select_related("source"):
        assert snippet.quote in snippet.source.full_text
        assert snippet.pinpoint.startswith("§ ")
        assert [c.name for c in snippet.companies.all()] == ["Amazon.com, Inc."]


@needs_corpus
def test_no_demo_sentence_is_copied_from_the_corpus():
    corpus = " ".join(" ".join(path.read_text(encoding="utf-8").split()) for path in CORPUS.glob("*.txt"))
    for fields in demo.SOURCES.values():
        for line in fields["full_text"].splitlines():
            for sentence in (part.strip().rstrip(".") for part in line.split(". ")):
                if len(sentence.split()) > 4:  # headings may share a few words with the corpus
                    assert sentence not in corpus, sentence
