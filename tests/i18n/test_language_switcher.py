import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.i18n.conftest import translate


def switcher(response):
    nav = BeautifulSoup(response.content, "html.parser").find("nav", class_="language-switcher")
    return [] if nav is None else nav.find_all("a")


def alternates(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {link["hreflang"]: link["href"] for link in soup.find_all("link", hreflang=True)}


@pytest.mark.django_db
def test_the_switcher_links_to_the_pages_own_published_translations(hcp_client, article):
    translations = translate(article, "es", "fr")
    translations["fr"].unpublish()

    response = hcp_client.get(article.url)

    links = switcher(response)
    assert [(a["hreflang"], a["href"], a.text) for a in links] == [
        ("en", article.url, "English"),
        ("es", translations["es"].url, "Español"),
    ]
    assert translations["es"].url == "/es/articles/mrd-in-second-remission/"
    assert [a["lang"] for a in links] == ["en", "es"]
    assert [a.get("aria-current") for a in links] == ["true", None]


@pytest.mark.django_db
def test_the_spanish_page_marks_spanish_as_current(hcp_client, article):
    spanish = translate(article, "es")["es"]

    links = switcher(hcp_client.get(spanish.url))

    assert [a.get("aria-current") for a in links] == [None, "true"]


@pytest.mark.django_db
def test_hreflang_alternates_name_each_published_translation_and_the_default(hcp_client, article):
    spanish = translate(article, "es")["es"]

    response = hcp_client.get(spanish.url)

    assert alternates(response) == {
        "en": f"http://testserver{article.url}",
        "es": f"http://testserver{spanish.url}",
        "x-default": f"http://testserver{article.url}",
    }


@pytest.mark.django_db
def test_a_page_in_one_language_only_has_no_alternates(hcp_client, article):
    response = hcp_client.get(article.url)

    assert alternates(response) == {}
    assert [a.text for a in switcher(response)] == ["English"]


@pytest.mark.django_db
def test_the_switcher_costs_one_query_however_many_translations(hcp_client, article):
    def count(url):
        hcp_client.get(url)
        with CaptureQueriesContext(connection) as queries:
            hcp_client.get(url)
        return len(queries)

    alone = count(article.url)
    translate(article, "es", "fr", "de")
    assert count(article.url) == alone


@pytest.mark.django_db
def test_search_links_to_search_in_each_language_keeping_the_query(hcp_client):
    links = switcher(hcp_client.get("/en/search/", {"q": "MRD"}))

    assert [a["href"] for a in links] == [
        f"/{code}/search/?q=MRD" for code in ("en", "es", "fr", "de", "it", "pt")
    ]
    assert [a.text for a in links][:3] == ["English", "Español", "Français"]


@pytest.mark.django_db
def test_the_gate_switches_the_return_url_to_the_pages_translation(client, article):
    spanish = translate(article, "es")["es"]

    response = client.get("/en/hcp-confirm/", {"next": article.url})

    assert [a["href"] for a in switcher(response)] == [
        f"/en/hcp-confirm/?next={article.url}",
        f"/es/hcp-confirm/?next={spanish.url}",
    ]


@pytest.mark.django_db
def test_the_gate_drops_a_foreign_return_url_from_its_language_links(client):
    response = client.get("/en/hcp-confirm/", {"next": "//evil.example"})

    assert "evil.example" not in response.text
    assert len(switcher(response)) == 6
