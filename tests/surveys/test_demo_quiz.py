"""The demo's learning outcomes: the seed article's quick quiz in three languages, its
funded programme, what the feedback statements measure, and fictional readers' answers."""

import os
from html import escape

import pytest

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page

from articles.models import ArticlePage, Programme
from home.models import FunderPage
from hub_site.demo import learning
from hub_site.demo.articles import SEED_ARTICLE_SLUG
from hub_site.demo.fictional_answers import PERIOD, READERS, fictional_respondent
from hub_site.translation.numbers_guard import extract_numbers, flagged_segments_of
from surveys.models import (
    Phase,
    PollVote,
    QuizAttempt,
    QuizPage,
    SurveyFormField,
    SurveyPage,
    SurveyResponse,
)
from surveys.models.survey import OutcomeMeasure

LANGUAGES = ("en", "es", "fr")


def quiz_in(language_code):
    return QuizPage.objects.get(slug=learning.QUIZ_SLUG, locale__language_code=language_code)


def seed_article_in(language_code):
    return ArticlePage.objects.get(slug=SEED_ARTICLE_SLUG, locale__language_code=language_code)


def ids(quiz):
    return [(q.id, [choice.id for choice in q.choices]) for q in quiz.quiz_questions()]


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


@pytest.mark.usefixtures("demo_content")
def test_the_quiz_is_published_in_three_languages_with_four_questions_and_one_answer_each():
    english = quiz_in("en")
    for language_code in LANGUAGES:
        quiz = quiz_in(language_code)
        questions = quiz.quiz_questions()

        assert quiz.live and not quiz.has_unpublished_changes
        assert len(questions) == 4
        for question in questions:
            assert 3 <= len(question.choices) <= 4
            assert sum(choice.correct for choice in question.choices) == 1
            assert question.explanation
        # Answers given in any language count together: the same ids everywhere.
        assert ids(quiz) == ids(english)
    assert quiz_in("es").title == (
        "Test rápido: alo-TPH en RC2 en adolescentes y adultos jóvenes con LLA"
    )
    assert quiz_in("fr").quiz_questions()[1].text == (
        "Quelle était l’incidence cumulée de la rechute à 3 ans après une allo-CSH en RC2 ?"
    )


@pytest.mark.usefixtures("demo_content")
@pytest.mark.parametrize(
    ("language_code", "question"),
    [
        ("en", "what was the 3-year overall survival?"),
        ("es", "¿cuál fue la supervivencia global a 3 años?"),
        ("fr", "quelle était la survie globale à 3 ans ?"),
    ],
)
def test_readers_of_the_seed_article_take_the_quiz_in_its_language(
    hcp_client, language_code, question
):
    response = hcp_client.get(seed_article_in(language_code).url)

    assert response.status_code == 200
    assert question in response.text


@pytest.mark.usefixtures("demo_content")
def test_the_quiz_translations_keep_every_figure_and_the_correct_answers():
    english = quiz_in("en").quiz_questions()
    for language_code in ("es", "fr"):
        quiz = quiz_in(language_code)

        assert flagged_segments_of(quiz)[1] == []
        assert [q.correct_choice.id for q in quiz.quiz_questions()] == [
            q.correct_choice.id for q in english
        ]


@pytest.mark.usefixtures("demo_content")
def test_every_figure_in_the_quiz_is_stated_in_the_seed_article():
    article = seed_article_in("en")
    # HTML, as the numbers guard reads it.
    article_text = " ".join(
        [article.title, article.summary, article.key_data, article.key_learning]
    )
    for question in quiz_in("en").quiz_questions():
        quiz_text = escape(
            " ".join([question.text, question.explanation, *(c.label for c in question.choices)])
        )

        assert set(extract_numbers(quiz_text)) <= set(extract_numbers(article_text)), quiz_text
    # The explanations quote the article's own figures.
    assert "p\u00a0<\u00a00.001" in quiz_in("en").quiz_questions()[2].explanation


@pytest.mark.usefixtures("demo_content")
def test_the_seed_article_shows_the_quiz_and_is_tagged_with_the_programme_in_every_language():
    programme = Programme.objects.get(name=learning.PROGRAMME_NAME)
    funders = FunderPage.objects.filter(locale__language_code="en")

    assert programme.grant_reference == "ALLHUB-2026-01"
    assert set(programme.funders.all()) == set(funders) and funders.count() == 5
    for language_code in LANGUAGES:
        article = seed_article_in(language_code)

        assert article.live and not article.has_unpublished_changes
        # Synchronized from the English article; the article template localizes it.
        assert article.quiz == quiz_in("en")
        assert article.quiz.get_translation(article.locale) == quiz_in(language_code)
        assert list(article.programmes.all()) == [programme]


