"""Search on the demo content: the seed article is found by any of its words, in every
field readers read."""

import pytest

from tests.articles.test_search import SEARCH_URL, SEED_TITLE, result_titles

pytestmark = pytest.mark.usefixtures("demo_content")


@pytest.mark.django_db
def test_search_finds_the_seed_article_by_mrd(hcp_client):
    response = hcp_client.get(SEARCH_URL, {"q": "MRD"})

    assert response.status_code == 200
    assert SEED_TITLE in result_titles(response)
    assert SEED_TITLE in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("dual-center", "title"),
        ("retrospective", "summary"),
        ("clinical development", "learning objective"),
        ("comorbidity", "key data"),
        ("curative", "key learning"),
        ("haploidentical", "body"),
    ],
)
def test_search_looks_in_every_text_field(hcp_client, query, field):
    response = hcp_client.get(SEARCH_URL, {"q": query})

    assert response.status_code == 200
    assert result_titles(response), f"nothing found in the {field}"


@pytest.mark.django_db
def test_search_needs_all_words(hcp_client):
    response = hcp_client.get(SEARCH_URL, {"q": "MRD haploidentical"})
    assert result_titles(response) == []
