"""A quiz on an article, and a reader's answers to it, for the quiz tests."""

import re

from django.urls import reverse

from surveys.models import QuizPage

from .conftest import add_page

QUESTIONS = [
    (
        "What was the 3-year overall survival of AYAs after allo-HSCT in CR2?",
        [("About 30%", False), ("About 50%", True), ("About 80%", False)],
        "The registry reported 3-year overall survival of about 50% for AYAs.",
    ),
    (
        "Which donor type did most AYAs in CR2 receive?",
        [("Matched sibling", False), ("Matched unrelated", True)],
        "Most AYAs were transplanted from matched unrelated donors.",
    ),
]


def quiz_questions(questions=QUESTIONS):
    return [
        (
            "question",
            {
                "question": text,
                "choices": [{"label": label, "correct": correct} for label, correct in choices],
                "explanation": explanation,
            },
        )
        for text, choices, explanation in questions
    ]


def make_quiz(home, slug="quick-quiz", **fields):
    fields.setdefault("title", "Quick quiz")
    return add_page(home, QuizPage(slug=slug, questions=quiz_questions(), **fields))


def answers(quiz, phase, correct=(True, True), article=None):
    """Form data choosing the correct (or a wrong) answer to each question."""
    data = {"article": article.pk} if article is not None else {}
    for question, right in zip(quiz.quiz_questions(), correct, strict=True):
        choice = next(choice for choice in question.choices if choice.correct == right)
        data[f"{phase}-{question.id}"] = choice.id
    return data


def quiz_answer_url(quiz, phase):
    return reverse("surveys:quiz_answer", args=[quiz.pk, phase])


def part(html, phase):
    """The quiz card of ``phase`` in a page."""
    match = re.search(rf'<section class="quiz-card" id="quiz-{phase}".*?</section>', html, re.S)
    return match.group(0) if match else ""
