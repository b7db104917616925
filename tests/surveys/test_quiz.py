"""The quick quiz: taken before reading at the top of the article and after reading at its
foot, once per phase per reader, with scores, the answers and colleagues' averages."""

import pytest

from surveys.models import QuizAnswer, QuizAttempt

from .conftest import add_article
from .quiz_helpers import answers, part, quiz_answer_url

pytestmark = pytest.mark.django_db


def take(reader, quiz, phase, article, correct=(True, True)):
    return reader.post(quiz_answer_url(quiz, phase), answers(quiz, phase, correct, article))


def test_a_new_reader_sees_the_quiz_before_reading_and_a_way_to_skip_it(hcp_client, quiz_article):
    html = hcp_client.get(quiz_article.url).text

    before = part(html, "before")
    assert "Quick quiz: before you read" in before
    assert "What was the 3-year overall survival of AYAs after allo-HSCT in CR2?" in before
    assert '<a class="quiz__skip" href="#article-content">' in before
    assert 'id="article-content"' in html
    # The correct answers and explanations are not on the page before the second attempt.
    assert "The registry reported" not in html
    after = part(html, "after")
    assert "Take it at the top of the article first" in after
    assert "<form" not in after


def test_the_quiz_before_reading_stores_the_score_and_keeps_the_answers_for_later(
    hcp_client, quiz_article, quiz
):
    response = take(hcp_client, quiz, "before", quiz_article, correct=(True, False))

    assert response.status_code == 303
    assert response["Location"] == f"{quiz_article.url}#quiz-before"
    attempt = QuizAttempt.objects.get()
    assert (attempt.phase, attempt.correct, attempt.questions) == ("before", 1, 2)
    assert attempt.article_key == quiz_article.translation_key
    assert QuizAnswer.objects.filter(attempt=attempt).count() == 2
    html = hcp_client.get(quiz_article.url).text
    before = part(html, "before")
    assert "Thank you: your answers were stored." in before
    assert "You answered 1 of 2 correctly before reading." in before
    assert "The registry reported" not in html
    assert "Compare my answers" in part(html, "after")


def test_after_reading_the_reader_sees_both_scores_the_answers_and_the_explanations(
    hcp_client, quiz_article, quiz
):
    take(hcp_client, quiz, "before", quiz_article, correct=(False, False))
    hcp_client.get(quiz_article.url)

    response = take(hcp_client, quiz, "after", quiz_article, correct=(True, False))

    assert response.status_code == 303
    assert response["Location"] == f"{quiz_article.url}#quiz-after"
    after = part(hcp_client.get(quiz_article.url).text, "after")
    assert "Before reading you answered 0 of 2 correctly; after reading, 1 of 2." in after
    assert "The registry reported 3-year overall survival of about 50% for AYAs." in after
    assert "<dd>About 50%</dd>" in after
    assert "at least five readers" in after


def test_colleagues_average_is_shown_once_five_readers_took_both(
    hcp_client, new_reader, quiz_article, quiz
):
    for number in range(4):
        colleague = new_reader(address=f"10.0.0.{number + 1}")
        take(colleague, quiz, "before", quiz_article, correct=(False, False))
        take(colleague, quiz, "after", quiz_article, correct=(True, True))
    take(hcp_client, quiz, "before", quiz_article, correct=(True, False))
    take(hcp_client, quiz, "after", quiz_article, correct=(True, False))

    after = part(hcp_client.get(quiz_article.url).text, "after")

    # Four colleagues at 0% then 100%, and this reader at 50% twice.
    assert "Your colleagues who took both (5 readers): 10% correct before reading, 90% after." in (
        after
    )


@pytest.mark.parametrize("phase", ["before", "after"])
def test_a_second_attempt_in_a_phase_is_refused_and_stores_nothing(
    hcp_client, quiz_article, quiz, phase
):
    take(hcp_client, quiz, "before", quiz_article)
    if phase == "after":
        take(hcp_client, quiz, "after", quiz_article)
    stored = list(QuizAttempt.objects.values_list("pk", "correct"))

    response = take(hcp_client, quiz, phase, quiz_article, correct=(False, False))

    assert response.status_code == 409
    assert "You have already taken this quiz" in response.text
    assert list(QuizAttempt.objects.values_list("pk", "correct")) == stored


