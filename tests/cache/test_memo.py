"""The process's copies of the site, its settings, the gate's copy and the articles routed
to (hub_site/cache/memo.py): read once per content generation, a copy per request, retired
by any change."""

import pytest

from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from hub_site.cache import memo
from surveys.models import SurveySettings
from tests.gate.helpers import publish_withdraw_label
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db


def tables_read(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return " ".join(query["sql"] for query in queries.captured_queries)


def test_the_site_and_its_settings_are_read_once_per_generation(session_reader, article):
    first = tables_read(session_reader, article.url)
    assert "wagtailcore_site" in first and "surveys_surveysettings" in first

    second = tables_read(session_reader, article.url)
    assert "wagtailcore_site" not in second
    assert "surveys_surveysettings" not in second
    assert "hub_gate_hcpgatesettings" not in second
    assert "hub_gate_gatecopy" not in second

    publish_certified(article.save_revision())  # any change retires the copies

    assert "wagtailcore_site" in tables_read(session_reader, article.url)


def test_a_changed_setting_shows_at_once(session_reader, article):
    assert 'class="survey-form"' in session_reader.get(article.url).text
    session_reader.get(article.url)

    settings = SurveySettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_feedback_survey = None
    settings.save()

    assert 'class="survey-form"' not in session_reader.get(article.url).text


def test_edited_gate_copy_shows_at_once_to_a_reader_with_a_session(session_reader, article):
    assert "I am not a healthcare professional" in session_reader.get(article.url).text

    publish_withdraw_label("Not a healthcare professional? Leave here")

    assert "Not a healthcare professional? Leave here" in session_reader.get(article.url).text


class Loads:
    def __init__(self):
        self.count = 0

    def __call__(self):
        self.count += 1
        return {"site_name": "Hub", "seen_by": []}


def routing_queries(client, page):
    """The queries that look the page's slug up (routing, not what the page shows)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    return [q for q in queries.captured_queries if f"\"slug\" = '{page.slug}'" in q["sql"]]


def test_an_article_is_routed_from_the_process_copy_until_pages_change(session_reader, article):
    assert routing_queries(session_reader, article)

    assert routing_queries(session_reader, article) == []

    article.unpublish()  # any retirement starts a new sequence

    assert session_reader.get(article.url).status_code == 404


def test_an_unknown_article_slug_keeps_nothing(session_reader, article):
    unknown = article.url.rstrip("/") + "-unknown/"

    assert session_reader.get(unknown).status_code == 404
    assert session_reader.get(unknown).status_code == 404

    assert all(key[0] != "article" for key in memo.routes.kept.values)


def test_each_request_gets_a_copy_of_its_own():
    load = Loads()
    first = memo.remembered(RequestFactory().get("/"), "key", load)
    first["seen_by"].append("first reader")

    second = memo.remembered(RequestFactory().get("/"), "key", load)

    assert load.count == 1
    assert second == {"site_name": "Hub", "seen_by": []}


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_without_a_reachable_cache_every_request_reads_the_database():
    load = Loads()

    for _ in range(3):
        memo.remembered(RequestFactory().get("/"), "key", load)

    assert load.count == 3


def test_copies_are_kept_at_most_max_age_seconds(monkeypatch):
    load = Loads()
    memo.remembered(RequestFactory().get("/"), "key", load)
    kept_since = memo.rows.kept.since
    monkeypatch.setattr(memo.time, "monotonic", lambda: kept_since + memo.MAX_AGE + 1)

    memo.remembered(RequestFactory().get("/"), "key", load)

    assert load.count == 2
