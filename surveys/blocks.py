"""The blocks of a quick quiz: questions, each with its choices, the correct one, and an
explanation.

Each question and each choice keeps the id Wagtail gives its block; wagtail-localize keeps
those ids in every translation, so answers given in any language count together.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

MIN_CHOICES = 2
MAX_CHOICES = 6
MAX_QUESTIONS = 5


class QuizChoiceBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Answer"), max_length=255)
    correct = blocks.BooleanBlock(label=_("Correct answer"), required=False)

    class Meta:
        icon = "radio-full"
        label = _("Choice")


class QuizQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=500)
    choices = blocks.ListBlock(
        QuizChoiceBlock(),
        label=_("Choices"),
        help_text=_("Two to six answers; tick Correct answer on exactly one."),
        min_num=MIN_CHOICES,
        max_num=MAX_CHOICES,
        # As many blank choices as a question needs, ready to fill in.
        default=[{"label": "", "correct": False}] * MIN_CHOICES,
    )
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        help_text=_("Shown with the correct answer once the reader has taken the quiz again."),
    )

    class Meta:
        icon = "help"
        label = _("Question")
        template = "surveys/blocks/quiz_question.html"
        description = _("A multiple-choice question with one correct answer")
        preview_value = {
            "question": "Which group had the better 3-year overall survival after allo-HSCT?",
            "choices": [
                {"label": "Adolescents and young adults", "correct": True},
                {"label": "Adults over 40", "correct": False},
            ],
            "explanation": "The registry study reported better outcomes in the younger group.",
        }

    def clean(self, value):
        value = super().clean(value)
        correct = [choice for choice in value["choices"] if choice["correct"]]
        if len(correct) != 1:
            raise StructBlockValidationError(
                block_errors={
                    "choices": ValidationError(_("Mark exactly one choice as the correct answer."))
                }
            )
        return value


def new_quiz_questions():
    """A new quiz opens with one blank question, ready to fill in."""
    blank_choices = [{"label": "", "correct": False}] * MIN_CHOICES
    return [("question", {"question": "", "choices": blank_choices, "explanation": ""})]


class QuizQuestionsBlock(blocks.StreamBlock):
    question = QuizQuestionBlock()

    class Meta:
        min_num = 1
        max_num = MAX_QUESTIONS
