from django.db import connection
from django.test.utils import CaptureQueriesContext


def test_each_page_reads_the_user_and_organization_in_one_query(client, lead):
    client.force_login(lead)
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/").content.decode()
    assert "Sisters of Testing: members" in page  # the header names the organization
    user_queries = [q["sql"] for q in queries if 'FROM "accounts_user"' in q["sql"]]
    assert len(user_queries) == 1 and 'JOIN "accounts_organization"' in user_queries[0]
    assert not [q for q in queries if q["sql"].startswith('SELECT "accounts_organization"')]


def test_a_deactivated_user_is_signed_out_on_the_next_request(client, lead):
    client.force_login(lead)
    lead.is_active = False
    lead.save()
    assert client.get("/").status_code == 302
