"""A small site for the page-cache tests: home, an article index with one article, the
seed's survey and poll at the article's foot, funders for the disclosure."""

import pytest

from django.test import Client

from hub_site.demo.surveys import load_surveys
from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation
from tests.articles.conftest import article_index, home  # noqa: F401 - fixtures
from tests.articles.factories import create_article, create_topic
from tests.kept_rows import kept


@pytest.fixture
@kept
def topic(db):
    return create_topic("Transplantation")


@pytest.fixture
@kept
def article(home, article_index, topic):  # noqa: F811
    load_surveys(home)  # the site's default feedback survey and a poll
    return create_article(article_index, title="Blinatumomab in upfront ALL", topics=[topic])


@pytest.fixture
def reader():
    """Another confirmed reader, in a browser of their own (no session, no other cookie)."""

    def make(**defaults):
        client = Client(**defaults)
        client.cookies[COOKIE_NAME] = signed_confirmation()
        return client

    return make


@pytest.fixture
def strict_reader(reader):
    """A confirmed reader whose POSTs meet the CSRF and origin checks, as a browser's do."""
    return reader(enforce_csrf_checks=True)


@pytest.fixture
def session_reader(reader):
    """A confirmed reader with a session cookie: neither page cache answers them."""
    client = reader()
    client.cookies["sessionid"] = "a-session-of-no-one"
    return client
