"""Fictional readers' activity on the seed article, so the outcomes report has figures to
show: quiz attempts before and after reading, feedback-survey responses and poll votes, in
English, Spanish and French, spread over the last eight weeks.

Made once, from a seeded random generator, with the models' own methods (as readers'
answers are stored), each in the language version the reader answered on. The respondent
keys look like real ones (64 hexadecimal characters) but are hashes of "demo-reader-<n>",
which no reader's cookie gives.
"""

import datetime
import hashlib
import random
from dataclasses import dataclass

from django.utils import timezone

from wagtail.models import Locale

from articles.models import ArticlePage
from surveys.forms import LIKERT
from surveys.models import (
    Phase,
    PollPage,
    PollVote,
    QuizAttempt,
    QuizPage,
    SurveyPage,
    SurveyResponse,
)
from surveys.models.survey import OutcomeMeasure

RANDOM_SEED = 2026
READERS = 70
QUIZ_BEFORE = 60
QUIZ_AFTER = 40
SURVEY_RESPONSES = 35
POLL_VOTES = 50
# English the most often, and enough readers in each language for figures per language
# (the report withholds figures about fewer than five readers).
READER_LANGUAGES = {"en": 5, "es": 3, "fr": 3}
PERIOD = datetime.timedelta(weeks=8)
# The chance that a reader answers each of the four questions right (about 45% before
# reading, 80% after).
CORRECT_BEFORE = (0.55, 0.45, 0.35, 0.45)
CORRECT_AFTER = (0.9, 0.8, 0.75, 0.75)
# How often each level of agreement (1 to 5) is given: most readers agree; fewer say they
# will change their practice.
AGREEMENT_WEIGHTS = {
    OutcomeMeasure.SATISFACTION: (1, 3, 10, 46, 40),
    OutcomeMeasure.OBJECTIVES: (1, 2, 9, 48, 40),
    OutcomeMeasure.PRACTICE_CHANGE: (3, 9, 28, 40, 20),
}
AGREEMENT_LEVELS = (1, 2, 3, 4, 5)
# The poll's five answers, "Very positive" first.
POLL_WEIGHTS = (34, 36, 18, 8, 4)


def fictional_respondent(number):
    return hashlib.sha256(f"demo-reader-{number}".encode()).hexdigest()


@dataclass(frozen=True)
class FictionalReader:
    respondent: str
    language_code: str
    arrived_at: datetime.datetime


@dataclass(frozen=True)
class LanguageVersion:
    """What a reader answers on, in one language."""

    article: ArticlePage
    quiz: QuizPage
    survey: SurveyPage
    poll: PollPage

    @classmethod
    def of(cls, language_code, *pages):
        locale = Locale.objects.get(language_code=language_code)
        return cls(*(page.get_translation(locale) for page in pages))


def fictional_readers(rng, now):
    languages, weights = zip(*READER_LANGUAGES.items(), strict=True)
    return [
        FictionalReader(
            fictional_respondent(number),
            rng.choices(languages, weights)[0],
            now - datetime.timedelta(hours=1) - PERIOD * rng.random(),
        )
        for number in range(1, READERS + 1)
    ]


def load_fictional_answers(article, *, quiz, survey, poll):
    """The fictional readers' answers on ``article``, unless they are already there."""
    if QuizAttempt.objects.filter(
        quiz_key=quiz.translation_key, respondent=fictional_respondent(1)
    ).exists():
        return
    rng = random.Random(RANDOM_SEED)  # noqa: S311 - fictional figures, not a secret
    readers = fictional_readers(rng, timezone.now())
    versions = {
        language_code: LanguageVersion.of(language_code, article, quiz, survey, poll)
        for language_code in READER_LANGUAGES
    }
    took_quiz = readers[:QUIZ_BEFORE]
    for reader in took_quiz:
        answer_quiz(rng, versions[reader.language_code], reader, Phase.BEFORE, CORRECT_BEFORE)
    finished = rng.sample(took_quiz, QUIZ_AFTER)
    for reader in finished:
        answer_quiz(rng, versions[reader.language_code], reader, Phase.AFTER, CORRECT_AFTER)
    for reader in rng.sample(finished, SURVEY_RESPONSES):
        answer_survey(rng, versions[reader.language_code], reader)
    for reader in rng.sample(readers, POLL_VOTES):
        vote(rng, versions[reader.language_code], reader)


def answer_quiz(rng, version, reader, phase, chances):
    chosen = {}
    for question, chance in zip(version.quiz.quiz_questions(), chances, strict=True):
        wrong = [choice for choice in question.choices if not choice.correct]
        choice = question.correct_choice if rng.random() < chance else rng.choice(wrong)
        chosen[question.id] = choice.id
    attempt = version.quiz.add_attempt(
        phase, chosen, article=version.article, respondent=reader.respondent, reader_language=""
    )
    # After reading: some minutes after the first attempt.
    minutes = 0 if phase == Phase.BEFORE else rng.randint(6, 25)
    taken_at = reader.arrived_at + datetime.timedelta(minutes=minutes)
    # created_at is set on creation: dated afterwards, as the reader took it.
    QuizAttempt.objects.filter(pk=attempt.pk).update(created_at=taken_at)


def answer_survey(rng, version, reader):
    answers = {
        field.clean_name: (
            rng.choices(AGREEMENT_LEVELS, AGREEMENT_WEIGHTS[field.measures])[0]
            if field.field_type == LIKERT
            else ""
        )
        for field in version.survey.form_fields.all()
    }
    response = version.survey.add_response(
        answers, article=version.article, respondent=reader.respondent, reader_language=""
    )
    submitted_at = reader.arrived_at + datetime.timedelta(minutes=rng.randint(27, 40))
    SurveyResponse.objects.filter(pk=response.pk).update(submit_time=submitted_at)


def vote(rng, version, reader):
    choice = rng.choices(list(version.poll.choices.all()), POLL_WEIGHTS)[0]
    poll_vote = version.poll.add_vote(
        choice, article=version.article, respondent=reader.respondent, reader_language=""
    )
    voted_at = reader.arrived_at + datetime.timedelta(minutes=rng.randint(3, 40))
    PollVote.objects.filter(pk=poll_vote.pk).update(created_at=voted_at)
