"""Survey and poll forms taken from a cached page work for any reader; cross-site POSTs fail.

The forms carry no CSRF token (a cached copy would hand one reader's token to all); their
POSTs are checked by origin instead (hub_site/security/origin.py). Each POST here comes
from a client that enforces the checks, as a browser's request meets them.
"""

import pytest
from bs4 import BeautifulSoup

from hub_site.demo.surveys import feature_poll_on_article
from surveys.models import PollPage, PollVote, SurveyResponse

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


def form_data(html, css_class):
    """The form's action and the fields a reader would send: hidden ones, and the last
    option of each radio group (a Likert "strongly agree", the poll's last choice)."""
    form = BeautifulSoup(html, "html.parser").select_one(f"form.{css_class}")
    data = {}
    for field in form.select("input"):
        if field["type"] in ("hidden", "radio"):
            data[field["name"]] = field["value"]
    return form["action"], data


@pytest.fixture
def cached_article(article, reader):
    """The article as reader A saw it, now in the app's page cache."""
    first = reader().get(article.url)
    assert first["X-App-Cache"] == "MISS"
    return article


def test_the_article_sets_no_cookie_and_its_forms_carry_no_token(article, reader):
    response = reader().get(article.url)

    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.text
    assert "public" in response["Cache-Control"]


def test_a_survey_form_from_a_cached_page_is_accepted_from_a_second_reader(
    cached_article, strict_reader
):
    page = strict_reader.get(cached_article.url)
    assert page["X-App-Cache"] == "HIT"
    action, data = form_data(page.text, "survey-form")

    response = strict_reader.post(action, data, headers={"Origin": SITE})

    assert response.status_code == 303
    assert response["Location"] == f"{cached_article.url}#feedback"
    stored = SurveyResponse.objects.get()
    assert stored.article_id == cached_article.pk
    # Back on the article, the reader (now with a session) sees their thank-you, not a copy.
    after = strict_reader.get(response["Location"])
    assert "X-App-Cache" not in after
    assert "Thank you for your feedback: it helps us plan" in after.text
    assert "survey-form" not in after.text


def test_a_poll_form_from_a_cached_page_is_accepted_and_the_voter_sees_fresh_results(
    article, reader, strict_reader
):
    poll = PollPage.objects.get()
    feature_poll_on_article(poll, article)
    reader().get(article.url)
    page = strict_reader.get(article.url)
    assert page["X-App-Cache"] == "HIT"
    action, data = form_data(page.text, "poll-form")

    response = strict_reader.post(
        action, data, headers={"Origin": SITE, "Sec-Fetch-Site": "same-origin"}
    )

    assert response.status_code == 303
    assert PollVote.objects.filter(poll=poll, article=article).count() == 1
    after = strict_reader.get(response["Location"])
    assert "Thank you for voting." in after.text
    assert "100% (1 vote)" in after.text
    # Readers who have not voted still share the cached page with its form.
    assert reader().get(article.url)["X-App-Cache"] == "HIT"


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": SITE, "Sec-Fetch-Site": "cross-site"},
        {},
    ],
    ids=["foreign origin", "null origin", "cross-site fetch", "no origin nor referer"],
)
def test_a_cross_site_post_is_refused_and_stores_nothing(cached_article, strict_reader, headers):
    page = strict_reader.get(cached_article.url)
    action, data = form_data(page.text, "survey-form")

    response = strict_reader.post(action, data, headers=headers)

    assert response.status_code == 403
    assert "This form was not sent from a page of this site" in response.text
    assert not SurveyResponse.objects.exists()


def test_a_cross_site_vote_is_refused_and_counts_nothing(article, strict_reader):
    poll = PollPage.objects.get()
    choice = poll.choices.first()

    response = strict_reader.post(
        poll.url,
        {"choice": choice.pk, "article": article.pk},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )

    assert response.status_code == 403
    assert not PollVote.objects.exists()


def test_the_gate_keeps_djangos_csrf_token_check(client):
    strict = type(client)(enforce_csrf_checks=True)

    response = strict.post("/en/hcp-confirm/", {"next": "/en/"}, headers={"Origin": SITE})

    assert response.status_code == 403
    assert "hcp_confirmed" not in response.cookies
