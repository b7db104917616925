"""Pages cost a fixed number of queries, however many references, related articles or cards."""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.articles.factories import create_article, create_image, reference

# Measured with every cache empty, the HCP gate, the footer's funder disclosure, and the
# article's feedback survey and poll included; constant however much content there is.
ARTICLE_PAGE_CEILING = 32
INDEX_PAGE_CEILING = 27
SEARCH_PAGE_CEILING = 20
FEED_CEILING = 13


def render_uncached(client, url):
    """Render once to create image renditions, then count a render with empty caches."""
    assert client.get(url).status_code == 200
    cache.clear()


def build_article(index, topics, references, related):
    image = create_image("Hero")
    article = create_article(
        index,
        "The article",
        topics=[topics["mrd"], topics["aya"]],
        references=[
            reference(number, doi=f"10.1002/ajh.{number}0000") for number in range(references)
        ],
        featured_image=image,
    )
    for number in range(related):
        create_article(
            index, f"Related {number}", topics=[topics["mrd"]], featured_image=create_image()
        )
    return article


@pytest.mark.django_db
@pytest.mark.parametrize(("references", "related"), [(1, 0), (10, 6)])
def test_article_page_queries_do_not_grow(
    hcp_client, article_index, topics, django_assert_max_num_queries, references, related
):
    article = build_article(article_index, topics, references, related)
    render_uncached(hcp_client, article.url)

    with django_assert_max_num_queries(ARTICLE_PAGE_CEILING):
        response = hcp_client.get(article.url)

    assert response.status_code == 200
    assert len(response.context["related_articles"]) == min(related, 4)
    assert response.text.count('class="reference__citation"') == references


@pytest.mark.django_db
def test_article_page_costs_the_same_with_more_references_and_related_articles(
    hcp_client, article_index, topics
):
    small = build_article(article_index, topics, references=1, related=1)
    render_uncached(hcp_client, small.url)
    with CaptureQueriesContext(connection) as few:
        hcp_client.get(small.url)

    for number in range(5):
        create_article(
            article_index, f"More {number}", topics=[topics["aya"]], featured_image=create_image()
        )
    small.references = [reference(number, doi=f"10.1002/ajh.{number}0000") for number in range(10)]
    small.save_revision().publish()
    render_uncached(hcp_client, small.url)
    with CaptureQueriesContext(connection) as many:
        response = hcp_client.get(small.url)

    assert len(response.context["related_articles"]) == 4
    assert len(many) == len(few)


@pytest.mark.django_db
@pytest.mark.parametrize("cards", [1, 6])
def test_index_page_queries_do_not_grow(
    hcp_client, article_index, topics, django_assert_max_num_queries, cards
):
    for number in range(cards):
        create_article(
            article_index,
            f"Card {number}",
            topics=[topics["mrd"], topics["aya"]],
            featured_image=create_image(),
        )
    render_uncached(hcp_client, article_index.url)

    with django_assert_max_num_queries(INDEX_PAGE_CEILING):
        response = hcp_client.get(article_index.url, {"topic": "mrd"})

    assert len(response.context["articles"]) == cards


@pytest.mark.django_db
@pytest.mark.parametrize("hits", [1, 10])
def test_search_page_queries_do_not_grow(
    hcp_client, article_index, topics, django_assert_max_num_queries, hits
):
    for number in range(hits):
        create_article(
            article_index, f"MRD {number}", topics=[topics["mrd"]], featured_image=create_image()
        )
    render_uncached(hcp_client, "/en/search/?q=MRD")

    with django_assert_max_num_queries(SEARCH_PAGE_CEILING):
        response = hcp_client.get("/en/search/", {"q": "MRD"})

    assert len(response.context["results"]) == hits


@pytest.mark.django_db
@pytest.mark.parametrize("items", [1, 20])
def test_feed_queries_do_not_grow(
    hcp_client, article_index, topics, django_assert_max_num_queries, items
):
    for number in range(items):
        create_article(article_index, f"Item {number}", topics=[topics["mrd"], topics["aya"]])
    cache.clear()

    with django_assert_max_num_queries(FEED_CEILING):
        response = hcp_client.get("/en/feed/")

    assert response.content.count(b"<entry>") == items
