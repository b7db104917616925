"""Participation: quiz starts and completions, survey responses and poll votes per article.

A start is an attempt before reading, a completion one after reading (a reader's after
attempt always follows their before attempt). Survey responses and poll votes purged after
the retention period still count, through their tallies. Five queries, whatever the
number of readers or articles.

With several articles, their total is shown: where it would give away the one article
withheld in a column (the total minus the others), the smallest other article's figure is
withheld too.
"""

from collections import Counter
from dataclasses import dataclass, replace

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from hub_site.outcomes.cells import Cell
from surveys.models import (
    Phase,
    PollVote,
    PollVoteTally,
    QuizAttempt,
    SurveyResponse,
    SurveyResponseTally,
)

MEASURES = (
    ("quiz_starts", _("Quiz starts (before reading)")),
    ("quiz_completions", _("Quiz completions (after reading)")),
    ("survey_responses", _("Survey responses")),
    ("poll_votes", _("Poll votes")),
)


@dataclass(frozen=True)
class ParticipationRow:
    label: str
    quiz_starts: Cell
    quiz_completions: Cell
    survey_responses: Cell
    poll_votes: Cell

    @property
    def cells(self):
        """(label, cell) of each measure, in the report's order."""
        return [(label, getattr(self, name)) for name, label in MEASURES]


def _counts(rows, count):
    """{(grouped values…): count} of ``rows`` grouped by their ``values_list``."""
    return Counter({tuple(row[:-1]): row[-1] for row in rows.annotate(n=count)})


def participation(scope, filters):
    """One row per article of ``scope`` and, unless it has just one, their total first."""
    keys = scope.article_keys
    attempts = filters.narrow_answers(
        QuizAttempt.objects.all(), keys, article_key="article_key", answered_at="created_at"
    )
    per_phase = _counts(attempts.values_list("article_key", "phase"), Count("pk"))
    responses = _counts(
        filters.narrow_answers(
            SurveyResponse.objects.all(), keys, article_key="article_key", answered_at="submit_time"
        ).values_list("article_key"),
        Count("pk"),
    ) + _counts(
        filters.narrow_tallies(SurveyResponseTally.objects.all(), keys).values_list("article_key"),
        Sum("responses"),
    )
    votes = _counts(
        filters.narrow_answers(
            PollVote.objects.all(),
            keys,
            article_key="article__translation_key",
            answered_at="created_at",
        ).values_list("article__translation_key"),
        Count("pk"),
    ) + _counts(
        filters.narrow_tallies(PollVoteTally.objects.all(), keys).values_list("article_key"),
        Sum("votes"),
    )

    def row(label, article_keys):
        def total(counter, *extra):
            return Cell.count(sum(counter[(key, *extra)] for key in article_keys))

        return ParticipationRow(
            label,
            quiz_starts=total(per_phase, Phase.BEFORE.value),
            quiz_completions=total(per_phase, Phase.AFTER.value),
            survey_responses=total(responses),
            poll_votes=total(votes),
        )

    rows = [row(title, [key]) for key, title in scope.articles.items()]
    if len(rows) == 1:
        return rows
    return [row(_("All articles"), keys), *_without_differences(rows)]


def _without_differences(rows):
    """``rows`` with one more figure withheld in each column that withholds only one."""
    for name, _label in MEASURES:
        cells = [getattr(row, name) for row in rows]
        shown = [number for number, cell in enumerate(cells) if not cell.suppressed]
        if len(cells) - len(shown) == 1 and shown:
            smallest = min(shown, key=lambda number: cells[number].value)
            rows[smallest] = replace(
                rows[smallest], **{name: replace(cells[smallest], withheld=True)}
            )
    return rows
