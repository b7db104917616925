from dataclasses import dataclass

from django.db import models
from django.db.models import Avg, Count, F, FloatField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from articles.models import ArticlePage
from hub_site.public_pages import public
from hub_site.translation.fields import PAGE_TRANSLATABLE_FIELDS, translated
from surveys.blocks import QuizQuestionsBlock, new_quiz_questions

from .answer_record import AnswerRecord

# Colleagues' averages are shown only once this many readers took both phases, so that
# no reader's score can be told from them.
MIN_COLLEAGUES = 5


class Phase(models.TextChoices):
    BEFORE = "before", _("Before reading")
    AFTER = "after", _("After reading")


@dataclass(frozen=True)
class QuizChoice:
    id: str
    label: str
    correct: bool


@dataclass(frozen=True)
class QuizQuestion:
    id: str
    text: str
    choices: tuple
    explanation: str

    @property
    def correct_choice(self):
        return next(choice for choice in self.choices if choice.correct)


@dataclass(frozen=True)
class ColleagueAverage:
    readers: int
    before_percent: int
    after_percent: int


class QuizPage(Page):
    """A quick quiz an article's readers take before and after reading it: one to five
    multiple-choice questions, each with one correct answer and an explanation.

    Readers take it on the article (``{% article_quiz article phase %}``); its own page
    lists the articles that use it.
    """

    intro = models.TextField(
        _("intro"),
        blank=True,
        help_text=_("Shown above the questions before reading, e.g. 'Test what you know first.'"),
    )
    questions = StreamField(
        QuizQuestionsBlock(), verbose_name=_("questions"), default=new_quiz_questions
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("questions")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, *translated("intro", "questions")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("quiz page")

    def quiz_questions(self):
        """The questions as plain data, in the editor's order."""
        questions = []
        for block in self.questions:
            choices = tuple(
                QuizChoice(str(item.id), item.value["label"], bool(item.value["correct"]))
                for item in block.value["choices"].bound_blocks
            )
            questions.append(
                QuizQuestion(
                    str(block.id), block.value["question"], choices, block.value["explanation"]
                )
            )
        return questions

    def attempts_of(self, respondent, article):
        """``respondent``'s attempts at this quiz on ``article`` (any language), by phase."""
        attempts = QuizAttempt.objects.filter(
            quiz_key=self.translation_key,
            article_key=article.translation_key,
            respondent=respondent,
        ).prefetch_related("answers")
        return {attempt.phase: attempt for attempt in attempts}

    def add_attempt(self, phase, chosen, *, article, respondent, reader_language):
        """Store one attempt: ``chosen`` maps each question's id to the id of the choice given."""
        questions = self.quiz_questions()
        correct = {question.id: question.correct_choice.id for question in questions}
        attempt = QuizAttempt.objects.create(
            quiz=self,
            quiz_key=self.translation_key,
            article=article,
            article_key=article.translation_key,
            locale_id=self.locale_id,
            phase=phase,
            respondent=respondent,
            reader_language=reader_language,
            correct=sum(chosen[question_id] == choice for question_id, choice in correct.items()),
            questions=len(questions),
        )
        QuizAnswer.objects.bulk_create(
            QuizAnswer(
                attempt=attempt,
                question_id=question_id,
                choice_id=chosen[question_id],
                correct=chosen[question_id] == choice,
            )
            for question_id, choice in correct.items()
        )
        return attempt

    def colleague_average(self, article):
        """The average scores before and after of the readers who took both phases on
        ``article``; None until ``MIN_COLLEAGUES`` have."""
        attempts = QuizAttempt.objects.filter(
            quiz_key=self.translation_key, article_key=article.translation_key
        )
        before = attempts.filter(phase=Phase.BEFORE, respondent=OuterRef("respondent"))
        score = Cast(F("correct"), FloatField()) / F("questions")
        figures = (
            attempts.filter(phase=Phase.AFTER, questions__gt=0)
            .annotate(
                before_score=Subquery(
                    before.annotate(score=score).values("score")[:1], output_field=FloatField()
                )
            )
            .aggregate(readers=Count("pk"), after=Avg(score), before=Avg("before_score"))
        )
        if figures["readers"] < MIN_COLLEAGUES:
            return None
        return ColleagueAverage(
            figures["readers"], round(100 * figures["before"]), round(100 * figures["after"])
        )

    def is_quiz_of(self, article):
        """Whether ``article`` shows this quiz (its choice is the same in every language)."""
        return (
            article.quiz_id is not None
            and QuizPage.objects.filter(
                pk=article.quiz_id, translation_key=self.translation_key
            ).exists()
        )

    def articles(self):
        """The live, public articles in this quiz's language that readers take it on."""
        return (
            public(ArticlePage.objects.live())
            .filter(locale_id=self.locale_id, quiz__translation_key=self.translation_key)
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = list(self.articles())
        return context

    def serve(self, request, *args, **kwargs):
        # Readers take the quiz on its articles; this page only lists them.
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        # Reviewers check the questions with their correct answers and explanations.
        context = self.get_context(request)
        context["preview_questions"] = self.quiz_questions()
        return TemplateResponse(request, self.get_template(request), context)


class QuizAttempt(AnswerRecord):
    """One reader's answers to a quiz in one phase, on one article.

    ``quiz_key`` and ``article_key`` are translation keys: one attempt per phase per reader
    and article covers every language version, and the report counts them together.
    """

    quiz = models.ForeignKey(
        QuizPage, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="attempts"
    )
    quiz_key = models.UUIDField(_("quiz translation key"), db_index=True)
    article_key = models.UUIDField(_("article translation key"))
    phase = models.CharField(_("phase"), max_length=8, choices=Phase.choices)
    correct = models.PositiveSmallIntegerField(_("correct answers"))
    questions = models.PositiveSmallIntegerField(_("questions"))
    created_at = models.DateTimeField(_("taken at"), auto_now_add=True)

    article_key_lookup = "article_key"

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["quiz_key", "article_key", "respondent", "phase"],
                name="quiz_attempt_once_per_phase",
            ),
        ]

    def __str__(self):
        return f"{self.get_phase_display()}: {self.correct}/{self.questions}"

    @property
    def percent(self):
        return round(100 * self.correct / self.questions) if self.questions else 0


class QuizAnswer(models.Model):
    """One answer of an attempt: the ids of the question and of the choice given (the
    blocks' ids, the same in every language)."""

    attempt = models.ForeignKey(
        QuizAttempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="answers"
    )
    question_id = models.CharField(_("question id"), max_length=36)
    choice_id = models.CharField(_("choice id"), max_length=36)
    correct = models.BooleanField(_("correct"))

    class Meta:
        verbose_name = _("quiz answer")
        verbose_name_plural = _("quiz answers")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_id"], name="quiz_answer_once_per_question"
            ),
        ]

    def __str__(self):
        return f"{self.question_id}: {self.choice_id}"
