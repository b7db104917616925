"""The report's fixture: a quiz, the seed survey and poll, and readers' answers on three
articles, stored through the models' own methods, worked out by hand in test_report.py.

Article A (English, with a Spanish version): readers 1–6 take the quiz before reading in
English on 10 March 2025 and after reading on 11 March (1–4 in English, 5–6 in Spanish);
their right answers per question are below. Reader 7 only starts, on 20 April. Readers
1–6 answer the survey and 5 readers vote on 12 March; 3 survey responses and 2 votes from
December 2024 were purged by the retention job and survive as tallies.

Article B (English, with a Spanish version) and article A are in programme P: readers 8
and 9 take the quiz before and after on B; 5 survey responses on B, 2 of them on its
Spanish version. Article C is in no programme: what is answered on it never counts for P.
"""

import datetime
import hashlib
from types import SimpleNamespace

import pytest

from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.models import Locale, Site

from articles.models import Programme
from hub_site.demo.surveys import load_surveys
from surveys.models import Phase, PollVote, QuizAttempt, QuizPage, SurveyFormField, SurveyResponse
from surveys.models.survey import OutcomeMeasure
from surveys.retention import purge_old_responses
from tests.articles.factories import create_article, create_index
from tests.publishing import publish_certified
from tests.surveys.helpers import COMMENTS, STATEMENT_NAMES
from tests.workflows.conftest import make_user, team  # noqa: F401 - fixtures

QUESTIONS = ("Q1", "Q2", "Q3", "Q4")
# Reader: (questions right before reading, after reading); the docstring of test_statistics.
PAIRED_READERS = {
    1: ({"Q1"}, {"Q1", "Q2", "Q3"}),
    2: ({"Q1", "Q2"}, {"Q1", "Q2", "Q3", "Q4"}),
    3: ({"Q1", "Q4"}, {"Q1", "Q2"}),
    4: ({"Q2"}, {"Q1", "Q2"}),
    5: ({"Q1", "Q2", "Q3"}, {"Q1", "Q2", "Q3", "Q4"}),
    6: (set(), {"Q1", "Q2", "Q3"}),
}
SPANISH_COMPLETIONS = {5, 6}
STARTER_RIGHT = {"Q1", "Q2"}
# The four statements' levels per reader: clear, objectives, relevant, practice change.
LIKERT_ANSWERS = {
    1: (5, 4, 3, 2),
    2: (4, 4, 3, 4),
    3: (4, 5, 4, 4),
    4: (3, 5, 2, 3),
    5: (5, 3, 1, 5),
    6: (2, 4, 5, 4),
}
PURGED_LIKERT = (4, 4, 4, 5)
SECRET_COMMENT = "Dr Example at St Elsewhere told me"


def moment(year, month, day):
    return datetime.datetime(year, month, day, 12, tzinfo=datetime.UTC)


def respondent(reader):
    """A respondent key as the site stores them: a SHA-256 hex digest."""
    return hashlib.sha256(f"reader {reader}".encode()).hexdigest()


def quiz_stream():
    return [
        (
            "question",
            {
                "question": f"{name}: which answer is right?",
                "choices": [
                    {"label": f"{name} right", "correct": True},
                    {"label": f"{name} wrong", "correct": False},
                ],
                "explanation": f"{name} is explained in the article.",
            },
        )
        for name in QUESTIONS
    ]


def take_quiz(quiz, article, reader, phase, right, when):
    """Store ``reader``'s attempt with the questions ``right`` answered right."""
    chosen = {}
    for name, question in zip(QUESTIONS, quiz.quiz_questions(), strict=True):
        wanted = name in right
        chosen[question.id] = next(c.id for c in question.choices if c.correct == wanted)
    attempt = quiz.add_attempt(
        phase, chosen, article=article, respondent=respondent(reader), reader_language=""
    )
    QuizAttempt.objects.filter(pk=attempt.pk).update(created_at=when)


def answer_survey(survey, article, reader, levels, when):
    answers = dict(zip(STATEMENT_NAMES, levels, strict=True))
    answers[COMMENTS] = f"{SECRET_COMMENT} ({reader})"
    response = survey.add_response(
        answers, article=article, respondent=respondent(reader), reader_language=""
    )
    SurveyResponse.objects.filter(pk=response.pk).update(submit_time=when)


