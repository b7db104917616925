"""The origin check for POSTs from forms on cached pages (hub_site/security/origin.py)."""

import pytest

from django.test import RequestFactory, override_settings

from hub_site.security.origin import cross_site_reason

SITE = "http://testserver"


def post(secure=False, **headers):
    return RequestFactory().post("/en/feedback/", secure=secure, headers=headers)


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": SITE},
        {"Origin": SITE, "Sec-Fetch-Site": "same-origin"},
        {"Origin": "HTTP://TESTSERVER"},
        {"Referer": f"{SITE}/en/articles/one/"},
        {"Referer": f"{SITE}/en/articles/one/", "Sec-Fetch-Site": "same-origin"},
    ],
    ids=["origin", "origin and fetch site", "origin in capitals", "referer only", "referer"],
)
def test_a_post_from_this_site_is_accepted(headers):
    assert cross_site_reason(post(**headers)) is None


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"Origin": "https://evil.example"}, "Origin 'https://evil.example' is not this site"),
        ({"Origin": "null"}, "Origin 'null' is not this site"),
        ({}, "neither Origin nor Referer was sent"),
        ({"Referer": "https://evil.example/en/"}, "Referer is not on this site"),
        ({"Referer": "/en/articles/"}, "Referer is not on this site"),
        ({"Origin": SITE, "Sec-Fetch-Site": "cross-site"}, "Sec-Fetch-Site is 'cross-site'"),
        ({"Origin": SITE, "Sec-Fetch-Site": "same-site"}, "Sec-Fetch-Site is 'same-site'"),
        ({"Origin": SITE, "Sec-Fetch-Site": "none"}, "Sec-Fetch-Site is 'none'"),
        ({"Origin": "http://testserver.evil.example"}, "is not this site"),
        ({"Origin": "http://testserver:8080"}, "is not this site"),
    ],
    ids=[
        "foreign origin",
        "null origin",
        "no origin nor referer",
        "foreign referer",
        "relative referer",
        "cross-site fetch",
        "same-site fetch",
        "typed or bookmarked",
        "look-alike host",
        "other port",
    ],
)
def test_a_post_from_elsewhere_is_refused(headers, reason):
    assert reason in cross_site_reason(post(**headers))


def test_behind_the_proxy_the_origin_is_https_as_the_proxy_reports_it():
    # nginx passes the reader's Host (deploy/nginx.conf) and the scheme they used.
    with override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")):
        https_origin = {
            "Host": "testserver",
            "Origin": "https://testserver",
            "X-Forwarded-Proto": "https",
        }
        assert cross_site_reason(post(**https_origin)) is None
        # The same page over plain http is another origin (a downgrade or a foreign page).
        plain_origin = {"Host": "testserver", "Origin": SITE, "X-Forwarded-Proto": "https"}
        assert cross_site_reason(post(**plain_origin)) is not None


def test_without_the_proxy_setting_a_forwarded_https_is_not_believed():
    with override_settings(SECURE_PROXY_SSL_HEADER=None):
        forged = {
            "Host": "testserver",
            "Origin": "https://testserver",
            "X-Forwarded-Proto": "https",
        }
        assert cross_site_reason(post(**forged)) is not None


@override_settings(CSRF_TRUSTED_ORIGINS=["https://www.example.org"])
def test_a_trusted_origin_is_accepted():
    assert cross_site_reason(post(Origin="https://www.example.org")) is None
    assert cross_site_reason(post(Origin="https://example.org")) is not None
