"""Every form that takes user input, fed generated junk: the answer is never a server error.

The suite sends FUZZ_EXAMPLES requests per endpoint (default 40, about 1,000 in all);
`FUZZ_EXAMPLES=480 pytest tests/hardening/test_fuzz.py` sends 10,080.
"""
import hashlib
import os

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings, strategies as st

from resolutions.cofiling import services as cofilers
from resolutions.drafts import services as draft_services
from resolutions.models import Representation
from tests import factories

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))

junk = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
    st.sampled_from(["", "0", "-1", "1e309", "NaN", "2026-02-30", "9999-12-31T25:61", "[[snippet:999999]]",
                     "[[note:1]]", "<script>alert(1)</script>", "javascript:alert(1)", "' OR 1=1 --", "\x00",
                     "😀" * 50, "x" * 30_000]),
)


def form_data(fields):
    return st.fixed_dictionaries({}, optional={name: junk for name in fields})


@pytest.fixture
def world(lead, cofiler, curator):
    draft = factories.draft(lead, clauses=[("whereas", "Facts."), ("resolved", "Shareholders request a report.")])
    invitation, _ = cofilers.invitation_create(draft=draft, user=lead, email=cofiler.email,
                                               organization_name="Pension Fund of Tests", base_url="http://t",
                                               send_email=False)
    cofilers.invitation_accept(invitation=invitation, user=cofiler)
    version = draft_services.draft_circulate(draft=draft, user=lead)
    source = factories.source(full_text="Heading\n\nRevenue grew by 40 percent in one year.")
    clause = draft.clauses.first()
    d = draft.pk
    signing_token = "fuzz-signing-token"
    Representation.objects.create(draft=draft, organization=cofiler.organization, shareholder_name="Ada Investor",
                                  shareholder_kind="individual", basis="signed_here", signer_name="Ada Investor",
                                  signer_email="ada@investor.example",
                                  token_sha256=hashlib.sha256(signing_token.encode()).hexdigest())
    endpoints = [
        ("lead", "post", f"/drafts/{d}/clauses/{clause.pk}/", ["text", "kind", "revision"]),
        ("lead", "post", f"/drafts/{d}/clauses/", ["text", "kind", "revision"]),
        ("lead", "post", f"/drafts/{d}/clauses/order/", ["order", "revision"]),
        ("lead", "post", f"/drafts/{d}/clauses/{clause.pk}/move/", ["direction", "revision"]),
        ("lead", "post", f"/drafts/{d}/settings/", ["title", "meeting_year", "citation_style", "revision",
                                                    "resolved_first", "supporting_heading"]),
        ("lead", "post", f"/drafts/{d}/notes/", ["text"]),
        ("lead", "post", f"/drafts/{d}/invitations/", ["email", "organization_name", "contact_name"]),
        ("lead", "post", f"/drafts/{d}/versions/{version.number}/restore/", ["revision"]),
        ("lead", "post", "/drafts/new/", ["title", "company", "meeting_year", "precedent"]),
        ("lead", "get", f"/drafts/{d}/cite/", ["q"]),
        ("lead", "get", f"/drafts/{d}/redline/", ["a", "b"]),
        ("cofiler", "post", f"/drafts/{d}/comments/", ["text", "clause", "parent"]),
        ("cofiler", "post", f"/drafts/{d}/versions/{version.number}/sign/",
         ["legal_name", "signatory_name", "signatory_title", "email", "phone", "shares", "price_basis",
          "valuation_date", "price_per_share", "held_since", "holder_type", "submission_date", "slot_1", "slot_2",
          "slot_3", "intends_to_hold", "authorizes_lead", "signature"]),
        ("lead", "post", f"/drafts/{d}/versions/{version.number}/statements/",
         ["legal_name", "signatory_name", "signatory_title", "email", "phone", "shares", "price_basis",
          "valuation_date", "price_per_share", "held_since", "holder_type", "submission_date", "slot_1", "slot_2",
          "slot_3", "intends_to_hold", "signature"]),
        ("lead", "post", f"/drafts/{d}/finalize/", ["version"]),
        ("lead", "post", f"/drafts/{d}/proofs/", ["organization", "record_holder", "period_start", "period_end",
                                                  "letter_date"]),
        ("lead", "post", f"/drafts/{d}/submission/", ["submitted_on", "method", "recipient"]),
        ("cofiler", "post", f"/drafts/{d}/proofs/", ["organization", "record_holder", "period_start", "period_end",
                                                     "letter_date", "page"]),
        ("cofiler", "post", f"/drafts/{d}/representation/", [
            "shareholder_name", "shareholder_kind", "basis", "signer_name", "signer_title", "signer_email",
            "document_date", "self_evident_role"]),
        ("cofiler", "post", f"/authorize/{signing_token}/", ["signer_name", "signer_title", "support_statement",
                                                            "authority", "signature"]),
        ("cofiler", "post", f"/drafts/{d}/sign-on/decline/", ["reason"]),
        ("curator", "post", "/precedents/import/", ["step", "text", "title", "company", "new_company",
                                                    "meeting_year", "outcome", "support_percent", "source_url",
                                                    "resolved", "whereas", "supporting", "footnotes", "filers",
                                                    "source_text", "replace"]),
        ("lead", "get", "/precedents/", ["q", "company", "year_from", "year_to", "topic", "outcome",
                                         "organization", "page"]),
        ("lead", "get", "/evidence/", ["q", "topic", "company", "kind", "published_from", "published_to", "page"]),
        ("lead", "post", "/evidence/sources/new/", ["kind", "title", "authors", "publisher", "published", "url",
                                                    "archived_url", "accessed", "full_text"]),
        ("lead", "post", "/evidence/snippets/new/", ["kind", "title", "url", "published", "full_text",
                                                     "snippets-TOTAL_FORMS", "snippets-INITIAL_FORMS",
                                                     "snippets-0-quote", "snippets-0-pinpoint"]),
        ("curator", "post", f"/evidence/sources/{source.pk}/capture/", ["quote"]),
        ("curator", "post", f"/evidence/sources/{source.pk}/edit/", ["kind", "title", "url", "published"]),
    ]
    return {"lead": lead, "cofiler": cofiler, "curator": curator}, endpoints


