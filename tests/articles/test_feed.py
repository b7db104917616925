import datetime
import xml.etree.ElementTree as ET

import pytest

from tests.articles.factories import create_article

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    feed = ET.fromstring(response.content)  # noqa: S314 - our own feed
    return feed, feed.findall(f"{ATOM}entry")


@pytest.mark.django_db
def test_feed_is_atom_with_the_newest_articles_first(hcp_client, article_index, topics):
    create_article(article_index, "Older", date=datetime.date(2025, 1, 1))
    create_article(article_index, "Newer", date=datetime.date(2025, 10, 24), topics=[topics["mrd"]])
    create_article(article_index, "Draft", publish=False)

    response = hcp_client.get("/en/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed, items = entries(response)
    assert feed.find(f"{ATOM}title").text == "The ALL Hub: latest articles"
    assert [item.find(f"{ATOM}title").text for item in items] == ["Newer", "Older"]
    newer = items[0]
    assert newer.find(f"{ATOM}link").get("href") == "http://testserver/en/articles/newer/"
    assert newer.find(f"{ATOM}published").text.startswith("2025-10-24")
    assert newer.find(f"{ATOM}summary").text == "The summary of Newer."
    assert [category.get("term") for category in newer.findall(f"{ATOM}category")] == ["MRD"]


@pytest.mark.django_db
def test_feed_holds_twenty_articles(hcp_client, article_index):
    for number in range(22):
        create_article(article_index, f"Article {number}")

    _feed, items = entries(hcp_client.get("/en/feed/"))

    assert len(items) == 20


@pytest.mark.django_db
def test_each_language_has_its_own_feed(hcp_client, article_index, spanish_index):
    create_article(spanish_index, "Artículo", slug="articulo")
    create_article(article_index, "Article")

    _feed, english = entries(hcp_client.get("/en/feed/"))
    spanish_feed, spanish = entries(hcp_client.get("/es/feed/"))

    assert [item.find(f"{ATOM}title").text for item in english] == ["Article"]
    assert [item.find(f"{ATOM}title").text for item in spanish] == ["Artículo"]
    assert spanish_feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/en/search/", "/es/"])
def test_every_page_links_its_languages_feed(hcp_client, path):
    language = path.split("/")[1]

    html = hcp_client.get(path).text

    assert f'<link rel="alternate" type="application/atom+xml" href="/{language}/feed/"' in html


@pytest.mark.django_db
def test_article_page_links_the_feed(hcp_client, article_index):
    article = create_article(article_index, "Article")

    html = hcp_client.get(article.url).text

    assert '<link rel="alternate" type="application/atom+xml" href="/en/feed/"' in html
