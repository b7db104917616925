"""Confirming, the cookie it sets, withdrawing, and cookies that do not count."""

import pytest

from django.test import Client, override_settings

from wagtail.models import Site

from hub_site.gate.access import is_confirmed
from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation
from hub_site.gate.models import HcpGateSettings
from tests.gate.helpers import confirmation_signed_days_ago, gate_location

pytestmark = pytest.mark.django_db

DAY = 24 * 60 * 60


def set_lifetime(days):
    gate_settings = HcpGateSettings.for_site(Site.objects.get(is_default_site=True))
    gate_settings.cookie_lifetime_days = days
    gate_settings.save()


def confirm(client, next_url, **extra):
    return client.post("/en/hcp-confirm/", {"next": next_url}, **extra)


def test_confirming_returns_the_reader_to_the_url_asked_for_with_its_query(client, gated_page):
    asked_for = "/en/about/?page=2&sort=date"
    gate = client.get(asked_for)["Location"]
    assert client.get(gate).status_code == 200

    response = confirm(client, asked_for)

    assert response.status_code == 303
    assert response["Location"] == asked_for
    followed = client.get(response["Location"])
    assert followed.status_code == 200
    assert followed.context["page"].pk == gated_page.pk


def test_the_gate_form_carries_the_return_url(client):
    response = client.get(gate_location("en", "/en/about/?page=2"))

    assert response.context["form"]["next"].value() == "/en/about/?page=2"
    assert 'value="/en/about/?page=2"' in response.text


def test_the_cookie_is_signed_http_only_lax_and_lasts_30_days_by_default(client):
    cookie = confirm(client, "/en/").cookies[COOKIE_NAME]

    assert cookie.value != "1"  # signed, not a bare flag
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 30 * DAY
    assert not cookie["secure"]  # settings.test serves plain HTTP


@override_settings(HCP_COOKIE_SECURE=True)
def test_the_cookie_is_secure_where_the_site_is_served_over_https(client):
    assert confirm(client, "/en/", secure=True).cookies[COOKIE_NAME]["secure"] is True


def test_production_settings_make_the_cookie_secure():
    from settings import base, dev

    assert base.HCP_COOKIE_SECURE is True  # production.py inherits it
    assert dev.HCP_COOKIE_SECURE is False


def test_the_lifetime_comes_from_the_site_setting(client):
    set_lifetime(days=7)

    assert confirm(client, "/en/").cookies[COOKIE_NAME]["max-age"] == 7 * DAY


def test_confirming_without_a_csrf_token_is_refused(gated_page):
    client = Client(enforce_csrf_checks=True)

    response = confirm(client, "/en/about/")

    assert response.status_code == 403
    assert COOKIE_NAME not in response.cookies
    assert client.get("/en/about/").status_code == 303


def test_confirming_with_the_csrf_token_from_the_gate_works(gated_page):
    client = Client(enforce_csrf_checks=True)
    gate = client.get(gate_location("en", "/en/about/"))
    token = gate.context["csrf_token"]

    response = client.post(
        "/en/hcp-confirm/", {"next": "/en/about/", "csrfmiddlewaretoken": str(token)}
    )

    assert response.status_code == 303
    assert client.get("/en/about/").status_code == 200


def test_the_patient_choice_leads_to_the_patient_site_and_confirms_nothing(client, gate_copy):
    response = client.get("/en/hcp-confirm/")

    assert f'href="{gate_copy.patient_site_url}"' in response.text
    assert "I am a patient or carer" in response.text
    assert COOKIE_NAME not in response.cookies
    assert client.get("/en/").status_code == 303


def test_withdrawing_clears_the_cookie_and_the_gate_is_back(hcp_client, gated_page):
    assert hcp_client.get("/en/about/").status_code == 200

    response = hcp_client.post("/en/hcp-confirm/withdraw/")

    assert response.status_code == 303
    assert response["Location"] == "/en/"
    assert response.cookies[COOKIE_NAME].value == ""
    assert response.cookies[COOKIE_NAME]["max-age"] == 0
    assert hcp_client.get("/en/about/").status_code == 303


