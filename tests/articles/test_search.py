import pytest

from tests.articles.factories import create_article

SEED_TITLE = "Allogeneic HSCT in CR2 for AYAs with ALL: A dual-center study"
SEARCH_URL = "/en/search/"


def result_titles(response):
    return [article.title for article in response.context["results"]]


@pytest.mark.django_db
def test_search_stays_in_the_readers_language(hcp_client, article_index, spanish_index):
    create_article(spanish_index, "Enfermedad residual MRD", slug="erm")
    create_article(article_index, "English MRD article")

    english = hcp_client.get(SEARCH_URL, {"q": "MRD"})
    spanish = hcp_client.get("/es/search/", {"q": "MRD"})

    assert result_titles(english) == ["English MRD article"]
    assert result_titles(spanish) == ["Enfermedad residual MRD"]


@pytest.mark.django_db
def test_search_leaves_out_unpublished_articles(hcp_client, article_index):
    create_article(article_index, "Draft about MRD", publish=False)
    create_article(article_index, "Published about MRD")

    assert result_titles(hcp_client.get(SEARCH_URL, {"q": "MRD"})) == ["Published about MRD"]


@pytest.mark.django_db
def test_search_results_are_paginated(hcp_client, article_index):
    for number in range(12):
        create_article(article_index, f"MRD study {number}")

    first = hcp_client.get(SEARCH_URL, {"q": "MRD"})
    second = hcp_client.get(SEARCH_URL, {"q": "MRD", "page": "2"})
    clamped = hcp_client.get(SEARCH_URL, {"q": "MRD", "page": "99"})

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert result_titles(clamped) == result_titles(second)
    assert "12 articles match “MRD”." in first.text
    assert 'href="?q=MRD&amp;page=2"' in first.text


@pytest.mark.django_db
def test_search_without_a_query_shows_only_the_form(hcp_client):
    response = hcp_client.get(SEARCH_URL)

    assert response.status_code == 200
    assert response.context["results"] is None
    assert '<label for="search-query">' in response.text
    assert 'role="search"' in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        '"unclosed phrase',
        "MRD AND OR NOT NEAR(",
        "*",
        "-MRD",
        "a" * 100_000,
        "MRD " * 25_000,
        "\x00\x01",
        "%",
        "<script>alert(1)</script>",
        "ümlaut 日本語",
    ],
)
def test_search_survives_junk_queries(hcp_client, article_index, query):
    create_article(article_index, "An MRD article")

    response = hcp_client.get(SEARCH_URL, {"q": query})

    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    assert len(response.context["search_query"]) <= 200


@pytest.mark.django_db
def test_a_post_to_search_is_refused(hcp_client):
    assert hcp_client.post(SEARCH_URL, {"q": "MRD"}).status_code == 405
