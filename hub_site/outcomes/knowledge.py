"""Knowledge (Moore 3A): the share of quiz questions readers got right before and after
reading, overall and per question, and the change with its 95% interval.

The change is paired: it compares each reader's after attempt with their own before
attempt (same quiz, article and reader), so only readers who took both count, and a pair
is filtered by its after attempt (its language and day). Everything is aggregated in the
database: four queries and one for the quizzes' questions, whatever the number of readers.
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Exists, F, FloatField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from hub_site.outcomes.cells import PERCENT, POINTS, Cell
from hub_site.outcomes.statistics import (
    PairedAnswers,
    PairedScores,
    paired_mean_change,
    paired_proportion_change,
)
from surveys.models import Phase, QuizAnswer, QuizAttempt, QuizPage

SCORE = Cast(F("correct"), FloatField()) / F("questions")
# What pairs an after attempt with a before attempt: the same quiz, article and reader.
PAIRED_ON = ("quiz_key", "article_key", "respondent")


@dataclass(frozen=True)
class KnowledgeRow:
    """Readers who took both; % right before and after; the change and its interval."""

    label: str
    respondents: int
    before: Cell
    after: Cell
    change: Cell
    low: Cell
    high: Cell

    @classmethod
    def of(cls, label, change):
        """From a ``statistics.Change`` (None without readers)."""
        n = change.respondents if change else 0

        def cell(name, kind):
            return Cell(getattr(change, name) if change else None, n, kind)

        return cls(
            label,
            n,
            cell("before", PERCENT),
            cell("after", PERCENT),
            cell("change", POINTS),
            cell("low", POINTS),
            cell("high", POINTS),
        )

    @property
    def suppressed(self):
        return self.change.suppressed

    @property
    def readers(self):
        return Cell.count(self.respondents)

    @property
    def interval_text(self):
        if self.suppressed or self.low.value is None:
            return self.low.text
        return _("%(low)s to %(high)s") % {"low": self.low.text, "high": self.high.text}


@dataclass
class QuizKnowledge:
    title: str
    questions: list = field(default_factory=list)  # [KnowledgeRow]


@dataclass
class Knowledge:
    # The score before reading of everyone who started, completers or not.
    started: Cell
    overall: KnowledgeRow
    quizzes: list = field(default_factory=list)  # [QuizKnowledge]


def _attempts(scope, filters, phase):
    return filters.narrow_answers(
        QuizAttempt.objects.filter(phase=phase, questions__gt=0),
        scope.article_keys,
        article_key="article_key",
        answered_at="created_at",
    )


def _paired_before(attempt=""):
    """Narrows a subquery to the before attempt paired with the outer row's attempt.
    ``attempt`` is the path from the subquery's rows to their attempt: "" for attempts,
    "attempt__" for answers."""
    pair = {f"{attempt}{key}": OuterRef(f"{attempt}{key}") for key in PAIRED_ON}
    return Q(**{f"{attempt}phase": Phase.BEFORE}, **pair)


def _paired_scores(completions):
    before = QuizAttempt.objects.filter(_paired_before(), questions__gt=0)
    difference = F("after_score") - F("before_score")
    figures = (
        completions.annotate(
            after_score=SCORE,
            before_score=Subquery(
                before.annotate(score=SCORE).values("score")[:1], output_field=FloatField()
            ),
        )
        .filter(before_score__isnull=False)
        .aggregate(
            n=Count("pk"),
            before=Avg("before_score"),
            after=Avg("after_score"),
            squared=Avg(difference * difference),
        )
    )
    if not figures["n"]:
        return PairedScores(0, 0.0, 0.0, 0.0)
    return PairedScores(figures["n"], figures["before"], figures["after"], figures["squared"])


def _paired_answers(completions):
    """{(quiz key, question id): PairedAnswers} of the completions' answers."""
    before = QuizAnswer.objects.filter(
        _paired_before("attempt__"), question_id=OuterRef("question_id")
    )
    right_before = Exists(before.filter(correct=True))
    wrong_before = Exists(before.filter(correct=False))
    rows = (
        QuizAnswer.objects.filter(attempt__in=completions.values("pk"))
        .values_list("attempt__quiz_key", "question_id")
        .annotate(
            both=Count("pk", filter=Q(right_before, correct=True)),
            before_only=Count("pk", filter=Q(right_before, correct=False)),
            after_only=Count("pk", filter=Q(wrong_before, correct=True)),
            neither=Count("pk", filter=Q(wrong_before, correct=False)),
        )
    )
    return {
        (quiz_key, question_id): PairedAnswers(*counts) for quiz_key, question_id, *counts in rows
    }


def _quizzes(quiz_keys):
    """{translation key: QuizPage}, in the default language where it has one."""
    default = Locale.get_default()
    quizzes = {}
    for quiz in QuizPage.objects.filter(translation_key__in=quiz_keys):
        if quiz.translation_key not in quizzes or quiz.locale_id == default.pk:
            quizzes[quiz.translation_key] = quiz
    return dict(sorted(quizzes.items(), key=lambda item: item[1].title))


def knowledge(scope, filters):
    completions = _attempts(scope, filters, Phase.AFTER)
    starts = _attempts(scope, filters, Phase.BEFORE).aggregate(n=Count("pk"), score=Avg(SCORE))
    started = Cell(100 * starts["score"] if starts["n"] else None, starts["n"], PERCENT)
    overall = KnowledgeRow.of(_("All questions"), paired_mean_change(_paired_scores(completions)))
    answers = _paired_answers(completions)
    quizzes = []
    for quiz in _quizzes({key for key, _question in answers}).values():
        # The questions as the quiz asks them now; answers to one since removed are left
        # out here, but still count in the overall scores they were part of.
        rows = [
            KnowledgeRow.of(
                question.text,
                paired_proportion_change(
                    answers.get((quiz.translation_key, question.id), PairedAnswers())
                ),
            )
            for question in quiz.quiz_questions()
        ]
        quizzes.append(QuizKnowledge(quiz.title, rows))
    return Knowledge(started, overall, quizzes)