@pytest.mark.usefixtures("demo_content")
def test_the_feedback_statements_say_what_they_measure_in_every_language():
    expected = [
        OutcomeMeasure.SATISFACTION,
        OutcomeMeasure.OBJECTIVES,
        OutcomeMeasure.SATISFACTION,
        OutcomeMeasure.PRACTICE_CHANGE,
        OutcomeMeasure.SATISFACTION,
    ]
    for language_code in LANGUAGES:
        survey = SurveyPage.objects.get(locale__language_code=language_code)

        assert [field.measures for field in survey.form_fields.all()] == expected
        assert survey.live and not survey.has_unpublished_changes


@pytest.mark.usefixtures("demo_content")
def test_an_older_demo_database_gets_the_measures_through_a_publication():
    english = SurveyPage.objects.get(locale__language_code="en")
    revisions = english.revisions.count()
    # As the migration that added the field left the demo's rows.
    SurveyFormField.objects.update(measures=OutcomeMeasure.SATISFACTION)

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert english.revisions.count() == revisions + 1
    for language_code in LANGUAGES:
        survey = SurveyPage.objects.get(locale__language_code=language_code)
        assert survey.form_fields.filter(measures=OutcomeMeasure.PRACTICE_CHANGE).count() == 1
        assert survey.form_fields.filter(measures=OutcomeMeasure.OBJECTIVES).count() == 1


@pytest.mark.usefixtures("demo_content")
def test_fictional_readers_took_the_quiz_in_three_languages_and_scored_better_after():
    attempts = QuizAttempt.objects.select_related("quiz", "article", "locale")
    before = attempts.filter(phase=Phase.BEFORE)
    after = attempts.filter(phase=Phase.AFTER)

    assert 50 <= before.count() <= 70 and 30 <= after.count() <= 50
    assert {attempt.locale.language_code for attempt in attempts} == set(LANGUAGES)
    for attempt in attempts:
        # Each on the quiz and the article of the language the reader read.
        assert attempt.quiz.locale_id == attempt.article.locale_id == attempt.locale_id
        assert len(attempt.respondent) == 64
        assert timezone.now() - PERIOD - timezone.timedelta(hours=1) < attempt.created_at
        assert attempt.created_at < timezone.now()
    assert set(after.values_list("respondent", flat=True)) <= set(
        before.values_list("respondent", flat=True)
    )
    share = {
        phase: sum(a.correct for a in rows) / sum(a.questions for a in rows)
        for phase, rows in (("before", before), ("after", after))
    }
    assert 0.3 < share["before"] < 0.6 < 0.7 < share["after"]
    colleagues = quiz_in("en").colleague_average(seed_article_in("en"))
    assert colleagues.before_percent < colleagues.after_percent


@pytest.mark.usefixtures("demo_content")
def test_fictional_readers_answered_the_survey_and_voted_in_the_poll():
    responses = SurveyResponse.objects.select_related("page", "article")
    votes = PollVote.objects.select_related("poll", "article", "choice")
    likert = [
        value
        for response in responses
        for value in response.form_data.values()
        if isinstance(value, int)
    ]

    assert 25 <= responses.count() <= 45 and 40 <= votes.count() <= 60
    assert {response.page.locale.language_code for response in responses} == set(LANGUAGES)
    assert all(response.article.locale_id == response.page.locale_id for response in responses)
    assert set(likert) <= {1, 2, 3, 4, 5}
    assert sum(value >= 4 for value in likert) > len(likert) / 2
    assert all(vote.poll.locale_id == vote.choice.locale_id for vote in votes)
    fictional = {fictional_respondent(number) for number in range(1, READERS + 1)}
    assert set(responses.values_list("respondent", flat=True)) <= fictional
    assert set(votes.values_list("respondent", flat=True)) <= fictional


@pytest.mark.usefixtures("demo_content")
def test_loading_the_demo_again_changes_nothing():
    counts = row_counts()
    revisions = {page.pk: page.latest_revision_id for page in Page.objects.all()}

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert row_counts() == counts
    assert {page.pk: page.latest_revision_id for page in Page.objects.all()} == revisions
