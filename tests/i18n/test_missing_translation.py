import pytest
from bs4 import BeautifulSoup

from tests.i18n.conftest import translate


def other_versions(response):
    listing = BeautifulSoup(response.content, "html.parser").find(
        "ul", class_="other-language-versions"
    )
    return [(a["hreflang"], a["href"]) for a in listing.find_all("a")]


@pytest.mark.django_db
def test_an_article_without_a_spanish_tree_is_a_404_not_the_english_page(hcp_client, article):
    response = hcp_client.get("/es/articles/mrd-in-second-remission/")

    assert response.status_code == 404
    assert '<meta name="robots" content="noindex">' in response.text
    assert other_versions(response) == [("en", article.url)]
    assert "MRD in second remission" in response.text


@pytest.mark.django_db
def test_a_spanish_draft_is_a_404_listing_the_published_versions(hcp_client, article):
    translations = translate(article, "es", "fr")
    translations["es"].unpublish()

    response = hcp_client.get("/es/articles/mrd-in-second-remission/")

    assert response.status_code == 404
    assert other_versions(response) == [("en", article.url), ("fr", translations["fr"].url)]
    assert "noindex" in response.text


@pytest.mark.django_db
def test_a_spanish_alias_of_the_english_article_is_a_404(hcp_client, article):
    from wagtail.models import Locale

    translate(article.get_parent().specific, "es")
    spanish_index = article.get_parent().get_translation(Locale.objects.get(language_code="es"))
    article.create_alias(parent=spanish_index, update_locale=spanish_index.locale)

    response = hcp_client.get("/es/articles/mrd-in-second-remission/")

    assert response.status_code == 404
    assert other_versions(response) == [("en", article.url)]


@pytest.mark.django_db
def test_a_published_spanish_translation_is_served(hcp_client, article):
    spanish = translate(article, "es")["es"]

    response = hcp_client.get(spanish.url)

    assert response.status_code == 200
    assert response.context["page"].pk == spanish.pk


@pytest.mark.django_db
def test_an_unknown_path_is_a_plain_404(hcp_client):
    response = hcp_client.get("/es/no-such-page/")

    assert response.status_code == 404
    assert "other-language-versions" not in response.text
