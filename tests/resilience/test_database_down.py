"""With the database unreachable, readers get a 503 page (not a 500), and the site recovers.

The default connection is pointed at a database that cannot be opened (a closed port for
PostgreSQL, a file in a missing folder for SQLite), so every query fails as it does while
PostgreSQL restarts; bench/pg_restart.py shows the same against a real restart.
"""

import logging
import re
import socket
import sys
from contextlib import contextmanager

import pytest

from django.db import connection
from django.template import loader
from django.test import Client, RequestFactory

from hub_site import database_unavailable
from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation

LOGGER = "hub_site.database_unavailable"


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


@contextmanager
def unreachable_database(django_db_blocker, tmp_path):
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = str(tmp_path / "missing" / "db.sqlite3")
    else:
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    try:
        with django_db_blocker.unblock():
            yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def reader():
    client = Client(raise_request_exception=False)
    client.cookies[COOKIE_NAME] = signed_confirmation()
    return client


def test_pages_answer_503_with_the_static_page_and_the_outage_is_logged_once(
    django_db_blocker, tmp_path, caplog
):
    database_unavailable.outage.ongoing = False
    with unreachable_database(django_db_blocker, tmp_path), caplog.at_level(logging.WARNING):
        responses = [reader().get(path) for path in ("/en/", "/en/", "/es/", "/en/search/?q=x")]
    for response in responses:
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "no-store" in response["Cache-Control"]
        body = response.content.decode()
        assert "The site is temporarily unavailable" in body
        assert "Traceback" not in body
    errors = [r for r in caplog.records if r.name == LOGGER]
    assert len(errors) == 1
    assert errors[0].levelno == logging.ERROR
    assert "Database unreachable" in errors[0].getMessage()
    # Django's own per-request "Service Unavailable" traceback is not logged on top.
    assert not [r for r in caplog.records if r.name == "django.request"]


def test_the_site_recovers_and_logs_that_once(
    serialized_rows_on_this_connection,
    transactional_db,
    django_db_serialized_rollback,
    hcp_client,
    caplog,
):
    database_unavailable.outage.ongoing = True  # as an outage leaves it
    connection.close()  # the next request opens a new connection, as after a restart
    with caplog.at_level(logging.WARNING):
        assert hcp_client.get("/en/").status_code == 200
        assert hcp_client.get("/en/").status_code == 200
    back = [r for r in caplog.records if r.name == LOGGER]
    assert [r.getMessage() for r in back] == ["Database reachable again"]
    assert database_unavailable.outage.ongoing is False


def test_other_errors_still_get_the_500_page():
    request = RequestFactory().get("/en/")
    try:
        raise RuntimeError("not the database")
    except RuntimeError:
        response = database_unavailable.server_error(request)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert sys.exc_info() == (None, None, None)


def test_a_wrapped_database_error_counts_as_the_database():
    from django.db import OperationalError

    try:
        try:
            raise OperationalError("connection refused")
        except OperationalError as exc:
            raise ValueError("while rendering") from exc
    except ValueError as exc:
        assert isinstance(database_unavailable.database_error(exc), OperationalError)
    assert database_unavailable.database_error(ValueError("other")) is None


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_error_pages_are_allowed_by_the_content_security_policy(template, client):
    """No inline style or script (the policy forbids them); their stylesheet is served."""
    markup = loader.get_template(template).render()
    assert not re.search(r"<style|<script|\sstyle=|\son\w+=", markup, re.IGNORECASE)
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', markup)
    assert stylesheets == ["/static/css/error.css"]
    response = client.get(stylesheets[0])
    assert response.status_code == 200
    assert b"max-width" in b"".join(response.streaming_content)
