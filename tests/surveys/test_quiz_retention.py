"""Old quiz attempts lose their link to the reader but keep their pairing, so the outcomes
of a programme stay the same while no reader's cookie leads to their answers."""

from datetime import timedelta
from io import StringIO

import pytest

from django.core.management import call_command
from django.utils import timezone

from surveys.models import QuizAttempt
from surveys.retention import UNLINKED_PREFIX
from tests.publishing import publish_certified

from .quiz_helpers import answers, make_quiz, quiz_answer_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz_article(article, home):
    article.quiz = make_quiz(home)
    publish_certified(article.save_revision())
    return article


def take_both(reader, quiz, article):
    for phase in ("before", "after"):
        response = reader.post(
            quiz_answer_url(quiz, phase), answers(quiz, phase, (True, False), article)
        )
        assert response.status_code == 303


def test_old_attempts_are_unlinked_in_pairs_and_recent_ones_kept(new_reader, quiz_article):
    quiz = quiz_article.quiz
    old_reader, recent_reader = new_reader("10.3.0.1"), new_reader("10.3.0.2")
    take_both(old_reader, quiz, quiz_article)
    # The old reader's attempt before reading is from three years ago; the one after, recent.
    QuizAttempt.objects.filter(phase="before").update(
        created_at=timezone.now() - timedelta(days=3 * 365)
    )
    take_both(recent_reader, quiz, quiz_article)
    recent_key = QuizAttempt.objects.order_by("-pk").first().respondent
    scores = sorted(QuizAttempt.objects.values_list("phase", "correct"))

    dry_run = StringIO()
    call_command("purge_old_responses", "--dry-run", stdout=dry_run)
    assert "would unlink the quiz attempts of 1 readers" in dry_run.getvalue()
    out = StringIO()
    call_command("purge_old_responses", stdout=out)

    assert "unlinked the quiz attempts of 1 readers" in out.getvalue()
    unlinked = QuizAttempt.objects.filter(respondent__startswith=UNLINKED_PREFIX)
    assert unlinked.count() == 2  # both of the old reader's attempts, under one key
    assert len({attempt.respondent for attempt in unlinked}) == 1
    assert QuizAttempt.objects.filter(respondent=recent_key).count() == 2
    assert sorted(QuizAttempt.objects.values_list("phase", "correct")) == scores
    # The old reader's cookie no longer leads to their attempts: the quiz is open again.
    assert 'class="quiz-form"' in old_reader.get(quiz_article.url).text

    call_command("purge_old_responses", stdout=out)
    assert set(QuizAttempt.objects.values_list("respondent", flat=True)) == {
        unlinked.first().respondent,
        recent_key,
    }
