"""A hit skips Wagtail's view, sessions and routing: no query at all."""

import time

import pytest

from django.core import signing

from hub_site.gate.cookies import CONFIRMED, COOKIE_NAME, SIGNING_SALT

pytestmark = pytest.mark.django_db


def test_a_hit_runs_no_query(hcp_client, article, django_assert_num_queries):
    miss = hcp_client.get(article.url)

    with django_assert_num_queries(0):
        hit = hcp_client.get(article.url)

    assert (miss["X-App-Cache"], hit["X-App-Cache"]) == ("MISS", "HIT")
    assert hit.content == miss.content
    for header in ("Cache-Control", "Vary", "Content-Language", "X-Frame-Options"):
        assert hit[header] == miss[header]
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert hit.has_header(header)


def test_a_hit_still_checks_the_confirmations_age(hcp_client, client, article):
    hcp_client.get(article.url)
    signer = signing.get_cookie_signer(salt=COOKIE_NAME + SIGNING_SALT)
    # Signed 31 days ago: older than the default 30-day lifetime.
    signer.timestamp = lambda: signing.b62_encode(int(time.time()) - 31 * 24 * 60 * 60)
    client.cookies[COOKIE_NAME] = signer.sign(CONFIRMED)

    response = client.get(article.url)

    assert not response.has_header("X-App-Cache")
    assert article.title not in response.content.decode()
