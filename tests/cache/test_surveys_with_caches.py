"""Surveys and polls with the caching layer (hub_site/cache): the cache headers of pages
with a reader's parts, the edge's SSI markers and includes, and what the per-process copies
save a reader's part and a vote. The content apps' own tests (tests/surveys) pass without
the caching layer (settings/test_without_caches.py); these need it."""

# The fixtures are the surveys tests' own, imported: their names come back as parameters.
# ruff: noqa: F811

import pytest

from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation
from surveys.models import PollVote
from surveys.notices import ReaderNotice
from surveys.reader_identity import ReaderState
from tests.surveys.conftest import (  # noqa: F401 - fixtures
    article,
    demo,
    fresh_rate_limits,
    home,
    new_reader,
    poll,
    survey,
)
from tests.surveys.test_polls import choice_id
from tests.surveys.test_reader_parts import (  # noqa: F401 - fixtures
    ANSWERED,
    EDGE_INCLUDES,
    VOTED,
    assert_private_and_cookieless,
    featured,
    markers,
    poll_part_url,
    respondent,
    squeezed,
    survey_part_url,
    voter,
)
from tests.surveys.test_vote_url import poll_form

pytestmark = pytest.mark.django_db


def get_again(client, url, queries):
    """GET ``url`` a second time, within ``queries`` (a count of queries asserted): the
    poll or survey, the article and the site are read once per content generation, by the
    first request."""
    client.get(url)
    with queries:
        return client.get(url)


def test_a_poll_part_costs_three_queries(voter, featured, article, django_assert_num_queries):
    # The reader's vote, then the results: the votes per choice and the choices.
    response = get_again(voter, poll_part_url(featured, article), django_assert_num_queries(3))

    assert VOTED in response.text


def test_a_poll_part_of_a_reader_who_has_not_voted_costs_at_most_two_queries(
    featured, article, new_reader, django_assert_max_num_queries
):
    reader = new_reader()
    identity = ReaderState()  # a reader who answered something else before
    identity.start()
    reader.cookies[settings.READER_COOKIE_NAME] = identity.as_cookie_value()
    # Whether they voted, and the choices of the blank form (none when its markup comes
    # from the fragment cache).
    response = get_again(reader, poll_part_url(featured, article), django_assert_max_num_queries(2))

    assert 'class="poll-form"' in response.text


def test_a_survey_part_costs_one_query(respondent, survey, article, django_assert_num_queries):
    # Whether they answered: the survey, the article and the site are the process's copies.
    response = get_again(respondent, survey_part_url(survey, article), django_assert_num_queries(1))

    assert ANSWERED in response.text


def test_a_page_without_reader_state_marks_its_poll_and_survey(
    featured, survey, article, new_reader
):
    reader = new_reader()

    response = reader.get(article.url)

    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    parts = markers(response.text)
    poll_url, survey_url = poll_part_url(featured, article), survey_part_url(survey, article)
    assert set(parts) == {poll_url, survey_url}
    assert parts[poll_url][0] != parts[survey_url][0]  # one block name per part
    assert 'class="poll-form"' in parts[poll_url][1]
    assert 'class="survey-form"' in parts[survey_url][1]
    # The block's markup is what the part's view renders for a reader without state.
    for url, (_name, default) in parts.items():
        assert reader.get(url).text == default


def test_a_page_with_reader_state_shows_it_inline_without_markers(voter, featured, article):
    response = voter.get(article.url)

    assert "<!--#" not in response.text
    assert VOTED in response.text
    assert "private" in response["Cache-Control"]


