"""The suite's ``kept`` fixtures (tests/kept_rows.py) leave the database as building them
does, build again when the content before differs, and refuse what they cannot hand out
again."""

import pytest

from django.db import transaction
from django.test import Client

from articles.models import ArticlePage
from tests.articles.factories import create_article, create_index, create_topic, home_page
from tests.kept_rows import kept, kept_builds
from tests.publishing import publish_certified
from tests.surveys.conftest import add_article

pytestmark = pytest.mark.django_db


# The times ``indexed_article`` really built its pages.
builds = []


@kept
def indexed_article(home, title):
    builds.append(title)
    return create_article(create_index(home), title)


def rows_of(model):
    return sorted(model.objects.values_list("pk", "title", "live", "url_path"))


def rolled_back(*args):
    """``indexed_article``'s value and the article rows it left, rolled back after, as the
    end of a test rolls back what its fixtures built."""
    with transaction.atomic():
        value = indexed_article(*args)
        rows = rows_of(ArticlePage)
        transaction.set_rollback(True)
    return value, rows


@pytest.fixture(autouse=True)
def fresh_builds():
    kept_builds.clear()
    builds.clear()
    yield
    kept_builds.clear()


def test_a_put_back_build_leaves_the_database_as_building_it_does():
    built, rows_after_building = rolled_back(home_page(), "Kept")
    assert rows_of(ArticlePage) == []

    put_back = indexed_article(home_page(), "Kept")

    assert builds == ["Kept"]
    assert rows_of(ArticlePage) == rows_after_building
    assert type(put_back) is ArticlePage
    assert (put_back.pk, put_back.title, put_back.live) == (built.pk, "Kept", True)
    # The rows put back are whole: the article can be edited and published again, and new
    # pages get ids of their own.
    put_back.title = "Kept and edited"
    publish_certified(put_back.save_revision())
    assert ArticlePage.objects.live().get().title == "Kept and edited"
    other = create_article(put_back.get_parent(), "Another")
    assert other.pk > put_back.pk


def test_other_content_before_or_other_arguments_build_again():
    rolled_back(home_page(), "Kept")
    create_topic("Transplantation")  # the content before differs
    rolled_back(home_page(), "Kept")
    rolled_back(home_page(), "Another title")  # so does a plain argument

    assert builds == ["Kept", "Kept", "Another title"]
    assert len(kept_builds) == 3


def test_an_attribute_no_query_gives_back_is_refused():
    @kept
    def article_with_a_note(home):
        article = add_article(home, "Noted", "noted")
        article.note_for_the_test = "lost when read again"
        return article

    with pytest.raises(TypeError, match="note_for_the_test"):
        article_with_a_note(home_page())


def test_a_client_left_signed_in_is_refused(django_user_model):
    user = django_user_model.objects.create_user("someone", password="secret")

    @kept
    def signed_in(client):
        client.force_login(user)
        return None

    with pytest.raises(TypeError, match="leaves its test client changed"):
        signed_in(Client())
