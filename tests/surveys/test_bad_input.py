"""Bad input gets a clear message or a 4xx, and nothing is stored."""

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from surveys.models import PollVote, SurveyResponse
from tests.publishing import publish_certified

from .conftest import add_article
from .helpers import STATEMENT_NAMES, answers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_stored(db):
    yield
    assert SurveyResponse.objects.count() == 0
    assert PollVote.objects.count() == 0


# Surveys


def test_a_missing_answer_rerenders_the_survey_with_a_message(hcp_client, survey, article):
    data = answers(article=article.pk)
    del data[STATEMENT_NAMES[1]]

    response = hcp_client.post(survey.url, data)

    assert response.status_code == 400
    assert "Your answers were not sent. Please correct the questions marked below." in response.text
    assert f'<a href="#id_{STATEMENT_NAMES[1]}">' in response.text
    assert "Please choose how much you agree with this statement." in response.text
    # The reader's other answers are kept and the article goes with the form again.
    assert (
        f'name="{STATEMENT_NAMES[0]}" value="4" required id="id_{STATEMENT_NAMES[0]}_3" checked>'
        in response.text
    )
    assert f'<input type="hidden" name="article" value="{article.pk}">' in response.text


@pytest.mark.parametrize("level", ["6", "-1", "strongly agree", "4.5"])
def test_an_unknown_level_is_refused(hcp_client, survey, level):
    response = hcp_client.post(survey.url, answers(**{STATEMENT_NAMES[0]: level}))

    assert response.status_code == 400
    assert "Please choose one of the five levels of agreement." in response.text


def test_text_over_the_length_limit_is_refused(hcp_client, survey):
    response = hcp_client.post(survey.url, answers(comments="a" * 2001))

    assert response.status_code == 400
    assert "Ensure this value has at most 2000 characters (it has 2001)." in response.text


@pytest.mark.parametrize("tampered", ["999999", "abc", "-1", "1.5"])
def test_a_tampered_article_id_is_refused(hcp_client, survey, tampered):
    response = hcp_client.post(survey.url, answers(article=tampered))

    assert response.status_code == 400
    assert "The page this answer was given on could not be found." in response.text


def test_a_draft_article_is_refused(hcp_client, survey, home):
    draft = add_article(home, "Draft", "draft", publish=False)

    response = hcp_client.post(survey.url, answers(article=draft.pk))

    assert response.status_code == 400


def test_an_article_in_another_language_is_refused(hcp_client, survey, home, spanish):
    spanish_home = home.copy_for_translation(spanish)
    publish_certified(spanish_home.save_revision())
    spanish_article = add_article(spanish_home, "Artículo", "articulo")

    response = hcp_client.post(survey.url, answers(article=spanish_article.pk))

    assert response.status_code == 400


def test_a_missing_csrf_token_is_refused(hcp_client, survey, article):
    reader = Client(enforce_csrf_checks=True)
    reader.cookies = hcp_client.cookies  # a confirmed reader, so the gate lets the POST through

    response = reader.post(survey.url, answers(article=article.pk))

    assert response.status_code == 403


def test_an_unpublished_survey_is_not_found(hcp_client, survey, article):
    survey.unpublish()

    response = hcp_client.post(survey.url, answers(article=article.pk))

    assert response.status_code == 404


def test_other_methods_are_not_allowed(hcp_client, survey):
    assert hcp_client.put(survey.url).status_code == 405


# Polls: votes are taken at the poll's vote URL (its form's action) and, for forms kept
# from before it, at the poll page's own URL; every check holds at both.


@pytest.fixture(params=["vote URL", "poll page URL"])
def target(request):
    if request.param == "vote URL":
        return lambda poll: reverse("surveys:poll_vote", args=[poll.pk])
    return lambda poll: poll.url


def test_a_missing_choice_is_refused(hcp_client, target, poll):
    response = hcp_client.post(target(poll), {})

    assert response.status_code == 400
    assert "Your vote was not counted. Please choose one of the answers." in response.text
    assert "Please choose an answer before voting." in response.text


@pytest.mark.parametrize("choice", ["999999", "abc", ""])
def test_an_unknown_choice_is_refused(hcp_client, target, poll, choice):
    response = hcp_client.post(target(poll), {"choice": choice})

    assert response.status_code == 400


def test_a_choice_from_another_poll_is_refused(hcp_client, target, poll, make_poll):
    other = make_poll("other")

    response = hcp_client.post(target(poll), {"choice": other.choices.first().pk})

    assert response.status_code == 400
    assert "That answer is not one of this poll&#x27;s choices." in response.text


def test_a_tampered_article_id_on_a_vote_is_refused(hcp_client, target, poll):
    response = hcp_client.post(
        target(poll), {"choice": poll.choices.first().pk, "article": "999999"}
    )

    assert response.status_code == 400
    assert "The page this answer was given on could not be found." in response.text


def test_a_closed_poll_refuses_votes(hcp_client, target, make_poll):
    poll = make_poll("closed", closes_at=timezone.now() + timezone.timedelta(hours=1))
    assert hcp_client.post(target(poll), {}).status_code == 400  # read while open
    poll.closes_at = timezone.now()
    publish_certified(poll.save_revision())

    response = hcp_client.post(target(poll), {"choice": poll.choices.first().pk})

    assert response.status_code == 400
    assert "This poll has closed." in response.text


def test_a_poll_not_open_yet_refuses_votes(hcp_client, target, make_poll):
    poll = make_poll("later", opens_at=timezone.now() + timezone.timedelta(days=1))

    response = hcp_client.post(target(poll), {"choice": poll.choices.first().pk})

    assert response.status_code == 400
    assert "This poll is not open yet." in response.text


def test_a_missing_csrf_token_on_a_vote_is_refused(hcp_client, target, poll):
    reader = Client(enforce_csrf_checks=True)
    reader.cookies = hcp_client.cookies  # a confirmed reader, so the gate lets the POST through

    response = reader.post(target(poll), {"choice": poll.choices.first().pk})

    assert response.status_code == 403


def test_an_unpublished_poll_is_not_found(hcp_client, target, poll):
    poll.unpublish()

    response = hcp_client.post(target(poll), {"choice": poll.choices.first().pk})

    assert response.status_code == 404


def test_a_tampered_article_id_in_a_survey_link_is_refused(hcp_client, target, survey):
    response = hcp_client.get(survey.url, {"article": "999999"})

    assert response.status_code == 400
    assert "The page this answer was given on could not be found." in response.text
    assert "<form" not in response.text.split("<main")[1]