def test_generated_form_input_never_causes_a_server_error(client, world):
    users, endpoints = world
    client.raise_request_exception = False
    failures = []
    for role, method, url, fields in endpoints:
        client.force_login(users[role])

        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
        @given(data=form_data(fields))
        def send(data):
            response = getattr(client, method)(url, data)
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {url} {data!r} → {response.status_code}")

        send()
    assert not failures, "\n".join(failures[:10])


_operator_runs = st.builds(lambda op, n: op * n, st.sampled_from(["-", "- ", '"', "(", "!", " or"]),
                          st.integers(1, 80))
search_syntax = st.one_of(
    st.lists(st.one_of(_operator_runs, st.sampled_from(["a", "or", "-", "climate", " ", "&|:*<>", "x" * 40,
                                                        "’", "\x00", "\t"])), max_size=60).map("".join),
    st.text(max_size=300),
)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="websearch_to_tsquery is PostgreSQL's")
def test_generated_search_syntax_never_causes_a_server_error_on_postgresql(client, lead):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])
    factories.snippet(quote="Emissions rose in the climate report.")
    client.force_login(lead)
    client.raise_request_exception = False
    failures = []

    @settings(max_examples=EXAMPLES * 2, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(query=search_syntax)
    def send(query):
        for url in ("/evidence/", "/precedents/", "/evidence/export/snippets.csv", f"/drafts/{draft.pk}/cite/"):
            response = client.get(url, {"q": query})
            if response.status_code >= 500:
                failures.append(f"GET {url} q={query!r} → {response.status_code}")

    send()
    assert not failures, "\n".join(failures[:10])
