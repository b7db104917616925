"""The return URL after confirming: only paths on this site are followed."""

import pytest

from hub_site.gate.cookies import COOKIE_NAME
from hub_site.gate.redirects import MAX_RETURN_URL_LENGTH

pytestmark = pytest.mark.django_db

FOREIGN_OR_MALFORMED = [
    "//evil.example",
    "///evil.example",
    "https://evil.example",
    "https://evil.example/en/about/",
    "http:/evil.example",
    "https:evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "%2F%2Fevil.example",
    "/%2Fevil.example",
    "/%5Cevil.example",
    "%5C%5Cevil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    "\r\n//evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    " /en/about/",
    "http://testserver/en/about/",  # this very host, but absolute: only paths are followed
    "//testserver/en/about/",
    "en/about/",
    "/" + "a" * MAX_RETURN_URL_LENGTH,
]


@pytest.mark.parametrize("next_url", FOREIGN_OR_MALFORMED)
@pytest.mark.parametrize("language", ["en", "es"])
def test_foreign_or_malformed_return_urls_fall_back_to_the_home_page(client, next_url, language):
    response = client.post(f"/{language}/hcp-confirm/", {"next": next_url})

    assert response.status_code == 303
    assert response["Location"] == f"/{language}/"
    assert COOKIE_NAME in response.cookies  # the reader is still confirmed


@pytest.mark.parametrize("next_url", FOREIGN_OR_MALFORMED)
def test_the_gate_page_does_not_carry_a_foreign_return_url(client, next_url):
    response = client.get("/en/hcp-confirm/", {"next": next_url})

    assert response.status_code == 200
    assert response.context["form"]["next"].value() == ""
    assert "evil.example" not in response.text


@pytest.mark.parametrize(
    "next_url",
    [
        "/en/about/?page=2",
        "/en/articles/x/?page=2&topic=all",
        "/es/",
        "/en/search/?q=%2F%2Fnot-a-host",
        "/documents/1/slides.pdf",
    ],
)
def test_paths_on_this_site_are_followed_with_their_query(client, next_url):
    response = client.post("/en/hcp-confirm/", {"next": next_url})

    assert response.status_code == 303
    assert response["Location"] == next_url


def test_a_missing_return_url_leads_home(client):
    response = client.post("/es/hcp-confirm/")

    assert response["Location"] == "/es/"