def test_a_quiz_after_reading_without_one_before_is_refused(hcp_client, quiz_article, quiz):
    response = take(hcp_client, quiz, "after", quiz_article)

    assert response.status_code == 409
    assert "Please take the quiz at the top of the article first." in response.text
    assert not QuizAttempt.objects.exists()


def test_a_replayed_answer_is_refused(hcp_client, quiz_article, quiz):
    data = answers(quiz, "before", (True, True), quiz_article)
    assert hcp_client.post(quiz_answer_url(quiz, "before"), data).status_code == 303

    replay = hcp_client.post(quiz_answer_url(quiz, "before"), data)

    assert replay.status_code == 409
    assert QuizAttempt.objects.count() == 1


def wrong_choice(quiz, data):
    question = quiz.quiz_questions()[0]
    data[f"before-{question.id}"] = "not-a-choice"
    return data


def missing_answer(quiz, data):
    del data[f"before-{quiz.quiz_questions()[1].id}"]
    return data


def another_questions_choice(quiz, data):
    first, second = quiz.quiz_questions()
    data[f"before-{first.id}"] = second.choices[0].id
    return data


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (wrong_choice, "That answer is not one of this question&#x27;s choices."),
        (missing_answer, "Please choose an answer to this question."),
        (another_questions_choice, "That answer is not one of this question&#x27;s choices."),
    ],
)
def test_bad_answers_get_a_400_and_the_form_again(hcp_client, quiz_article, quiz, tamper, message):
    data = tamper(quiz, answers(quiz, "before", (True, True), quiz_article))

    response = hcp_client.post(quiz_answer_url(quiz, "before"), data)

    assert response.status_code == 400
    assert "Your answers were not stored. Please answer every question." in response.text
    assert message in response.text
    assert 'class="quiz-form"' in response.text
    assert not QuizAttempt.objects.exists()


@pytest.mark.parametrize("article_id", ["", "abc", "999999", "-1", "99999999999999999999"])
def test_an_answer_on_no_article_or_an_unknown_one_is_refused(
    hcp_client, quiz_article, quiz, article_id
):
    data = answers(quiz, "before", (True, True))
    data["article"] = article_id

    response = hcp_client.post(quiz_answer_url(quiz, "before"), data)

    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()


def test_an_answer_on_an_article_without_this_quiz_is_refused(hcp_client, quiz_article, quiz, home):
    other = add_article(home, "Another article", "another-article")

    response = hcp_client.post(
        quiz_answer_url(quiz, "before"), answers(quiz, "before", (True, True), other)
    )

    assert response.status_code == 400
    assert "This quiz is taken on its article." in response.text
    assert not QuizAttempt.objects.exists()


def test_unknown_quizzes_and_phases_are_not_found(hcp_client, quiz_article, quiz):
    data = answers(quiz, "before", (True, True), quiz_article)

    assert hcp_client.post(f"/en/quizzes/{quiz.pk}/during/", data).status_code == 404
    assert hcp_client.post("/en/quizzes/999999/before/", data).status_code == 404
    assert hcp_client.put(quiz_answer_url(quiz, "before")).status_code == 405
    assert not QuizAttempt.objects.exists()


def test_the_answer_url_sends_a_get_to_the_quiz_page(hcp_client, quiz_article, quiz):
    response = hcp_client.get(quiz_answer_url(quiz, "before"))

    assert response.status_code == 303
    assert response["Location"] == quiz.url


def test_the_quiz_page_lists_its_articles_and_takes_no_answers(hcp_client, quiz_article, quiz):
    response = hcp_client.get(quiz.url)

    assert response.status_code == 200
    assert f'<a href="{quiz_article.url}">{quiz_article.title}</a>' in response.text
    assert "The registry reported" not in response.text
    assert hcp_client.post(quiz.url, {}).status_code == 405


def test_the_reader_part_is_this_readers_state(hcp_client, quiz_article, quiz):
    take(hcp_client, quiz, "before", quiz_article, correct=(True, False))
    url = f"/en/reader/quizzes/{quiz.pk}/before/?article={quiz_article.pk}"

    response = hcp_client.get(url)

    assert response.status_code == 200
    assert "You answered 1 of 2 correctly before reading." in response.text
    assert "private" in response["Cache-Control"]
    assert hcp_client.get(f"/en/reader/quizzes/{quiz.pk}/before/").status_code == 400
    assert hcp_client.get(f"/en/reader/quizzes/{quiz.pk}/later/").status_code == 404
