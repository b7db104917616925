"""A poll opening or closing changes the page with no edit: copies expire by then."""

from datetime import timedelta

import pytest

from django.utils import timezone

from hub_site.demo.surveys import feature_poll_on_article
from surveys.models import PollPage
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db


def s_maxage(response):
    directives = dict(
        part.strip().partition("=")[::2] for part in response["Cache-Control"].split(",")
    )
    return int(directives["s-maxage"])


def test_an_article_without_a_poll_is_kept_the_full_lifetime(hcp_client, article):
    assert s_maxage(hcp_client.get(article.url)) == 300


def test_a_poll_closing_soon_shortens_the_lifetime_of_the_page_showing_it(hcp_client, article):
    poll = PollPage.objects.get()
    poll.closes_at = timezone.now() + timedelta(seconds=90)
    publish_certified(poll.save_revision())
    feature_poll_on_article(poll, article)

    response = hcp_client.get(article.url)

    assert 0 < s_maxage(response) <= 90
    assert response["X-App-Cache"] == "MISS"


def test_a_poll_opening_soon_shortens_the_lifetime_of_the_page_showing_it(hcp_client, article):
    poll = PollPage.objects.get()
    poll.opens_at = timezone.now() + timedelta(seconds=120)
    publish_certified(poll.save_revision())
    feature_poll_on_article(poll, article)

    assert 0 < s_maxage(hcp_client.get(article.url)) <= 120
