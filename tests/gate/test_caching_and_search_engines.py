"""No cache ever shows a gated page to an unconfirmed reader; search engines see noindex."""

import pytest

from django.conf import settings
from django.test import override_settings
from django.utils.cache import has_vary_header

from wagtail.models import Site

from hub_site.gate.cookies import COOKIE_NAME
from hub_site.gate.models import HcpGateSettings
from tests.caches import empty_caches
from tests.gate.helpers import confirmation_signed_days_ago, gate_location

pytestmark = pytest.mark.django_db

WITH_PAGE_CACHE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    *settings.MIDDLEWARE,
    "django.middleware.cache.FetchFromCacheMiddleware",
]


@pytest.fixture(params=["cache off", "Django's per-site cache", "the app's page cache"])
def page_cache(request):
    empty_caches()
    if request.param == "cache off":
        with override_settings(PAGE_CACHE_SECONDS=0):
            yield False
        return
    if request.param == "the app's page cache":  # hub_site/cache/pages.py, on in tests
        yield True
    else:
        with override_settings(
            MIDDLEWARE=WITH_PAGE_CACHE, CACHE_MIDDLEWARE_SECONDS=600, PAGE_CACHE_SECONDS=0
        ):
            yield True
    empty_caches()


def test_a_reader_whose_confirmation_ended_gets_the_gate_not_a_cached_page(
    page_cache, client, gated_page
):
    """The same browser, with the very same cookies, before and after its confirmation ends.

    Its earlier visit is in the page cache under the same key (the Cookie header is
    unchanged); only a gate that runs before the cache can tell the two visits apart.
    """
    client.cookies[COOKIE_NAME] = confirmation_signed_days_ago(10)
    first = client.get("/en/about/")
    assert first.status_code == 200
    assert "About" in first.text

    # Changed behind the cache's back: a cached copy still shows "About".
    type(gated_page).objects.filter(pk=gated_page.pk).update(title="Renamed")
    still_confirmed = client.get("/en/about/")
    assert ("About" in still_confirmed.text) is page_cache  # proves the cache is in use

    gate_settings = HcpGateSettings.for_site(Site.objects.get(is_default_site=True))
    gate_settings.cookie_lifetime_days = 7
    gate_settings.save()

    response = client.get("/en/about/")

    assert response.status_code == 303
    assert response["Location"] == gate_location("en", "/en/about/")


def test_the_gate_redirect_is_never_cached(page_cache, client, hcp_client, gated_page):
    assert client.get("/en/about/").status_code == 303

    assert hcp_client.get("/en/about/").status_code == 200
    assert client.get("/en/about/").status_code == 303


def test_gated_answers_vary_on_the_cookie(client, hcp_client, gated_page):
    assert has_vary_header(hcp_client.get("/en/about/"), "Cookie")
    assert has_vary_header(client.get("/en/about/"), "Cookie")


def test_the_gate_redirect_and_the_interstitial_are_private_and_not_stored(client, gated_page):
    redirect = client.get("/en/about/")
    interstitial = client.get(redirect["Location"])

    for response in (redirect, interstitial):
        cache_control = response["Cache-Control"]
        assert "private" in cache_control
        assert "no-store" in cache_control
        assert response["X-Robots-Tag"] == "noindex"


def test_the_interstitial_says_noindex(client):
    response = client.get("/en/hcp-confirm/")

    assert '<meta name="robots" content="noindex">' in response.text


def test_robots_txt_is_served_and_keeps_crawlers_out_of_the_cms_only(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text.splitlines() == ["User-agent: *", "Disallow: /admin/"]


def test_pages_open_to_the_public_stay_cacheable_for_everyone(client, public_page):
    response = client.get("/en/privacy/")

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
