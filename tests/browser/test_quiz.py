"""A reader takes the quick quiz in Chromium: before reading, with the keyboard alone and at
320 px; reads; takes it again after reading; sees both scores, the answers and the
colleagues' average. axe-core checks every state of the quiz."""

import hashlib

import pytest

from wagtail.models import Site

from surveys.models import QuizAttempt
from tests.browser.test_accessibility import axe_violations, report
from tests.browser.test_keyboard_and_reflow import no_horizontal_scroll, tab_to
from tests.publishing import publish_certified
from tests.surveys.conftest import add_article
from tests.surveys.quiz_helpers import QUESTIONS, make_quiz

COLLEAGUES = 4


@pytest.fixture
def quiz_article(live_site):
    home = Site.objects.get(is_default_site=True).root_page.specific
    quiz = make_quiz(home, intro="Test what you know before reading.")
    article = add_article(home, "Allo-HSCT in CR2 for AYAs with ALL", "allo-hsct-cr2")
    article.quiz = quiz
    publish_certified(article.save_revision())
    # Four colleagues took it before (all wrong) and after (all right).
    questions = quiz.quiz_questions()
    for number in range(COLLEAGUES):
        respondent = hashlib.sha256(f"colleague-{number}".encode()).hexdigest()
        for phase, right in (("before", False), ("after", True)):
            chosen = {q.id: next(c.id for c in q.choices if c.correct == right) for q in questions}
            quiz.add_attempt(
                phase, chosen, article=article, respondent=respondent, reader_language=""
            )
    return quiz, article


def choose(page, phase, question, label):
    """Choose an answer with the keyboard: Tab to the question's first radio, then arrows."""
    group = page.locator(f"#quiz-{phase}").get_by_role("group", name=question)
    radios = group.get_by_role("radio")
    tab_to(page, radios.first)
    labels = [
        radios.nth(i).evaluate("el => el.labels[0].innerText.trim()") for i in range(radios.count())
    ]
    for _ in range(labels.index(label)):
        page.keyboard.press("ArrowDown")
    if labels.index(label) == 0:
        page.keyboard.press("Space")
    assert group.get_by_role("radio", name=label, exact=True).is_checked()


def assert_no_axe_violations(page, state):
    violations = axe_violations(page)
    assert violations == [], report({state: violations})


def test_reader_takes_the_quiz_before_and_after_reading(
    live_site, hcp_page, quiz_article, screenshot
):
    quiz, article = quiz_article
    page = hcp_page
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_site.url}{article.url}")

    before = page.locator("#quiz-before")
    assert before.get_by_role("heading", name="Quick quiz: before you read").is_visible()
    assert page.locator("#quiz-after").get_by_text("Take it at the top of the article first")
    assert no_horizontal_scroll(page)
    assert_no_axe_violations(page, "open before reading")
    screenshot("quiz-before-320")

    # The skip link takes the reader straight to the article.
    tab_to(page, before.get_by_role("link", name="Skip the quiz and read the article"))
    page.keyboard.press("Enter")
    assert page.url.endswith("#article-content")
    assert page.evaluate("document.activeElement.id") == "article-content"

    # Before reading, with the keyboard alone: one right, one wrong.
    page.goto(f"{live_site.url}{article.url}")
    (first, _first_choices, _), (second, _second_choices, _) = QUESTIONS
    choose(page, "before", first, "About 50%")
    choose(page, "before", second, "Matched sibling")
    tab_to(page, before.get_by_role("button", name="Check my answers"))
    page.keyboard.press("Enter")

    page.wait_for_url(f"{live_site.url}{article.url}#quiz-before")
    assert before.get_by_role("status").inner_text() == "Thank you: your answers were stored."
    assert before.get_by_text("You answered 1 of 2 correctly before reading.").is_visible()
    assert page.get_by_text("The registry reported").count() == 0
    assert no_horizontal_scroll(page)
    assert_no_axe_violations(page, "answered before reading")

    # After reading, at the foot: both right.
    choose(page, "after", first, "About 50%")
    choose(page, "after", second, "Matched unrelated")
    after = page.locator("#quiz-after")
    tab_to(page, after.get_by_role("button", name="Compare my answers"))
    page.keyboard.press("Enter")

    page.wait_for_url(f"{live_site.url}{article.url}#quiz-after")
    assert after.get_by_text(
        "Before reading you answered 1 of 2 correctly; after reading, 2 of 2."
    ).is_visible()
    # Four colleagues at 0% then 100%, and this reader at 50% then 100%.
    assert after.get_by_text(
        "Your colleagues who took both (5 readers): 10% correct before reading, 100% after."
    ).is_visible()
    assert after.get_by_text(
        "The registry reported 3-year overall survival of about 50% for AYAs."
    ).is_visible()
    assert no_horizontal_scroll(page)
    assert_no_axe_violations(page, "scores and answers after reading")
    screenshot("quiz-after-320")
    page.set_viewport_size({"width": 1280, "height": 900})
    after.scroll_into_view_if_needed()
    screenshot("quiz-after-wide")

    stored = QuizAttempt.objects.exclude(
        respondent__in=[
            hashlib.sha256(f"colleague-{n}".encode()).hexdigest() for n in range(COLLEAGUES)
        ]
    )
    assert sorted(stored.values_list("phase", "correct")) == [("after", 2), ("before", 1)]


def test_a_second_attempt_in_the_browser_is_refused_with_a_clear_message(
    live_site, hcp_page, quiz_article
):
    quiz, article = quiz_article
    page = hcp_page
    page.goto(f"{live_site.url}{article.url}")
    first, second = (question for question, _choices, _why in QUESTIONS)
    before = page.locator("#quiz-before")
    before.get_by_role("group", name=first).get_by_role("radio", name="About 30%").check()
    before.get_by_role("group", name=second).get_by_role("radio", name="Matched sibling").check()
    # The same form sent again from a second tab opened before the first answer.
    page.context.new_page()
    replay = page.context.pages[-1]
    replay.goto(f"{live_site.url}{article.url}")
    before.get_by_role("button", name="Check my answers").click()
    page.wait_for_url(f"{live_site.url}{article.url}#quiz-before")

    replay_before = replay.locator("#quiz-before")
    replay_before.get_by_role("group", name=first).get_by_role("radio", name="About 50%").check()
    replay_before.get_by_role("group", name=second).get_by_role(
        "radio", name="Matched unrelated"
    ).check()
    with replay.expect_response(lambda r: r.request.method == "POST") as answer:
        replay_before.get_by_role("button", name="Check my answers").click()

    assert answer.value.status == 409
    assert (
        replay.get_by_role("alert")
        .inner_text()
        .startswith("You have already taken this quiz before reading.")
    )
    assert_no_axe_violations(replay, "second attempt refused")
    replay.close()
    # The first answers were kept: five attempts before reading, each 0 of 2.
    assert list(QuizAttempt.objects.filter(phase="before").values_list("correct", flat=True)) == [
        0
    ] * (COLLEAGUES + 1)
