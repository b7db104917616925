"""One cached copy per page variant (hub_site/cache/variants.py): parameters no page reads
share the page's copy; the ones pages read make variants, each purged with the page."""

import pytest

from hub_site.cache import variants
from tests.articles.factories import create_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "page=&topic=&q=&article="),
        ("utm_source=news&fbclid=x", "page=&topic=&q=&article="),
        ("topic=mrd&page=2", "page=2&topic=mrd&q=&article="),
        # nginx's $arg_<name>: the first occurrence, whatever the case of its name.
        ("page=2&page=5", "page=2&topic=&q=&article="),
        ("PAGE=3", "page=3&topic=&q=&article="),
        ("q=stem+cell", "page=&topic=&q=stem+cell&article="),
        # Spellings the app would read as another value's: not kept.
        ("page=%32", None),
        ("page=02", None),
        ("q=stem%20cell", None),
        ("topic=%3Cscript%3E", None),
    ],
)
def test_the_key_keeps_the_parameters_pages_read_as_nginx_reads_them(query, expected):
    assert variants.variant_query(query) == expected


def test_a_tracking_parameter_shares_the_pages_copy(hcp_client, article):
    hcp_client.get(article.url)
    assert hcp_client.get(article.url)["X-App-Cache"] == "HIT"

    assert hcp_client.get(f"{article.url}?utm_source=news")["X-App-Cache"] == "HIT"
    assert hcp_client.get(f"{article.url}?utm_source=other&fbclid=1")["X-App-Cache"] == "HIT"


def test_a_page_is_rendered_from_its_keys_parameters_only(hcp_client, article_index, topic):
    for n in range(8):
        create_article(article_index, title=f"Article {n}", slug=f"article-{n}", topics=[topic])

    # Django would read the last "page"; the key (and nginx) the first: the page shows the
    # first, so the copy is true for everyone who shares its key.
    first = hcp_client.get(f"{article_index.url}?page=2&page=1")
    second_page = hcp_client.get(f"{article_index.url}?page=2")

    assert second_page["X-App-Cache"] == "HIT"
    assert first.content == second_page.content
    assert "utm_source" not in hcp_client.get(f"{article_index.url}?utm_source=evil").text


def test_a_variant_in_an_unusual_spelling_is_shown_but_not_kept(hcp_client, article_index):
    response = hcp_client.get(f"{article_index.url}?page=%31")

    assert response.status_code == 200
    assert "X-App-Cache" not in response
    assert response["Cache-Control"] == "private"


def test_a_withdrawn_article_is_gone_from_every_variant(hcp_client, article):
    urls = [article.url, f"{article.url}?utm_source=news", f"{article.url}?article=1"]
    for url in urls:
        hcp_client.get(url)
        assert hcp_client.get(url)["X-App-Cache"] == "HIT"

    article.unpublish()

    assert [hcp_client.get(url).status_code for url in urls] == [404, 404, 404]


def test_other_views_keep_their_whole_query(hcp_client, article):
    response = hcp_client.get("/en/search/?q=blinatumomab&utm_source=news")

    assert response.status_code == 200
    assert "Blinatumomab" in response.text
