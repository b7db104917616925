import pytest

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField, TranslatableField

from articles.models import ArticlePage, ArticlePageTopic, Topic
from tests.articles.factories import create_topic


@pytest.mark.django_db
def test_topics_are_listed_in_the_admin(admin_client, topics):
    response = admin_client.get(reverse("wagtailsnippets_articles_topic:list"))

    assert response.status_code == 200
    for name in ("Transplantation", "MRD", "AYA"):
        assert name in response.text


@pytest.mark.django_db
def test_a_topic_saved_in_the_admin_is_a_draft_until_published(admin_client):
    add_url = reverse("wagtailsnippets_articles_topic:add")

    response = admin_client.post(add_url, {"name": "Relapse", "slug": "relapse"})

    assert response.status_code == 302
    topic = Topic.objects.get(slug="relapse")
    assert topic.live is False
    assert topic.latest_revision is not None
    assert topic.locale == Locale.get_default()

    edit_url = reverse("wagtailsnippets_articles_topic:edit", args=[topic.pk])
    admin_client.post(edit_url, {"name": "Relapse", "slug": "relapse", "action-publish": "1"})

    topic.refresh_from_db()
    assert topic.live is True
    assert topic.live_revision is not None


@pytest.mark.django_db
def test_the_admin_refuses_a_second_topic_with_the_same_slug(admin_client, topics):
    add_url = reverse("wagtailsnippets_articles_topic:add")

    response = admin_client.post(add_url, {"name": "Minimal residual disease", "slug": "mrd"})

    assert response.status_code == 200
    assert "Another topic in this language already uses this slug." in response.text
    assert Topic.objects.filter(slug="mrd").count() == 1


@pytest.mark.django_db
def test_the_same_slug_may_be_used_in_another_language(topics):
    spanish = Locale.objects.get(language_code="es")
    topic = create_topic("ERM", slug="mrd", locale=spanish)
    topic.full_clean()


def test_topic_translates_its_name_and_shares_its_slug():
    fields = {field.field_name: type(field) for field in Topic.translatable_fields}
    assert fields == {"name": TranslatableField, "slug": SynchronizedField}


def test_article_translation_fields_are_declared_explicitly():
    fields = {field.field_name: type(field) for field in ArticlePage.translatable_fields}

    assert fields["date"] is SynchronizedField
    assert fields["references"] is SynchronizedField
    assert fields["featured_image"] is SynchronizedField
    for translated in (
        "title",
        "learning_objective",
        "summary",
        "key_data",
        "key_learning",
        "body",
        "search_description",
        "topic_links",
    ):
        assert fields[translated] is TranslatableField, translated
    assert {field.field_name for field in ArticlePageTopic.translatable_fields} == {"topic"}
