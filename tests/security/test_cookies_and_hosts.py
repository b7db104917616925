"""Cookies' flags in production, and Host / X-Forwarded-Host tampering."""

import pytest

from tests.security.conftest import live_page

COOKIE_SETTINGS = {
    "SESSION_COOKIE": (
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
    ),
    "CSRF_COOKIE": ("CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY", "CSRF_COOKIE_SAMESITE"),
    "LANGUAGE_COOKIE": (
        "LANGUAGE_COOKIE_SECURE",
        "LANGUAGE_COOKIE_HTTPONLY",
        "LANGUAGE_COOKIE_SAMESITE",
    ),
}


@pytest.mark.parametrize("cookie", sorted(COOKIE_SETTINGS))
def test_every_django_cookie_is_secure_httponly_and_lax_in_production(
    settings_module_values, cookie
):
    values = settings_module_values("settings.production")
    secure, httponly, samesite = COOKIE_SETTINGS[cookie]

    assert values[secure] is True
    assert values[httponly] is True
    assert values[samesite] == "Lax"


def test_the_hcp_cookie_is_secure_in_production(settings_module_values):
    values = settings_module_values("settings.production")

    assert values["HCP_COOKIE_SECURE"] is True
    assert values["USE_X_FORWARDED_HOST"] is False
    assert values["SESSION_COOKIE_AGE"] <= 8 * 60 * 60


@pytest.mark.django_db
def test_the_cookies_the_reader_journey_gets_carry_their_flags(client, settings, db):
    settings.HCP_COOKIE_SECURE = True
    settings.LANGUAGE_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True

    gate = client.get("/en/hcp-confirm/?next=/en/")
    confirmed = client.post("/en/hcp-confirm/", {"next": "/en/"})
    language = client.post("/i18n/setlang/", {"language": "es", "next": "/es/"})

    cookies = {**gate.cookies, **confirmed.cookies, **language.cookies}
    assert {"csrftoken", "hcp_confirmed", "django_language"} <= set(cookies)
    for name in ("csrftoken", "hcp_confirmed", "django_language"):
        morsel = cookies[name]
        assert morsel["secure"], name
        assert morsel["httponly"], name
        assert morsel["samesite"] == "Lax", name


@pytest.mark.django_db
def test_an_unknown_host_is_refused(hcp_client, db):
    response = hcp_client.get("/en/", HTTP_HOST="evil.example")

    assert response.status_code == 400


@pytest.mark.django_db
def test_x_forwarded_host_never_reaches_absolute_urls(hcp_client, demo):
    article = live_page("articlepage")

    response = hcp_client.get(article.url, HTTP_X_FORWARDED_HOST="evil.example")

    assert response.status_code == 200
    body = response.content.decode()
    assert 'property="og:url"' in body
    assert "evil.example" not in body


@pytest.mark.django_db
def test_an_unknown_host_cannot_poison_the_gate_redirect(client, db):
    response = client.get("/en/", HTTP_X_FORWARDED_HOST="evil.example")

    assert response.status_code == 303
    assert "evil.example" not in response["Location"]
