"""The edge pass follows the reader's HCP confirmation on every path that changes it
(hub_site/cache/edge_pass.py): confirming, a first page with a confirmation, a key
rotation, a shortened lifetime, withdrawing, an expired or forged confirmation."""

import time
from unittest import mock

import pytest

from django.test import Client, override_settings

from hub_site.cache.edge_pass import PASS_COOKIE, pass_value
from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation, signed_time
from hub_site.gate.models import HcpGateSettings

pytestmark = pytest.mark.django_db

DAY = 86400
OLD_KEY = "the-key-before-the-rotation-" + "o" * 40


@pytest.fixture(autouse=True)
def an_edge(settings):
    settings.EDGE_POLICY_URLS = ["http://127.0.0.1:9/__edge/policy"]
    settings.SECRET_KEY_FALLBACKS = [OLD_KEY]


def reader(age_seconds=0, secret_key=None, edge_pass=None):
    """A client holding a confirmation signed ``age_seconds`` ago (and ``edge_pass``)."""
    client = Client()
    with (
        override_settings(SECRET_KEY=secret_key) if secret_key else mock.patch.dict({}),
        mock.patch("time.time", return_value=time.time() - age_seconds),
    ):
        client.cookies[COOKIE_NAME] = signed_confirmation()
    if edge_pass is not None:
        client.cookies[PASS_COOKIE] = edge_pass
    return client


def signed_at(client):
    return signed_time(client.cookies[COOKIE_NAME].value)


def pass_set_by(response):
    cookie = response.cookies.get(PASS_COOKIE)
    return None if cookie is None else cookie.value


def test_a_reader_confirming_gets_a_pass_that_ends_with_the_confirmation(client, home, settings):
    settings.HCP_COOKIE_SECURE = True  # as in production
    response = client.post("/en/hcp-confirm/", {"next": "/en/"})

    confirmation = response.cookies[COOKIE_NAME].value
    edge_pass = pass_set_by(response)
    assert edge_pass == pass_value(signed_time(confirmation), 30 * DAY)
    assert int(edge_pass.split(".")[0]) == signed_time(confirmation) + 30 * DAY
    morsel = response.cookies[PASS_COOKIE]
    assert morsel["httponly"] and morsel["secure"] and morsel["samesite"] == "Lax"
    assert "private" in response["Cache-Control"]


def test_a_confirmed_reader_without_a_pass_gets_one_on_any_page_and_keeps_it(home):
    hcp = reader()

    first = hcp.get("/en/")
    second = hcp.get("/en/")

    assert pass_set_by(first) == pass_value(signed_at(hcp), 30 * DAY)
    assert "private" in first["Cache-Control"]
    # The pass it holds is the right one: nothing set again, and the page stays shareable.
    assert pass_set_by(second) is None
    assert "public" in second["Cache-Control"]


def test_a_confirmation_signed_with_the_previous_key_gets_a_pass_under_the_current_one(home):
    hcp = reader(secret_key=OLD_KEY)
    with override_settings(SECRET_KEY=OLD_KEY):
        old_pass = pass_value(signed_at(hcp), 30 * DAY)
    hcp.cookies[PASS_COOKIE] = old_pass

    response = hcp.get("/en/")

    assert response.status_code == 200
    assert pass_set_by(response) == pass_value(signed_at(hcp), 30 * DAY) != old_pass


def test_a_changed_lifetime_renews_the_pass_or_ends_it(home_site, home):
    young, old = reader(age_seconds=DAY), reader(age_seconds=3 * DAY)
    for hcp in (young, old):
        hcp.cookies[PASS_COOKIE] = pass_value(signed_at(hcp), 30 * DAY)
    gate = HcpGateSettings.for_site(home_site)
    gate.cookie_lifetime_days = 2
    gate.save()

    renewed = young.get("/en/")
    ended = old.get("/en/")

    assert pass_set_by(renewed) == pass_value(signed_at(young), 2 * DAY)
    assert ended.status_code == 303
    assert ended.cookies[PASS_COOKIE]["max-age"] == 0


@pytest.mark.parametrize(
    "confirmation",
    ["forged", "1:1a2b3c:forgedsignatureforgedsignatureforgedsigna", "expired", "unknown-key"],
)
def test_a_confirmation_the_app_refuses_ends_the_pass_it_came_with(home, confirmation):
    hcp = Client()
    if confirmation == "expired":
        hcp = reader(age_seconds=31 * DAY)
    elif confirmation == "unknown-key":
        hcp = reader(secret_key="never-this-sites-" + "n" * 40)
    else:
        hcp.cookies[COOKIE_NAME] = confirmation
    hcp.cookies[PASS_COOKIE] = pass_value(time.time(), 30 * DAY)

    response = hcp.get("/en/")

    assert response.status_code == 303
    assert response.cookies[PASS_COOKIE]["max-age"] == 0


def test_withdrawing_the_confirmation_ends_the_pass(home):
    hcp = reader()
    hcp.cookies[PASS_COOKIE] = pass_value(signed_at(hcp), 30 * DAY)

    response = hcp.post("/en/hcp-confirm/withdraw/")

    assert response.cookies[COOKIE_NAME]["max-age"] == 0
    assert response.cookies[PASS_COOKIE]["max-age"] == 0


def test_without_an_edge_nobody_gets_a_pass(settings, home):
    settings.EDGE_POLICY_URLS = []

    response = reader().get("/en/")

    assert pass_set_by(response) is None
    assert "public" in response["Cache-Control"]


@pytest.fixture
def home_site(db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)
