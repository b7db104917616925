"""Readers no page cache answers (a session) get the page rendered afresh: never a stale
copy of any part of it, never another reader's."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from hub_site.demo.surveys import feature_poll_on_article
from surveys.models import PollPage
from tests.articles.factories import create_article
from tests.cache.test_forms_on_cached_pages import SITE, form_data
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db


def main_text(response):
    return " ".join(
        BeautifulSoup(response.content, "html.parser").select_one("main").stripped_strings
    )


def test_a_published_change_to_a_related_article_shows_at_once(
    session_reader, article, article_index, topic
):
    related = create_article(article_index, title="Venetoclax in relapsed ALL", topics=[topic])
    assert "Venetoclax in relapsed ALL" in main_text(session_reader.get(article.url))
    session_reader.get(article.url)

    related.title = "Venetoclax with chemotherapy"
    publish_certified(related.save_revision())

    soup = BeautifulSoup(session_reader.get(article.url).content, "html.parser")
    titles = [h.get_text(strip=True) for h in soup.select(".related-articles h3")]
    assert titles == ["Venetoclax with chemotherapy"]


def test_an_edited_article_shows_its_new_text_at_once(session_reader, article):
    session_reader.get(article.url)

    article.learning_objective = "Weigh MRD-guided therapy"
    publish_certified(article.save_revision())

    assert "Weigh MRD-guided therapy" in main_text(session_reader.get(article.url))


def test_a_preview_never_gets_the_live_fragments(admin_client, session_reader, article):
    session_reader.get(article.url)
    article.title = "A draft title, not published"
    article.save_revision()

    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=(article.pk,)))

    assert "A draft title, not published" in preview.content.decode()
    assert "A draft title, not published" not in session_reader.get(article.url).content.decode()


def test_a_survey_answered_with_errors_shows_the_readers_form_not_the_blank_one(
    session_reader, strict_reader, article
):
    session_reader.get(article.url)  # the blank form's fragment is in the cache
    action, data = form_data(session_reader.get(article.url).text, "survey-form")
    chosen = {name: value for name, value in data.items() if name != "article"}
    missing = sorted(chosen)[0]
    del data[missing]

    response = strict_reader.post(action, data, headers={"Origin": SITE})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Your answers were not sent" in html
    # The reader's other answers are still chosen in the form shown again.
    form = BeautifulSoup(html, "html.parser").select_one("form.survey-form")
    for name in sorted(chosen)[1:]:
        assert form.select_one(f"input[name={name}][checked]")["value"] == data[name]


def test_a_reader_who_voted_sees_thanks_not_the_cached_blank_form(
    session_reader, strict_reader, article
):
    feature_poll_on_article(PollPage.objects.get(), article)
    session_reader.get(article.url)  # the blank form's fragment is in the cache
    action, data = form_data(session_reader.get(article.url).text, "poll-form")

    response = strict_reader.post(action, data, headers={"Origin": SITE})

    assert response.status_code == 303
    after = strict_reader.get(response["Location"]).text
    assert "Thank you for voting." in after
    assert 'class="poll-form"' not in after
    # Another reader with a session still gets the blank form.
    assert 'class="poll-form"' in session_reader.get(article.url).text
