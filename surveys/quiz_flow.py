"""A quick quiz's attempts: once per phase per reader and article (``surveys.answer_flow``).

The same questions are asked before reading (at the top of the article) and after (at its
foot). Each phase is a part of its own, with its own form, notice and reader's version.
After the second attempt the reader sees both scores, the correct answers with their
explanations, and their colleagues' averages. An attempt after reading needs one before;
a second attempt in a phase is refused. Both are refused with a 409 and store nothing.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from surveys import reader_identity
from surveys.answer_flow import ALREADY, OPEN, THANKS, UNAVAILABLE, AnswerFlow
from surveys.forms import QuizForm

BEFORE = "before"
AFTER = "after"
PHASES = (BEFORE, AFTER)
# The part after reading, for a reader who has not taken the quiz before reading.
BEFORE_FIRST = "before_first"

ALREADY_TAKEN = {
    BEFORE: _(
        "You have already taken this quiz before reading. Your first answers were kept; "
        "take the quiz again at the end of the article."
    ),
    AFTER: _("You have already taken this quiz after reading. Your first answers were kept."),
}
TAKE_BEFORE_FIRST = _(
    "The quiz after reading compares your answers with the ones you gave before reading. "
    "Please take the quiz at the top of the article first."
)
NOT_THIS_ARTICLE = _("This quiz is taken on its article. Please go back to the article.")


class QuizFlow(AnswerFlow):
    body_template = "surveys/includes/quiz_body.html"
    part_url_name = "surveys:quiz_reader_part"
    invalid_message = _("Your answers were not stored. Please answer every question.")

    def __init__(self, page, phase):
        super().__init__(page)
        self.phase = phase
        self.attempts_by_respondent = {}

    @property
    def anchor(self):
        return f"quiz-{self.phase}"

    def target(self, article):
        return f"quiz:{self.page.translation_key}:{article.translation_key}:{self.phase}"

    def action(self, request):
        return reverse("surveys:quiz_answer", args=[self.page.pk, self.phase])

    def part_url(self):
        return reverse(self.part_url_name, args=[self.page.pk, self.phase])

    def form(self, request, data=None, files=None):
        return QuizForm(self.page.quiz_questions(), self.phase, data)

    def attempts(self, article, respondent):
        """The reader's attempts on ``article``, by phase; read once per flow."""
        if respondent is None:
            return {}
        if respondent not in self.attempts_by_respondent:
            self.attempts_by_respondent[respondent] = self.page.attempts_of(respondent, article)
        return self.attempts_by_respondent[respondent]

    def has_answered(self, article, respondent):
        return self.phase in self.attempts(article, respondent)

    def unanswered_state(self, article, respondent):
        if self.phase == AFTER and BEFORE not in self.attempts(article, respondent):
            return BEFORE_FIRST
        return OPEN

    def article_refusal(self, article):
        # Attempts count per article: one on no article, or on an article that does not
        # show this quiz, would be counted nowhere.
        if article is None or not self.page.is_quiz_of(article):
            return NOT_THIS_ARTICLE
        return None

    def refusal(self, request, article):
        """Why this reader may not take the quiz in this phase now; None if they may."""
        attempts = self.attempts(article, reader_identity.respondent_key(request))
        if self.phase in attempts:
            return ALREADY_TAKEN[self.phase]
        if self.phase == AFTER and BEFORE not in attempts:
            return TAKE_BEFORE_FIRST
        return None

    def take(self, request, article, form, reader_language):
        refused = self.refusal(request, article)
        if refused is not None:
            return self.render(
                request, article=article, error=refused, state=UNAVAILABLE, status=409
            )
        return super().take(request, article, form, reader_language)

    def store(self, form, **answer):
        self.page.add_attempt(self.phase, form.chosen(), **answer)

    def refused_state(self, form, error):
        if form is not None:
            return OPEN
        return UNAVAILABLE if error is not None else None

    def kind_context(self, request, state, form, article):
        context = {"quiz": self.page, "phase": self.phase, "before_first": state == BEFORE_FIRST}
        if state not in (THANKS, ALREADY):
            return context
        # The reader has answered in this phase: what they may see of their attempts.
        attempts = self.attempts(article, reader_identity.respondent_key(request))
        before, after = attempts.get(BEFORE), attempts.get(AFTER)
        context.update(before=before, after=after)
        if before is not None and after is not None:
            context.update(
                review=review(self.page.quiz_questions(), before, after),
                colleagues=self.page.colleague_average(article),
            )
        return context


def review(questions, before, after):
    """Each question with its correct answer, its explanation and the reader's two answers."""
    given_before = {answer.question_id: answer.choice_id for answer in before.answers.all()}
    given_after = {answer.question_id: answer.choice_id for answer in after.answers.all()}
    labels = {choice.id: choice.label for question in questions for choice in question.choices}
    return [
        {
            "question": question,
            "correct": question.correct_choice,
            "before": labels.get(given_before.get(question.id), ""),
            "after": labels.get(given_after.get(question.id), ""),
            "before_correct": given_before.get(question.id) == question.correct_choice.id,
            "after_correct": given_after.get(question.id) == question.correct_choice.id,
        }
        for question in questions
    ]
