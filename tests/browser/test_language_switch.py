"""A reader switches the seed article from English to Spanish, in Chromium."""

import pytest

from articles.models import ArticlePage
from hub_site.demo.articles import SEED_ARTICLE_SLUG
from hub_site.demo.surveys import FEEDBACK_INTRO, FEEDBACK_STATEMENTS
from hub_site.demo.translated_strings import SPANISH
from surveys.models import SurveyResponse

SPANISH_ARTICLE_PATH = f"/es/articles/{SEED_ARTICLE_SLUG}/"
SPANISH_THANK_YOU = SPANISH["Thank you for your feedback: it helps us plan the next articles."]


@pytest.fixture
def demo(demo_site):
    return ArticlePage.objects.get(slug=SEED_ARTICLE_SLUG, locale__language_code="en")


def test_reader_switches_the_seed_article_to_spanish_and_answers_its_survey(
    demo_site, page, demo, screenshot
):
    page.goto(f"{demo_site.url}{demo.url}")
    page.get_by_role("button", name="I am a healthcare professional").click()
    page.wait_for_url(f"{demo_site.url}{demo.url}")

    switcher = page.get_by_role("navigation", name="Language")
    switcher.get_by_role("link", name="Español").click()

    page.wait_for_url(f"{demo_site.url}{SPANISH_ARTICLE_PATH}")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() == SPANISH[demo.title]
    assert page.get_by_text("fueron del 53% y el 46%").is_visible()
    assert page.get_by_text(SPANISH[FEEDBACK_INTRO]).is_visible()
    for statement in FEEDBACK_STATEMENTS:
        group = page.get_by_role("group", name=SPANISH[statement])
        # The answer levels' words come from the interface translations, not the demo:
        # each statement gets the last level, picked by position.
        group.get_by_role("radio").last.check()
    screenshot("language-switch-spanish-survey")
    page.locator("form.survey-form").get_by_role("button").click()

    page.wait_for_url(f"{demo_site.url}{SPANISH_ARTICLE_PATH}#feedback")
    assert page.locator("#feedback").get_by_role("status").inner_text() == SPANISH_THANK_YOU
    # The newest response (the demo's fictional readers answered before): this reader's.
    response = SurveyResponse.objects.latest("pk")
    assert {
        response.form_data[name] for name in response.form_data if name != "any_other_comments"
    } == {5}
    assert response.locale.language_code == "es"
    assert response.article.translation_key == demo.translation_key
    screenshot("language-switch-spanish-thank-you")


def test_unconfirmed_reader_arriving_at_the_spanish_article_sees_the_spanish_gate(
    demo_site, page, demo, screenshot
):
    page.goto(f"{demo_site.url}{SPANISH_ARTICLE_PATH}")

    assert (
        page.get_by_role("heading", level=1).inner_text()
        == SPANISH["Healthcare professionals only"]
    )
    statement = page.locator("main").get_by_text("Todo el contenido de este sitio está dirigido")
    assert statement.is_visible()
    assert page.get_by_role("link", name=SPANISH["I am a patient or carer"]).is_visible()
    screenshot("language-switch-spanish-gate")
    page.get_by_role("button", name=SPANISH["I am a healthcare professional"]).click()

    page.wait_for_url(f"{demo_site.url}{SPANISH_ARTICLE_PATH}")
    assert page.get_by_role("heading", level=1).inner_text() == SPANISH[demo.title]
