"""The tags other templates use: feedback_survey, poll_card and latest_open_poll."""

from datetime import timedelta

import pytest

from django.conf import settings
from django.utils import timezone

from surveys.models import SurveyFormField, SurveyPage, SurveySettings
from surveys.reader_identity import ReaderState
from tests.publishing import publish_certified

from .conftest import add_article, add_page
from .helpers import render_tags

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_survey(home):
    return add_page(
        home,
        SurveyPage(
            title="Workshop feedback",
            slug="workshop-feedback",
            form_fields=[SurveyFormField(label="It was useful", field_type="likert")],
        ),
    )


def test_an_article_without_a_survey_of_its_own_shows_the_default(survey, article):
    assert SurveySettings.objects.get().default_feedback_survey_id == survey.pk

    html = render_tags("{% feedback_survey article %}", article=article)

    assert f'action="{survey.url}"' in html


def test_an_article_shows_the_survey_its_editor_chose(survey, other_survey, article):
    article.feedback_survey = other_survey

    html = render_tags("{% feedback_survey article %}", article=article)

    assert f'action="{other_survey.url}"' in html
    assert "It was useful" in html


def test_no_survey_renders_nothing(home, article):
    assert render_tags("{% feedback_survey article %}", article=article).strip() == ""


def test_an_unpublished_survey_is_not_shown(survey, article):
    survey.unpublish()

    assert render_tags("{% feedback_survey article %}", article=article).strip() == ""


def test_the_survey_is_shown_in_the_articles_language(survey, home, spanish):
    spanish_home = home.copy_for_translation(spanish)
    publish_certified(spanish_home.save_revision())
    spanish_article = add_article(spanish_home, "Artículo", "articulo")

    tag = "{% feedback_survey article %}"
    untranslated = render_tags(tag, language="es", article=spanish_article)
    spanish_survey = survey.copy_for_translation(spanish)
    publish_certified(spanish_survey.save_revision())
    translated = render_tags(tag, language="es", article=spanish_article)

    # An English form on a Spanish article would post answers its survey refuses.
    assert untranslated.strip() == ""
    assert f'action="{spanish_survey.url}"' in translated
    assert spanish_survey.url.startswith("/es/")


def test_a_poll_card_shows_the_vote_form_with_its_article(poll, article):
    html = render_tags("{% poll_card poll article=article %}", poll=poll, article=article)

    assert f'<section class="poll-card" id="poll-{poll.pk}"' in html
    assert f'<h2 id="poll-{poll.pk}-heading">Your opinion matters</h2>' in html
    assert f'action="/en/polls/{poll.pk}/vote/"' in html
    assert f'<input type="hidden" name="article" value="{article.pk}">' in html


def test_a_poll_card_without_a_poll_renders_nothing(db):
    assert render_tags("{% poll_card poll %}", poll=None).strip() == ""


def test_latest_open_poll_is_the_newest_open_one(poll, make_poll):
    make_poll("closed", closes_at=timezone.now() + timedelta(minutes=5))
    newest = make_poll("newest")
    make_poll("future", opens_at=timezone.now() + timedelta(days=1))
    type(newest).objects.filter(slug="closed").update(closes_at=timezone.now())

    html = render_tags("{% latest_open_poll %}")

    assert f'action="/en/polls/{newest.pk}/vote/"' in html
    assert 'name="article"' not in html


def test_latest_open_poll_is_in_the_readers_language(poll):
    assert render_tags("{% latest_open_poll %}", language="es").strip() == ""
    assert f'action="/en/polls/{poll.pk}/vote/"' in render_tags("{% latest_open_poll %}")


def test_the_feedback_survey_costs_a_handful_of_queries(
    hcp_client, survey, article, django_assert_max_num_queries
):
    returning = ReaderState()  # a reader who has answered something before
    returning.start()
    hcp_client.cookies[settings.READER_COOKIE_NAME] = returning.as_cookie_value()
    with django_assert_max_num_queries(10):
        render_tags("{% feedback_survey article %}", hcp_client, article=article)
