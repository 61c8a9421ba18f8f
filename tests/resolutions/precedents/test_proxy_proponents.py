"""The proponents a company's preamble names (importer/proxy/proponents.py), on preambles written here."""

from resolutions.precedents.importer.proxy import preamble
from resolutions.precedents.importer.proxy.document import split_proxy
from resolutions.precedents.importer.proxy.lines import proxy_lines_from_text
from resolutions.precedents.importer.proxy.preamble import PREAMBLE
from resolutions.precedents.importer.proxy.proponents import parse_proponents
from tests.corpus import fixture_text


def _names(preamble: str) -> list[str]:
    return [proponent.name for proponent in parse_proponents(preamble)]


def test_a_place_or_an_order_in_brackets_stays_part_of_the_name_an_abbreviation_does_not():
    preamble = ("Hillside Pension Plan (“HPP”) and co-filers the Brothers of Saint Anselm (Lakeport), "
                "Cedar Housing Trust (Friends of the Valley) and Ridge Partners (RP) have notified us "
                "that they intend to present the following proposal.")
    assert _names(preamble) == ["Hillside Pension Plan", "Brothers of Saint Anselm (Lakeport)",
                                "Cedar Housing Trust (Friends of the Valley)", "Ridge Partners"]


def test_each_co_filer_of_a_list_joined_by_more_than_one_and_is_kept():
    preamble = ("Oak Ledger Fund and co-filers Pine Street Trust, and The Sisters of the Harbor, "
                "and Missionaries of the Upper Valley, have notified us that they intend to present "
                "the following proposal.")
    assert _names(preamble) == ["Oak Ledger Fund", "Pine Street Trust", "Sisters of the Harbor",
                                "Missionaries of the Upper Valley"]


def test_a_second_filer_after_a_clause_about_the_first_is_named_too():
    """ "…, the beneficial owner of …, and the Y Foundation, the beneficial owner of …, intends": both file."""
    preamble = ("We have been notified that Fair Shares Group, 10 Lake Road, Suite 4, Easton, Ohio 44000, on "
                "behalf of Lena M. Park, the beneficial owner for at least three years of shares worth at "
                "least $2,000, and the Willow Grove Foundation, the beneficial owner for at least one year "
                "of shares worth at least $25,000, intends to present the following proposal.")
    proponents = parse_proponents(preamble)
    assert [(p.name, p.representative) for p in proponents] == [
        ("Lena M. Park", "Fair Shares Group"), ("Willow Grove Foundation", "Fair Shares Group")]


def test_a_clause_about_the_filer_with_its_own_verb_does_not_end_the_filer_list():
    preamble = ("Maple Row Fund, 5 Hill Street, Dayton, OH 45400, which represents that it has held "
                "1,200 shares for three years, and a co-filer have notified us that they will present "
                "the following proposal.")
    assert _names(preamble) == ["Maple Row Fund"]


def test_the_companys_own_label_for_the_filer_in_brackets_is_no_part_of_the_name():
    preamble = ("Rosa Delgado (the “Proponent”), 8 Bay Street, Portside, CA 90000, has notified us that she "
                "intends to present the proposal set forth below.")
    assert _names(preamble) == ["Rosa Delgado"]


def test_funds_joined_by_and_the_are_two_proponents():
    """An official files "on behalf of the A System and the B Fund": two funds, one representative."""
    preamble = ("The Treasurer of the County of Alder, on behalf of the Alder County Teachers’ Retirement System "
                "and the Alder County Firefighters’ Pension Fund, submitted the following proposal.")
    proponents = parse_proponents(preamble)
    assert [(p.name, p.representative) for p in proponents] == [
        ("Alder County Teachers’ Retirement System", "Treasurer of the County of Alder"),
        ("Alder County Firefighters’ Pension Fund", "Treasurer of the County of Alder")]


def test_and_the_inside_a_name_is_no_second_proponent():
    assert _names("The Guild of Weavers and the Dyers’ Hall has notified us that it intends to present "
                  "the following proposal.") == ["Guild of Weavers and the Dyers’ Hall"]


def test_each_way_a_company_words_its_preamble_finds_the_proposal_and_its_proponent():
    """ "We received the following shareholder proposal from X", "X … is the proponent of", "submitted
    by X" with "has been", "X … intends to propose": each opens a shareholder proposal."""
    statement = split_proxy(*proxy_lines_from_text(fixture_text("proxy-preamble-forms.txt")))
    assert [(p.item, [x.name for x in p.proponents]) for p in statement.proposals] == [
        ("5", ["Signalmen’s Benefit Fund"]), ("6", ["Petra Lund"]), ("7", ["Valley Residents Trust"]),
        ("8", ["Green Wheels Foundation"])]


def test_the_long_preamble_pattern_is_searched_only_in_paragraphs_holding_one_of_its_words(monkeypatch):
    """Most paragraphs of a proxy statement are no preamble: a quick test for the words every phrasing
    holds spares them the slow search, and finds each phrasing all the same."""
    searched = []

    class Counted:
        def search(self, text):
            searched.append(text)
            return PREAMBLE.search(text)

    monkeypatch.setattr(preamble, "PREAMBLE", Counted())
    statement = split_proxy(*proxy_lines_from_text(fixture_text("proxy-preamble-forms.txt")))
    assert [p.item for p in statement.proposals] == ["5", "6", "7", "8"]
    assert len(searched) == 4


def test_co_filers_named_in_a_sentence_after_the_first_are_proponents_too():
    """ "… submitted by A. Co-filers of this proposal are B and C.", "The proposal is co-filed by B",
    "B and C are co-filers of this proposal": the lead filer first, then each co-filer."""
    statement = split_proxy(*proxy_lines_from_text(fixture_text("proxy-cofilers-named-after.txt")))
    assert [(p.item, [x.name for x in p.proponents]) for p in statement.proposals] == [
        ("4", ["Harbor Pension Fund", "Quarry Workers Trust", "Nadia Brook"]),
        ("5", ["Ada Stone", "Tom Reed", "Lantern Foundation", "Fenwick Capital, Inc."]),
        ("6", ["Ridgeway Sisters of Mercy", "Omar Haddad", "Lina Park"])]


def test_a_later_sentence_about_co_filers_that_names_none_adds_no_proponent():
    assert _names("The Harbor Pension Fund has notified us that it intends to present the following proposal. "
                  "Co-filers are listed on our website.") == ["Harbor Pension Fund"]
    assert _names("Ms. Ada Stone intends to present the following proposal. Two other shareholders are "
                  "co-filers of the proposal.") == ["Ada Stone"]
    assert _names("The Harbor Pension Fund has notified us that it intends to present the following proposal. "
                  "Shareholders who are co-filers may speak at the meeting.") == ["Harbor Pension Fund"]
