"""Editors build a quiz in the admin: one correct choice per question, one to five
questions, a preview with the answers, and the same review as the article."""

import pytest

from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, streamfield

from surveys.blocks import QuizQuestionBlock
from surveys.models import QuizPage

from .quiz_helpers import make_quiz

pytestmark = pytest.mark.django_db


def question_value(choices, text="Which donor type did most AYAs receive?"):
    block = QuizQuestionBlock()
    return block.to_python(
        {
            "question": text,
            "choices": [{"label": label, "correct": correct} for label, correct in choices],
            "explanation": "Matched unrelated donors, in the registry.",
        }
    )


@pytest.mark.parametrize("correct", [(False, False), (True, True)], ids=["none", "two"])
def test_a_question_needs_exactly_one_correct_choice(correct):
    value = question_value(list(zip(["Sibling", "Unrelated"], correct, strict=True)))

    with pytest.raises(StructBlockValidationError) as refused:
        QuizQuestionBlock().clean(value)

    assert "Mark exactly one choice as the correct answer." in str(
        refused.value.block_errors["choices"]
    )


def test_a_question_with_one_correct_choice_is_valid():
    value = question_value([("Sibling", False), ("Unrelated", True)])

    assert QuizQuestionBlock().clean(value)["choices"][1]["correct"] is True


def quiz_form(questions):
    """The admin's create form for a quiz of ``questions``: [(text, [(label, correct)])]."""
    blocks = []
    for text, choices in questions:
        choice_forms = {"count": len(choices)}
        for order, (label, correct) in enumerate(choices):
            choice_forms[str(order)] = {
                "value": {"label": label, **({"correct": "on"} if correct else {})},
                "id": "",
                "deleted": "",
                "order": order,
            }
        blocks.append(
            ("question", {"question": text, "choices": choice_forms, "explanation": "Why."})
        )
    return nested_form_data(
        {
            "title": "Quick quiz",
            "slug": "quick-quiz",
            "intro": "",
            "questions": streamfield(blocks),
            "comments": nested_form_data({}),
        }
    )


def test_an_editor_creates_a_quiz_in_the_admin(admin_client, home):
    url = f"/admin/pages/add/surveys/quizpage/{home.pk}/"
    form = quiz_form([("Which donor?", [("Sibling", False), ("Unrelated", True)])])

    response = admin_client.post(url, form)

    assert response.status_code == 302
    quiz = QuizPage.objects.get().get_latest_revision_as_object()
    (question,) = quiz.quiz_questions()
    assert (question.text, question.correct_choice.label) == ("Which donor?", "Unrelated")


def test_the_admin_refuses_a_question_without_one_correct_choice(admin_client, home):
    url = f"/admin/pages/add/surveys/quizpage/{home.pk}/"
    form = quiz_form([("Which donor?", [("Sibling", True), ("Unrelated", True)])])

    response = admin_client.post(url, form)

    assert response.status_code == 200
    assert "Mark exactly one choice as the correct answer." in response.text
    assert not QuizPage.objects.exists()


def test_the_admin_refuses_more_than_five_questions(admin_client, home):
    url = f"/admin/pages/add/surveys/quizpage/{home.pk}/"
    choices = [("Yes", True), ("No", False)]
    form = quiz_form([(f"Question {n}?", choices) for n in range(6)])

    response = admin_client.post(url, form)

    assert response.status_code == 200
    assert "The maximum number of items is 5" in response.text
    assert not QuizPage.objects.exists()


def test_the_preview_shows_reviewers_the_correct_answers_and_explanations(admin_client, home):
    quiz = make_quiz(home)

    response = admin_client.get(f"/admin/pages/{quiz.pk}/view_draft/")

    assert response.status_code == 200
    assert "About 50% <strong>(correct)</strong>" in response.text
    assert "The registry reported 3-year overall survival of about 50% for AYAs." in response.text


def test_a_quiz_is_reviewed_like_the_article(home):
    quiz = make_quiz(home)

    assert quiz.get_workflow().name == "Editorial review"
