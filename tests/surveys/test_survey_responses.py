"""Answering the feedback survey: stored with article and locale, once per reader."""

import pytest

from django.conf import settings

from surveys.models import SurveyResponse
from surveys.reader_identity import state_from_cookie
from tests.publishing import publish_certified

from .conftest import add_article
from .helpers import COMMENTS, STATEMENT_NAMES, answers, render_tags

pytestmark = pytest.mark.django_db

ALREADY = "You have already answered this survey. Thank you for your feedback."


def test_the_survey_page_shows_the_seed_intro_and_statements(hcp_client, survey):
    response = hcp_client.get(survey.url)

    assert response.status_code == 200
    html = response.text
    assert "Please indicate your level of agreement with the following statements:" in html
    for statement in [
        "The content was clear and easy to understand",
        "The content addressed the learning objectives",
        "The content was relevant to my practice",
        "I will change my clinical practice as a result of this content",
    ]:
        assert f'<legend class="likert__statement">{statement}</legend>' in html
    assert html.count('type="radio"') == 20
    assert 'name="article"' not in html


def test_a_response_is_stored_with_its_article_and_locale(hcp_client, survey, article):
    response = hcp_client.post(survey.url, answers(comments="Very useful", article=article.pk))

    assert response.status_code == 303
    assert response["Location"] == f"{article.url}#feedback"
    stored = SurveyResponse.objects.get()
    assert stored.page_id == survey.pk
    assert stored.article_id == article.pk
    assert stored.article_key == article.translation_key
    assert stored.survey_key == survey.translation_key
    assert stored.locale.language_code == "en"
    assert stored.form_data == {
        **dict(zip(STATEMENT_NAMES, [4, 5, 3, 2], strict=True)),
        COMMENTS: "Very useful",
    }
    # A salted hash of the reader's random id, never the id itself.
    reader_id = state_from_cookie(hcp_client.cookies[settings.READER_COOKIE_NAME].value).reader_id
    assert len(reader_id) == 32
    assert len(stored.respondent) == 64
    assert reader_id not in stored.respondent


def test_the_reader_returns_to_a_thank_you_in_place_of_the_form(hcp_client, survey, article):
    hcp_client.post(survey.url, answers(article=article.pk))

    first = render_tags("{% feedback_survey article %}", hcp_client, article=article)
    again = render_tags("{% feedback_survey article %}", hcp_client, article=article)

    assert "Thank you for your feedback: it helps us plan the next articles." in first
    assert "<form" not in first
    assert ALREADY in again
    assert "<form" not in again


def test_the_article_shows_the_default_survey_posting_to_its_own_url(hcp_client, survey, article):
    html = render_tags("{% feedback_survey article %}", hcp_client, article=article)

    assert f'<form class="survey-form" method="post" action="{survey.url}">' in html
    assert f'<input type="hidden" name="article" value="{article.pk}">' in html
    assert '<h2 id="feedback-heading">Your feedback</h2>' in html


def test_a_standalone_answer_returns_to_the_survey_page(hcp_client, survey):
    response = hcp_client.post(survey.url, answers())

    assert response.status_code == 303
    assert response["Location"] == f"{survey.url}#feedback"
    assert SurveyResponse.objects.get().article is None
    page = hcp_client.get(survey.url)
    assert "Thank you for your feedback" in page.text
    assert ALREADY in hcp_client.get(survey.url).text


def test_a_second_answer_from_the_same_reader_replaces_nothing(hcp_client, survey, article):
    hcp_client.post(survey.url, answers(levels=(1, 1, 1, 1), article=article.pk))
    render_tags("{% feedback_survey article %}", hcp_client, article=article)  # thank-you seen

    response = hcp_client.post(survey.url, answers(levels=(5, 5, 5, 5), article=article.pk))

    assert response.status_code == 303
    stored = SurveyResponse.objects.get()
    assert stored.form_data[STATEMENT_NAMES[0]] == 1
    assert ALREADY in render_tags("{% feedback_survey article %}", hcp_client, article=article)


def test_the_same_reader_may_answer_about_another_article(hcp_client, survey, article, home):
    other = add_article(home, "Another article", "another")

    hcp_client.post(survey.url, answers(article=article.pk))
    hcp_client.post(survey.url, answers(article=other.pk))

    assert set(SurveyResponse.objects.values_list("article_id", flat=True)) == {
        article.pk,
        other.pk,
    }


def test_a_new_session_from_the_same_address_is_refused_within_the_window(
    hcp_client, new_reader, survey, article
):
    hcp_client.post(survey.url, answers(article=article.pk))

    response = new_reader().post(survey.url, answers(article=article.pk))

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "answered from your network a moment ago" in response.text
    assert SurveyResponse.objects.count() == 1


def test_a_new_session_from_another_address_is_a_new_reader(
    hcp_client, new_reader, survey, article
):
    hcp_client.post(survey.url, answers(article=article.pk))

    response = new_reader("10.0.0.2").post(survey.url, answers(article=article.pk))

    assert response.status_code == 303
    assert SurveyResponse.objects.count() == 2


def test_an_address_is_limited_to_ten_answers_a_minute(new_reader, survey, home):
    articles = [add_article(home, f"Article {n}", f"article-{n}") for n in range(11)]
    statuses = [
        new_reader().post(survey.url, answers(article=page.pk)).status_code for page in articles
    ]

    assert statuses == [303] * 10 + [429]
    assert SurveyResponse.objects.count() == 10


def test_a_survey_in_another_language_stores_that_locale(hcp_client, survey, spanish, home):
    spanish_home = home.copy_for_translation(spanish)
    publish_certified(spanish_home.save_revision())
    spanish_survey = survey.copy_for_translation(spanish)
    publish_certified(spanish_survey.save_revision())
    spanish_article = add_article(spanish_home, "Artículo", "articulo")

    response = hcp_client.post(spanish_survey.url, answers(article=spanish_article.pk))

    assert response.status_code == 303
    assert response["Location"] == f"{spanish_article.url}#feedback"
    stored = SurveyResponse.objects.get()
    assert stored.locale == spanish
    assert stored.page_id == spanish_survey.pk
    # Both language versions are one survey: the same key, the same question names.
    assert stored.survey_key == survey.translation_key
    assert [f.clean_name for f in spanish_survey.form_fields.all()] == [
        f.clean_name for f in survey.form_fields.all()
    ]
