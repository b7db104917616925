"""Retention: raw survey responses, poll votes and support-form submissions older than
``RESPONSE_RETENTION_DAYS`` are deleted; survey and poll counts are kept as tallies. Quiz
attempts are kept, but lose their link to the reader (``unlink_old_quiz_attempts``).

Run daily by ``manage.py purge_old_responses`` (docs/operations.md). Everything happens in
one transaction: the tallies grow by exactly what is deleted, or nothing changes.
"""

import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from surveys.forms import FREE_TEXT_TYPES, LIKERT
from surveys.models import (
    PollVote,
    PollVoteTally,
    QuizAttempt,
    SurveyAnswerTally,
    SurveyFormField,
    SurveyResponse,
    SurveyResponseTally,
)

CHOICE_TYPES = ("checkbox", "checkboxes", "dropdown", "multiselect", "radio")
# A respondent key that is no reader's: random, and marked so it is not unlinked again.
UNLINKED_PREFIX = "unlinked-"


@dataclass
class Purge:
    cutoff: object  # datetime: rows created before it go
    survey_responses: int = 0
    poll_votes: int = 0
    form_submissions: int = 0
    quiz_readers_unlinked: int = 0


def cutoff_for(days, now=None):
    return (now or timezone.now()) - timedelta(days=days)


def old_rows(cutoff):
    return (
        SurveyResponse.objects.filter(submit_time__lt=cutoff),
        PollVote.objects.filter(created_at__lt=cutoff),
        # The support form's submissions (e-mail addresses and consents): no counts kept.
        FormSubmission.objects.filter(submit_time__lt=cutoff),
    )


def old_quiz_readers(cutoff):
    """The readers (respondent keys) whose first quiz attempt is older than ``cutoff``."""
    return (
        QuizAttempt.objects.filter(created_at__lt=cutoff)
        .exclude(respondent__startswith=UNLINKED_PREFIX)
        .values_list("respondent", flat=True)
        .distinct()
    )


def count_old(cutoff):
    responses, votes, submissions = old_rows(cutoff)
    return Purge(
        cutoff,
        responses.count(),
        votes.count(),
        submissions.count(),
        old_quiz_readers(cutoff).count(),
    )


def unlink_old_quiz_attempts(cutoff):
    """Give each reader's old quiz attempts a random respondent key instead of theirs.

    The outcomes report pairs a reader's attempts before and after reading, so the attempts
    are kept, with a key of their own shared by that reader's attempts (a later attempt
    too), which no reader's cookie leads to. Returns how many readers were unlinked.
    """
    readers = list(old_quiz_readers(cutoff))
    for respondent in readers:
        unlinked = UNLINKED_PREFIX + secrets.token_hex(27)
        QuizAttempt.objects.filter(respondent=respondent).update(respondent=unlinked)
    return len(readers)


def month_of(moment):
    moment = moment.astimezone(UTC)
    return date(moment.year, moment.month, 1)


def _kept_answers(value, field_type):
    """The answers a tally keeps for one question of one response."""
    if field_type == LIKERT:
        return [str(value)] if isinstance(value, int) else []
    if field_type in FREE_TEXT_TYPES:
        return [""] if str(value or "").strip() else []  # how many, not what
    if field_type in CHOICE_TYPES:
        if isinstance(value, bool):
            return ["true" if value else "false"]
        values = value if isinstance(value, list) else [value]
        return [str(v)[:255] for v in values if v not in (None, "")]
    return []  # e-mail, number, date…: raw data, not counted


def _field_types(page_ids):
    types = {}
    for page_id, name, field_type in SurveyFormField.objects.filter(
        page_id__in=page_ids
    ).values_list("page_id", "clean_name", "field_type"):
        types.setdefault(page_id, {})[name] = field_type
    return types


def _add(model, counts, count_field):
    """Add ``counts`` ({(field values…): n}) to the tally rows of ``model``."""
    for key, n in counts.items():
        filters = dict(key)
        updated = model.objects.filter(**filters).update(**{count_field: F(count_field) + n})
        if not updated:
            model.objects.create(**filters, **{count_field: n})


def _fold_survey_responses(responses):
    per_response, per_answer = Counter(), Counter()
    types = _field_types(responses.values_list("page_id", flat=True).distinct())
    for response in responses.iterator():
        base = (
            ("survey_key", response.survey_key),
            ("article_key", response.article_key),
            ("locale_id", response.locale_id),
            ("month", month_of(response.submit_time)),
        )
        per_response[base] += 1
        for name, field_type in types.get(response.page_id, {}).items():
            for answer in _kept_answers(response.form_data.get(name), field_type):
                per_answer[(*base, ("question", name), ("answer", answer))] += 1
    _add(SurveyResponseTally, per_response, "responses")
    _add(SurveyAnswerTally, per_answer, "answers")


def _fold_poll_votes(votes):
    per_choice = Counter()
    rows = votes.values_list(
        "poll_key", "choice__translation_key", "article__translation_key", "locale_id", "created_at"
    )
    for poll_key, choice_key, article_key, locale_id, created_at in rows.iterator():
        per_choice[
            (
                ("poll_key", poll_key),
                ("choice_key", choice_key),
                ("article_key", article_key),
                ("locale_id", locale_id),
                ("month", month_of(created_at)),
            )
        ] += 1
    _add(PollVoteTally, per_choice, "votes")


@transaction.atomic
def purge_old_responses(days, now=None):
    """Fold old responses and votes into tallies, then delete them and old submissions;
    unlink old quiz attempts from their readers."""
    cutoff = cutoff_for(days, now)
    responses, votes, submissions = old_rows(cutoff)
    _fold_survey_responses(responses)
    _fold_poll_votes(votes)
    return Purge(
        cutoff,
        survey_responses=responses.delete()[1].get(SurveyResponse._meta.label, 0),
        poll_votes=votes.delete()[1].get(PollVote._meta.label, 0),
        form_submissions=submissions.delete()[1].get(FormSubmission._meta.label, 0),
        quiz_readers_unlinked=unlink_old_quiz_attempts(cutoff),
    )
