"""Security headers on every response, and the CSP chosen by path."""

import pytest

from django.contrib.auth import get_user_model

READER_URLS = ["/en/", "/en/articles/", "/en/search/?q=mrd", "/en/hcp-confirm/", "/healthz"]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", READER_URLS)
def test_reader_responses_carry_the_security_headers(hcp_client, demo, url):
    response = hcp_client.get(url)

    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["style-src"]


@pytest.mark.django_db
def test_redirects_and_errors_carry_the_headers_too(client, db):
    gated = client.get("/en/")
    missing = client.get("/en/no-such-page/")

    assert gated.status_code == 303
    assert missing.status_code == 404
    for response in (gated, missing):
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_reader_pages_have_no_inline_script_but_json_ld(hcp_client, demo):
    from bs4 import BeautifulSoup

    from tests.security.conftest import live_page

    article = live_page("articlepage")
    for url in ["/en/", article.url]:
        soup = BeautifulSoup(hcp_client.get(url).content, "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", script


@pytest.mark.django_db
def test_the_admin_gets_its_own_laxer_policy(client, db):
    user = get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
    client.force_login(user)

    login_page = client.get("/admin/login/")
    dashboard = client.get("/admin/")

    for response in (login_page, dashboard):
        policy = directives(response)
        assert "'unsafe-inline'" in policy["script-src"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]


def test_production_sends_hsts(settings_module_values):
    values = settings_module_values("settings.production")
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
