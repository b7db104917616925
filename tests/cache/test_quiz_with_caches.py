"""The quick quiz on cached articles (hub_site/cache): the article stays one shared copy for
every reader, at the app cache and at the edge, and what is a reader's own (their scores,
their answers) is filled in from the quiz's part views, as for polls and surveys."""

# The fixtures are the surveys tests' own, imported: their names come back as parameters.
# ruff: noqa: F811

import pytest

from django.urls import reverse

from surveys.models import QuizAttempt
from tests.publishing import publish_certified
from tests.surveys.conftest import (  # noqa: F401 - fixtures
    add_article,
    fresh_rate_limits,
    home,
    new_reader,
)
from tests.surveys.quiz_helpers import answers, make_quiz, quiz_answer_url
from tests.surveys.test_reader_parts import EDGE_INCLUDES, markers

pytestmark = pytest.mark.django_db

SCORED = "You answered 1 of 2 correctly before reading."


@pytest.fixture
def quiz(home):
    return make_quiz(home)


@pytest.fixture
def article(home, quiz):
    article = add_article(home, "Allo-HSCT in CR2", "allo-hsct-cr2")
    article.quiz = quiz
    publish_certified(article.save_revision())
    return article


def quiz_part_url(quiz, phase, article):
    return f"{reverse('surveys:quiz_reader_part', args=[quiz.pk, phase])}?article={article.pk}"


@pytest.fixture
def quiz_taker(quiz, article, new_reader):
    """A reader who took the quiz before reading, and has seen the notice of it."""
    reader = new_reader(address="10.1.0.1")
    response = reader.post(
        quiz_answer_url(quiz, "before"), answers(quiz, "before", (True, False), article)
    )
    assert response.status_code == 303
    reader.get(article.url)
    return reader


def test_the_shared_copy_marks_both_quiz_parts_with_what_a_new_reader_sees(
    quiz, article, new_reader
):
    reader = new_reader()

    response = reader.get(article.url)

    assert "public" in response["Cache-Control"]
    parts = markers(response.text)
    before, after = quiz_part_url(quiz, "before", article), quiz_part_url(quiz, "after", article)
    assert {before, after} <= set(parts)
    assert 'class="quiz-form"' in parts[before][1]
    assert "Take it at the top of the article first" in parts[after][1]
    for url in (before, after):
        assert reader.get(url).text == parts[url][1]


def test_two_readers_share_one_cached_article_and_each_sees_their_own_quiz(
    quiz_taker, quiz, article, new_reader
):
    # The quiz taker's request as the edge makes it: the shared copy, with marks.
    shared = quiz_taker.get(article.url, headers=EDGE_INCLUDES)
    assert "public" in shared["Cache-Control"]
    assert SCORED not in shared.text
    # nginx puts their parts in place of the marks.
    assert SCORED in quiz_taker.get(quiz_part_url(quiz, "before", article)).text
    assert 'class="quiz-form"' in quiz_taker.get(quiz_part_url(quiz, "after", article)).text

    # Another reader gets the same copy from the app's cache, with the blank quiz.
    other = new_reader(address="10.1.0.2").get(article.url)
    assert other["X-App-Cache"] == "HIT"
    assert other.text == shared.text

    # Without the edge, the quiz taker's page is rendered for them alone.
    own = quiz_taker.get(article.url)
    assert "private" in own["Cache-Control"] and "<!--#" not in own.text
    assert SCORED in own.text


def test_the_second_reader_takes_the_quiz_on_the_cached_copy(quiz_taker, quiz, article, new_reader):
    quiz_taker.get(article.url, headers=EDGE_INCLUDES)  # the shared copy is cached
    second = new_reader(address="10.1.0.3")
    assert second.get(article.url)["X-App-Cache"] == "HIT"

    response = second.post(
        quiz_answer_url(quiz, "before"), answers(quiz, "before", (True, True), article)
    )

    assert response.status_code == 303
    assert "You answered 2 of 2 correctly before reading." in second.get(article.url).text
    assert QuizAttempt.objects.count() == 2
    # The first reader's score is still theirs.
    assert SCORED in quiz_taker.get(quiz_part_url(quiz, "before", article)).text


def test_an_attempt_retires_no_cached_page(quiz_taker, quiz, article, new_reader):
    new_reader(address="10.1.0.4").get(article.url)
    assert new_reader(address="10.1.0.5").get(article.url)["X-App-Cache"] == "HIT"

    quiz_taker.post(quiz_answer_url(quiz, "after"), answers(quiz, "after", (True, True), article))

    assert new_reader(address="10.1.0.6").get(article.url)["X-App-Cache"] == "HIT"


def test_a_quiz_part_costs_a_bounded_number_of_queries(
    quiz_taker, quiz, article, django_assert_max_num_queries
):
    url = quiz_part_url(quiz, "before", article)
    quiz_taker.get(url)  # the quiz and the article are read once per content generation

    # The reader's attempts and their answers.
    with django_assert_max_num_queries(2):
        response = quiz_taker.get(url)

    assert SCORED in response.text
