"""Pages cost a fixed number of queries, however many references, related articles, funders,
languages, poll choices or cards they show."""

import os

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from articles.models import ArticlePage
from home.models import FunderIndexPage, FunderPage, FundingType
from hub_site.demo.articles import SEED_ARTICLE_SLUG
from hub_site.demo.surveys import load_surveys
from surveys.models import PollChoice
from tests.articles.factories import create_article, create_image, reference
from tests.caches import empty_caches
from tests.demo_rows import load_demo_content
from tests.publishing import publish_certified

# Measured with every cache empty (Django's, so the footer's disclosure and Wagtail's site
# root paths too), the HCP gate, the footer, the language links, the article's feedback
# survey and its poll included; constant however much content there is. The article's
# ceiling was 20 until pages showed their certificate: its lookup is one more query with
# every cache empty, none afterwards (kept per live revision, hub_site/certification).
CERTIFICATE_QUERIES = 1
# The article's contributors, then their financial relationships (the second only when it
# has contributors), however many there are.
CONTRIBUTOR_QUERIES = 2
ARTICLE_PAGE_CEILING = 20 + CERTIFICATE_QUERIES + CONTRIBUTOR_QUERIES
# Figures in the body: Wagtail loads their images with the body, in one query.
BODY_FIGURES_QUERIES = 1
INDEX_PAGE_CEILING = 19 + CERTIFICATE_QUERIES
SEARCH_PAGE_CEILING = 13
FEED_CEILING = 8

pytestmark = pytest.mark.django_db


def render_uncached(client, url):
    """Render once to create image renditions, then count a render with empty caches."""
    assert client.get(url).status_code == 200
    empty_caches()


def queries_uncached(client, url):
    render_uncached(client, url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    if os.environ.get("PRINT_QUERIES"):
        for query in queries.captured_queries:
            print(query["sql"][:300])  # noqa: T201
    return len(queries), response


def figure(image):
    return {"type": "image", "value": {"image": image.pk, "alt_text": "A chart", "caption": ""}}


def test_the_seed_article_needs_at_most_20_queries_uncached(hcp_client):
    load_demo_content()
    seed = ArticlePage.objects.get(slug=SEED_ARTICLE_SLUG, locale=Locale.get_default())

    count, response = queries_uncached(hcp_client, seed.url)

    assert 'class="poll-card"' in response.text
    assert 'class="survey' in response.text
    assert len(response.context["related_articles"]) > 0
    assert count <= ARTICLE_PAGE_CEILING


def test_the_article_page_costs_the_same_however_much_it_shows(
    hcp_client, home, article_index, topics
):
    survey, poll = load_surveys(home)
    article = create_article(
        article_index,
        "The article",
        topics=[topics["mrd"], topics["aya"]],
        references=[reference(1, doi="10.1002/ajh.10000")],
        featured_image=create_image("Hero"),
        body=[figure(create_image("Chart"))],
        featured_poll=poll,
    )
    create_article(
        article_index, "Related 0", topics=[topics["mrd"]], featured_image=create_image()
    )
    few, response = queries_uncached(hcp_client, article.url)
    assert len(response.context["related_articles"]) == 1

    # More of everything the page shows: references, figures, related articles, poll
    # choices, funders in the footer, and a language version for the language links.
    article.references = [
        reference(number, doi=f"10.1002/ajh.{number}0000") for number in range(10)
    ]
    article.body = [figure(create_image(f"Chart {number}")) for number in range(3)]
    publish_certified(article.save_revision())
    for number in range(1, 6):
        create_article(
            article_index,
            f"Related {number}",
            topics=[topics["aya"]],
            featured_image=create_image(),
        )
    for number in range(4):
        poll.choices.add(PollChoice(label=f"Choice {number}"))
    publish_certified(poll.save_revision())
    funders = FunderIndexPage(title="Funders", slug="funders")
    home.add_child(instance=funders)
    publish_certified(funders.save_revision())
    for number in range(3):
        funder = FunderPage(
            title=f"Funder {number}",
            slug=f"funder-{number}",
            funding_type=FundingType.EDUCATIONAL_GRANT,
            logo=create_image(f"Logo {number}"),
        )
        funders.add_child(instance=funder)
        publish_certified(funder.save_revision())
    spanish = article.copy_for_translation(
        Locale.objects.get(language_code="es"), copy_parents=True
    )
    publish_certified(spanish.save_revision())
    many, response = queries_uncached(hcp_client, article.url)

    assert len(response.context["related_articles"]) == 4
    assert response.text.count('class="reference__citation"') == 10
    assert response.text.count('hreflang="es"') >= 1
    assert response.text.count('name="choice"') == 9
    assert many == few
    assert many <= ARTICLE_PAGE_CEILING + BODY_FIGURES_QUERIES


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


@pytest.mark.parametrize("items", [1, 20])
def test_feed_queries_do_not_grow(
    hcp_client, article_index, topics, django_assert_max_num_queries, items
):
    for number in range(items):
        create_article(article_index, f"Item {number}", topics=[topics["mrd"], topics["aya"]])
    render_uncached(hcp_client, "/en/feed/")

    with django_assert_max_num_queries(FEED_CEILING):
        response = hcp_client.get("/en/feed/")

    assert response.content.count(b"<entry>") == items
