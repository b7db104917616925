"""A hit skips Wagtail's view: no page query, no template; only the gate's own checks."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_hit_runs_only_the_gates_queries(hcp_client, article, django_assert_max_num_queries):
    hcp_client.get(article.url)

    with django_assert_max_num_queries(2) as queries:
        response = hcp_client.get(article.url)

    assert response["X-App-Cache"] == "HIT"
    # The site for the host, and its gate settings (the cookie's lifetime).
    tables = [query["sql"].split(" FROM ")[1].split()[0] for query in queries.captured_queries]
    assert tables == ['"wagtailcore_site"', '"hub_site_hcpgatesettings"']