def vote(poll, article, reader, when):
    vote = poll.add_vote(
        poll.choices.first(), article=article, respondent=respondent(reader), reader_language=""
    )
    PollVote.objects.filter(pk=vote.pk).update(created_at=when)


def translated(page, locale):
    translation = page.copy_for_translation(locale, copy_parents=True)
    publish_certified(translation.save_revision())
    return translation.specific


@pytest.fixture(scope="module")
def outcomes_for_module(django_db_setup, django_db_blocker):
    """The fixture, built once for a module and rolled back after its last test; each test
    runs in a savepoint inside it (as ``demo_content_for_module`` in tests/conftest.py)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_outcomes(
            Site.objects.get(is_default_site=True).root_page.specific,
            Locale.objects.get(language_code="es"),
        )
        transaction.set_rollback(True)


@pytest.fixture
def outcomes(outcomes_for_module, db):
    return outcomes_for_module


def build_outcomes(home, spanish):
    """The readers' answers the module docstring describes; the pages and programme."""
    survey, poll = load_surveys(home)
    measures = {
        STATEMENT_NAMES[1]: OutcomeMeasure.OBJECTIVES,
        STATEMENT_NAMES[3]: OutcomeMeasure.PRACTICE_CHANGE,
    }
    for name, measure in measures.items():
        SurveyFormField.objects.filter(page=survey, clean_name=name).update(measures=measure)
    quiz = QuizPage(title="Quick quiz on allo-HSCT", slug="quick-quiz", questions=quiz_stream())
    home.add_child(instance=quiz)
    publish_certified(quiz.save_revision())

    index = create_index(home)
    a = create_article(index, "Allo-HSCT in CR2", quiz=quiz)
    b = create_article(index, "MRD before transplant", quiz=quiz)
    c = create_article(index, "Unfunded update", quiz=quiz)
    a_es, b_es = translated(a, spanish), translated(b, spanish)
    quiz_es = translated(quiz, spanish)
    programme = Programme.objects.create(name="ALL education grant", grant_reference="GR-2025-1")
    for article in (a, b):
        article.programmes.set([programme])
        article.save()

    # Article A: six paired readers and one who only started.
    for reader, (before, after) in PAIRED_READERS.items():
        take_quiz(quiz, a, reader, Phase.BEFORE, before, moment(2025, 3, 10))
        spanish_after = reader in SPANISH_COMPLETIONS
        take_quiz(
            quiz_es if spanish_after else quiz,
            a_es if spanish_after else a,
            reader,
            Phase.AFTER,
            after,
            moment(2025, 3, 11),
        )
        answer_survey(survey, a, reader, LIKERT_ANSWERS[reader], moment(2025, 3, 12))
    take_quiz(quiz, a, 7, Phase.BEFORE, STARTER_RIGHT, moment(2025, 4, 20))
    for reader in range(1, 6):
        vote(poll, a, reader, moment(2025, 3, 12))
    for reader in range(20, 23):
        answer_survey(survey, a, reader, PURGED_LIKERT, moment(2024, 12, 5))
    for reader in range(20, 22):
        vote(poll, a, reader, moment(2024, 12, 5))
    purge_old_responses(30, now=moment(2025, 2, 15))

    # Article B, in the programme too.
    for reader in (8, 9):
        take_quiz(quiz, b, reader, Phase.BEFORE, {"Q1"}, moment(2025, 3, 10))
        take_quiz(quiz, b, reader, Phase.AFTER, {"Q1", "Q2"}, moment(2025, 3, 11))
    for reader, article in ((30, b), (31, b), (32, b), (33, b_es), (34, b_es)):
        answer_survey(survey, article, reader, (4, 4, 4, 4), moment(2025, 3, 12))

    # Article C, in no programme.
    for reader in range(40, 46):
        take_quiz(quiz, c, reader, Phase.BEFORE, set(), moment(2025, 3, 10))
        take_quiz(quiz, c, reader, Phase.AFTER, set(QUESTIONS), moment(2025, 3, 11))
        answer_survey(survey, c, reader, (1, 1, 1, 1), moment(2025, 3, 12))
        vote(poll, c, reader, moment(2025, 3, 12))

    return SimpleNamespace(
        a=a, a_es=a_es, b=b, c=c, quiz=quiz, survey=survey, poll=poll, programme=programme
    )


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@hub.example", "review-pass-1234")
