"""The app's page cache shows a change at once: every content change retires every copy.

Each test first proves the page is served from the cache (``X-App-Cache: HIT``), so a test
that passed without the cache being in use would be caught by that assertion.
"""

import pytest
from bs4 import BeautifulSoup

from home.models import FunderIndexPage, FunderPage, FundingType, StandardPage
from tests.articles.factories import create_article
from tests.gate.helpers import publish_withdraw_label
from tests.home.conftest import SEED_GRANT, publish_child
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db


def cached(client, url):
    """The page, after making sure the next request for it is answered from the cache."""
    client.get(url)
    response = client.get(url)
    assert response["X-App-Cache"] == "HIT", url
    return response


def disclosure(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("footer .funder-disclosure__sentence").get_text()


@pytest.fixture
def about(home):
    return publish_child(home, StandardPage(title="About", slug="about"))


@pytest.fixture
def funder_index(home):
    return publish_child(home, FunderIndexPage(title="Funders", slug="funders"))


def test_a_published_article_shows_on_itself_the_index_and_home(
    hcp_client, home, article_index, article
):
    for url in (home.url, article_index.url):
        assert "A new development" not in cached(hcp_client, url).text

    new = create_article(article_index, title="A new development")

    for url in (home.url, article_index.url, new.url):
        response = hcp_client.get(url)
        assert response["X-App-Cache"] == "MISS", url
        assert "A new development" in response.text, url


def test_an_edited_article_shows_its_new_title(hcp_client, article):
    cached(hcp_client, article.url)

    article.title = "Blinatumomab in upfront ALL, updated"
    publish_certified(article.save_revision())

    assert "Blinatumomab in upfront ALL, updated" in hcp_client.get(article.url).text


def test_an_unpublished_article_leaves_the_index(hcp_client, article_index, article):
    assert article.title in cached(hcp_client, article_index.url).text

    article.unpublish()

    assert article.title not in hcp_client.get(article_index.url).text
    assert hcp_client.get(article.url).status_code == 404


def test_publishing_and_unpublishing_a_funder_changes_every_pages_disclosure(
    hcp_client, home, about, article, funder_index
):
    urls = (home.url, about.url, article.url)
    for url in urls:
        assert SEED_GRANT not in disclosure(cached(hcp_client, url))

    funder = FunderPage(
        title="Hippocrate",
        slug="hippocrate",
        funding_type=FundingType.EDUCATIONAL_GRANT,
        disclosure_name=SEED_GRANT,
    )
    publish_child(funder_index, funder)
    for url in urls:
        assert SEED_GRANT in disclosure(cached(hcp_client, url)), url

    funder.unpublish()
    for url in urls:
        assert SEED_GRANT not in disclosure(hcp_client.get(url)), url


def test_a_renamed_topic_shows_on_its_articles(hcp_client, article, topic):
    assert "Transplantation" in cached(hcp_client, article.url).text

    topic.name = "Stem-cell transplantation"
    publish_certified(topic.save_revision())

    assert "Stem-cell transplantation" in hcp_client.get(article.url).text


def test_edited_site_copy_shows_at_once(hcp_client, about):
    assert "I am not a healthcare professional" in cached(hcp_client, about.url).text

    publish_withdraw_label("Not a healthcare professional? Leave here")

    assert "Not a healthcare professional? Leave here" in hcp_client.get(about.url).text


def test_a_reader_without_the_cookie_gets_the_gate_after_a_confirmed_one_was_cached(
    hcp_client, client, about
):
    cached(hcp_client, about.url)

    response = client.get(about.url)

    assert response.status_code == 303
    assert response["Location"].startswith("/en/hcp-confirm/?next=")
    assert "X-App-Cache" not in response


def test_a_forged_confirmation_cookie_gets_the_gate_not_the_cached_page(hcp_client, client, about):
    cached(hcp_client, about.url)
    client.cookies["hcp_confirmed"] = "forged"

    assert client.get(about.url).status_code == 303


def test_a_signed_in_editor_neither_gets_nor_fills_the_cache(admin_client, hcp_client, about):
    cached(hcp_client, about.url)
    StandardPage.objects.filter(pk=about.pk).update(title="Changed behind the cache's back")

    editor_view = admin_client.get(about.url)

    assert "X-App-Cache" not in editor_view
    assert "Changed behind the cache&#x27;s back" in editor_view.text
    # The editor's fresh page did not replace the readers' copy either.
    assert "Changed behind" not in hcp_client.get(about.url).text


def test_a_preview_is_never_cached_nor_shown_to_readers(admin_client, hcp_client, about):
    cached(hcp_client, about.url)
    about.title = "Draft title, not yet approved"
    about.save_revision()

    preview = admin_client.get(f"/admin/pages/{about.pk}/view_draft/")

    assert "Draft title, not yet approved" in preview.text
    assert "X-App-Cache" not in preview
    for _ in range(2):
        reader_view = hcp_client.get(about.url)
        assert "Draft title" not in reader_view.text


def test_another_query_string_is_another_copy(hcp_client, article_index, article):
    cached(hcp_client, article_index.url)

    assert hcp_client.get(f"{article_index.url}?page=1")["X-App-Cache"] == "MISS"