def test_withdrawing_asks_first_and_needs_a_post_with_csrf():
    client = Client(enforce_csrf_checks=True)
    client.cookies[COOKIE_NAME] = signed_confirmation()

    page = client.get("/en/hcp-confirm/withdraw/")
    assert page.status_code == 200
    assert '<form method="post" action="/en/hcp-confirm/withdraw/">' in page.text
    assert '<meta name="robots" content="noindex">' in page.text
    assert client.post("/en/hcp-confirm/withdraw/").status_code == 403

    token = str(page.context["csrf_token"])
    response = client.post("/en/hcp-confirm/withdraw/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 303
    assert response.cookies[COOKIE_NAME].value == ""


def test_the_footer_links_confirmed_readers_to_withdrawal(client, hcp_client, gate_copy):
    confirmed = hcp_client.get("/en/")
    assert (
        '<a href="/en/hcp-confirm/withdraw/">I am not a healthcare professional</a>'
        in confirmed.text
    )
    # No form on reader pages: no CSRF cookie, so a page cache may store them.
    assert "csrfmiddlewaretoken" not in confirmed.text
    assert "csrftoken" not in confirmed.cookies

    unconfirmed = client.get("/en/hcp-confirm/")
    assert "/hcp-confirm/withdraw/" not in unconfirmed.text


@pytest.mark.parametrize(
    "cookie_value",
    [
        pytest.param("1", id="unsigned"),
        pytest.param(signed_confirmation()[:-1] + "x", id="signature-altered"),
        pytest.param(signed_confirmation().replace("1:", "2:", 1), id="value-altered"),
        pytest.param("", id="empty"),
        pytest.param("1:garbage:garbage", id="garbage"),
    ],
)
def test_a_tampered_cookie_counts_as_not_confirmed(client, gated_page, cookie_value):
    client.cookies[COOKIE_NAME] = cookie_value

    assert client.get("/en/about/").status_code == 303


def test_a_cookie_signed_with_another_salt_counts_as_not_confirmed(client, gated_page):
    from django.core import signing

    client.cookies[COOKIE_NAME] = signing.get_cookie_signer(salt="other").sign("1")

    assert client.get("/en/about/").status_code == 303


def test_a_confirmation_accepted_once_is_refused_under_another_secret_key(client, gated_page):
    # The first request checks the signature and remembers the answer for this key only.
    client.cookies[COOKIE_NAME] = signed_confirmation()
    assert client.get("/en/about/").status_code == 200

    with override_settings(SECRET_KEY="another-secret-" + "k" * 40):
        assert client.get("/en/about/").status_code == 303


def test_an_expired_confirmation_counts_as_not_confirmed(client, gated_page):
    client.cookies[COOKIE_NAME] = confirmation_signed_days_ago(31)

    assert client.get("/en/about/").status_code == 303


def test_a_confirmation_within_its_lifetime_counts(client, gated_page):
    client.cookies[COOKIE_NAME] = confirmation_signed_days_ago(29)

    assert client.get("/en/about/").status_code == 200


def test_shortening_the_lifetime_ends_older_confirmations(client, gated_page):
    client.cookies[COOKIE_NAME] = confirmation_signed_days_ago(10)
    assert client.get("/en/about/").status_code == 200

    set_lifetime(days=7)

    assert client.get("/en/about/").status_code == 303


def test_an_unconfirmed_reader_costs_no_query_outside_wagtail_pages(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/documents/1/slides.pdf")

    assert response.status_code == 303


def test_checking_a_cookie_costs_the_site_and_its_settings_once_per_request(
    rf, django_assert_num_queries
):
    HcpGateSettings.for_site(Site.objects.get(is_default_site=True))
    request = rf.get("/en/about/")
    request.COOKIES[COOKIE_NAME] = signed_confirmation()

    with django_assert_num_queries(2):
        assert is_confirmed(request) is True
    with django_assert_num_queries(0):
        assert is_confirmed(request) is True
