"""The quick quiz in Spanish: translated with wagtail-localize like every reader text, taken
on the Spanish article, and counted with the English answers (the same question and choice
ids in every language)."""

import pytest

from django.test import TestCase

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from surveys.models import QuizAttempt
from tests.i18n.conftest import translate
from tests.localize import translate_segments
from tests.publishing import publish_certified
from tests.translation.helpers import translation_into

from .quiz_helpers import answers, part, quiz_answer_url

pytestmark = pytest.mark.django_db

SPANISH = {
    "Quick quiz": "Cuestionario rápido",
    "What was the 3-year overall survival of AYAs after allo-HSCT in CR2?": (
        "¿Cuál fue la supervivencia global a 3 años de los AYA tras el alo-TPH en RC2?"
    ),
    "About 30%": "Alrededor del 30%",
    "About 50%": "Alrededor del 50%",
    "About 80%": "Alrededor del 80%",
    "The registry reported 3-year overall survival of about 50% for AYAs.": (
        "El registro comunicó una supervivencia global a 3 años de alrededor del 50% en los AYA."
    ),
    "Which donor type did most AYAs in CR2 receive?": (
        "¿Qué tipo de donante recibió la mayoría de los AYA en RC2?"
    ),
    "Matched sibling": "Hermano compatible",
    "Matched unrelated": "No emparentado compatible",
    "Most AYAs were transplanted from matched unrelated donors.": (
        "La mayoría de los AYA recibió el trasplante de donantes no emparentados compatibles."
    ),
}


def translate_quiz(quiz, language_code):
    """Translate the quiz as a translator does in wagtail-localize's editor, and publish it."""
    locale = Locale.objects.get(language_code=language_code)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(quiz, [locale])
    translation = translation_into(quiz, language_code)
    translate_segments(
        translation.source,
        locale,
        lambda segment: SPANISH.get(segment.string.data, segment.string.data),
    )
    translation.save_target()
    spanish_quiz = quiz.get_translation(locale).specific
    for draft in [*spanish_quiz.get_ancestors().filter(depth__gt=1, live=False), spanish_quiz]:
        publish_certified(draft.get_latest_revision())
    spanish_quiz.refresh_from_db()
    return spanish_quiz


@pytest.fixture
def articles(quiz_article, quiz):
    spanish_quiz = translate_quiz(quiz, "es")
    return quiz_article, translate(quiz_article, "es")["es"], spanish_quiz


def test_the_quiz_s_questions_choices_and_explanations_are_translated_with_the_same_ids(
    articles, quiz
):
    _english, _spanish_article, spanish_quiz = articles

    english_questions, spanish_questions = quiz.quiz_questions(), spanish_quiz.quiz_questions()

    assert [q.id for q in spanish_questions] == [q.id for q in english_questions]
    assert [[c.id for c in q.choices] for q in spanish_questions] == [
        [c.id for c in q.choices] for q in english_questions
    ]
    assert spanish_questions[0].text == SPANISH[english_questions[0].text]
    assert spanish_questions[0].correct_choice.label == "Alrededor del 50%"
    assert spanish_questions[1].explanation.startswith("La mayoría de los AYA")


def test_a_spanish_reader_takes_the_spanish_quiz_on_the_spanish_article(
    hcp_client, new_reader, articles, quiz
):
    english, spanish, spanish_quiz = articles
    html = hcp_client.get(spanish.url).text
    before = part(html, "before")
    assert "¿Cuál fue la supervivencia global a 3 años" in before
    assert f'action="{quiz_answer_url(spanish_quiz, "before")}"' in before
    assert spanish_quiz.url.startswith("/es/")

    response = hcp_client.post(
        quiz_answer_url(spanish_quiz, "before"),
        answers(spanish_quiz, "before", (True, False), spanish),
    )
    assert response.status_code == 303
    assert response["Location"] == f"{spanish.url}#quiz-before"
    hcp_client.get(spanish.url)
    hcp_client.post(
        quiz_answer_url(spanish_quiz, "after"),
        answers(spanish_quiz, "after", (True, True), spanish),
    )
    after = part(hcp_client.get(spanish.url).text, "after")
    assert "El registro comunicó una supervivencia global" in after
    assert "Alrededor del 50%" in after

    # Counted with the English answers: one quiz, one article, two languages.
    english_reader = new_reader(address="10.2.0.1")
    english_reader.post(
        quiz_answer_url(quiz, "before"), answers(quiz, "before", (False, False), english)
    )
    attempts = QuizAttempt.objects.order_by("pk")
    assert {a.quiz_key for a in attempts} == {quiz.translation_key}
    assert {a.article_key for a in attempts} == {english.translation_key}
    assert [a.locale.language_code for a in attempts] == ["es", "es", "en"]


def test_the_spanish_quiz_does_not_take_answers_on_the_english_article(hcp_client, articles, quiz):
    english, _spanish, spanish_quiz = articles

    response = hcp_client.post(
        quiz_answer_url(spanish_quiz, "before"),
        answers(spanish_quiz, "before", (True, True), english),
    )

    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()