def test_a_vote_leaves_a_notice_the_next_page_shows_once_and_deletes(featured, article, new_reader):
    reader = new_reader()

    vote = reader.post(
        reverse("surveys:poll_vote", args=[featured.pk]),
        {"choice": choice_id(featured, "Very positive"), "article": article.pk},
    )
    assert vote.status_code == 303
    assert vote.cookies[settings.READER_NOTICE_COOKIE_NAME].value
    assert vote.cookies[settings.READER_COOKIE_NAME].value

    shown = reader.get(vote["Location"])
    assert "Thank you for voting." in shown.text
    assert "100% (1 vote)" in shown.text
    deleted = shown.cookies[settings.READER_NOTICE_COOKIE_NAME]
    assert deleted.value == "" and deleted["max-age"] == 0
    assert settings.READER_COOKIE_NAME not in shown.cookies  # left as it is
    assert "private" in shown["Cache-Control"] and "X-App-Cache" not in shown

    after = reader.get(article.url)
    assert "Thank you for voting." not in after.text
    assert VOTED in after.text and "100% (1 vote)" in after.text
    assert not after.cookies


def test_a_notice_for_another_part_is_kept_for_it(featured, survey, article, new_reader):
    reader = new_reader()
    notice = ReaderNotice()
    notice.leave(f"poll:{featured.translation_key}", "thanks")
    reader.cookies[settings.READER_NOTICE_COOKIE_NAME] = notice.as_cookie_value()

    survey_page = reader.get(survey.url)

    assert settings.READER_NOTICE_COOKIE_NAME not in survey_page.cookies
    assert "private" in survey_page["Cache-Control"]  # a notice is never given a shared copy
    assert "Thank you for voting." in reader.get(article.url).text


def test_an_edge_includes_request_gets_the_shared_copy(
    voter, featured, survey, article, new_reader
):
    response = voter.get(article.url, headers=EDGE_INCLUDES)

    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    assert VOTED not in response.text
    parts = markers(response.text)
    assert set(parts) == {poll_part_url(featured, article), survey_part_url(survey, article)}
    # nginx would put the voter's own part in its place.
    assert VOTED in voter.get(poll_part_url(featured, article)).text
    # The copy is the one every reader shares: the app's page cache answers the next one.
    shared = new_reader().get(article.url)
    assert shared["X-App-Cache"] == "HIT"
    assert shared.text == response.text


def test_without_the_header_the_reader_gets_their_state_inline(voter, article):
    response = voter.get(article.url)

    assert "private" in response["Cache-Control"]
    assert VOTED in response.text and "<!--#" not in response.text


@pytest.mark.parametrize("cookie", ["session", "notice"])
def test_the_header_does_not_share_a_session_s_or_a_notice_s_page(voter, featured, article, cookie):
    if cookie == "session":
        voter.cookies[settings.SESSION_COOKIE_NAME] = "a-session-of-no-one"
    else:
        notice = ReaderNotice()
        notice.leave(f"poll:{featured.translation_key}", "thanks")
        voter.cookies[settings.READER_NOTICE_COOKIE_NAME] = notice.as_cookie_value()

    response = voter.get(article.url, headers=EDGE_INCLUDES)

    assert "private" in response["Cache-Control"]
    assert "<!--#" not in response.text
    assert VOTED in response.text or "Thank you for voting." in response.text


def test_a_new_reader_s_vote_is_not_routed_through_the_page_tree(
    hcp_client, featured, article, django_assert_max_num_queries
):
    action, data = poll_form(hcp_client.get(article.url).text)
    hcp_client.post(action, data)  # the poll and the article are read once per generation
    reader = Client(REMOTE_ADDR="10.0.0.2")  # another reader, from another address
    reader.cookies[COOKIE_NAME] = signed_confirmation()

    # The choice, then the vote (in a savepoint of the test's transaction): no page,
    # article, site or setting lookup, and no session row (the reader gets a cookie). On
    # PostgreSQL the vote's commit does not wait for the disk (surveys/durability.py).
    on_postgresql = connection.vendor == "postgresql"
    with django_assert_max_num_queries(4 + on_postgresql) as queries:
        response = reader.post(action, data)

    assert response.status_code == 303
    assert settings.READER_COOKIE_NAME in response.cookies
    assert settings.SESSION_COOKIE_NAME not in response.cookies

    statements = " ".join(q["sql"] for q in queries.captured_queries)
    assert "wagtailcore_page" not in statements
    assert ("SET LOCAL synchronous_commit TO OFF" in statements) == on_postgresql
    assert PollVote.objects.count() == 2
