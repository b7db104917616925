"""What the app tells caches in front of it (hub_site/cache/headers.py), over Django's client."""

import pytest

from wagtail.models import Site

from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def about():
    home = Site.objects.get(is_default_site=True).root_page.specific
    return home.add_child(instance=StandardPage(title="About", slug="about"))


def test_a_page_for_a_confirmed_reader_without_a_session_is_shareable(hcp_client, about):
    response = hcp_client.get(about.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, s-maxage=300"


def test_the_gate_answer_to_an_unconfirmed_reader_is_never_stored(client, about):
    response = client.get(about.url)

    assert response.status_code == 303
    assert "public" not in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_a_forged_confirmation_cookie_is_not_marked_shareable(client, about):
    client.cookies["hcp_confirmed"] = "forged"

    response = client.get(about.url)

    assert response.status_code == 303
    assert "public" not in response["Cache-Control"]


@pytest.mark.parametrize("own_state", ["sessionid", "hub_reader"])
def test_a_reader_with_a_session_or_reader_cookie_gets_a_private_page(hcp_client, about, own_state):
    hcp_client.cookies[own_state] = "anything"

    response = hcp_client.get(about.url)

    assert response["Cache-Control"] == "private"
