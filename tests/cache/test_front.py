"""The WSGI front (hub_site/cache/front.py) answers exactly the hits the middleware would.

Requests go through ``deploy.wsgi.application``, the production entry point, as the app
server calls it: the front first, then Django's handler.
"""

import pytest

from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from deploy.wsgi import application
from hub_site.cache.generation import bump as bump_generation
from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_the_test_transaction():
    """As Django's test client does: the handler must not close the test's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def call(path, cookies="", method="GET", **headers):
    """(status line, headers, body, answered by the front) of one WSGI call."""
    environ = RequestFactory().generic(method, path, HTTP_COOKIE=cookies, **headers).environ
    answered = {}

    def start_response(status, response_headers, exc_info=None):
        answered["status"] = status
        answered["headers"] = dict(response_headers)

    body = application(environ, start_response)
    content = b"".join(body)
    if hasattr(body, "close"):
        body.close()
    # The front answers with a list; Django's handler with its response object.
    return answered["status"], answered["headers"], content, isinstance(body, list)


def confirmed():
    return f"{COOKIE_NAME}={signed_confirmation()}"


def test_a_stored_page_is_answered_by_the_front_with_the_full_response(article):
    cookie = confirmed()
    status, miss_headers, miss_body, by_front = call(article.url, cookie)
    assert (status, miss_headers["X-App-Cache"], by_front) == ("200 OK", "MISS", False)

    status, hit_headers, hit_body, by_front = call(article.url, cookie)

    assert (status, hit_headers["X-App-Cache"], by_front) == ("200 OK", "HIT", True)
    assert hit_body == miss_body
    expected = {k: v for k, v in miss_headers.items() if k not in ("X-App-Cache", "X-Request-ID")}
    assert {k: v for k, v in hit_headers.items() if k in expected} == expected
    # Every response has its own request id.
    assert hit_headers["X-Request-ID"] != miss_headers["X-Request-ID"]


def test_the_front_passes_to_django_whatever_the_cache_must_not_answer(article):
    cookie = confirmed()
    call(article.url, cookie)
    assert call(article.url, cookie)[3] is True

    cases = {
        "no confirmation": "",
        "a tampered confirmation": cookie[:-2] + "xx",
        "a session": f"{cookie}; sessionid=abc",
        "a reader cookie": f"{cookie}; hub_reader=abc",
    }
    for case, cookies in cases.items():
        status, headers, body, by_front = call(article.url, cookies)
        assert by_front is False, case
        assert headers.get("X-App-Cache") != "HIT", case
    # Unconfirmed readers get the gate, not the article.
    assert article.title not in call(article.url, "")[2].decode()
    # HEAD and other methods go to Django.
    assert call(article.url, cookie, method="HEAD")[3] is False


def test_a_change_of_content_retires_the_fronts_copy(article):
    cookie = confirmed()
    call(article.url, cookie)
    assert call(article.url, cookie)[3] is True

    bump_generation()

    status, headers, body, by_front = call(article.url, cookie)
    assert (by_front, headers["X-App-Cache"]) == (False, "MISS")


def test_a_host_django_refuses_is_not_answered_by_the_front(article):
    cookie = confirmed()
    call(article.url, cookie)

    status, headers, body, by_front = call(article.url, cookie, HTTP_HOST="evil.example")

    assert by_front is False
    assert status.startswith("400")
