"""Each log line of a request carries its id, and the JSON format is one object a line."""

import json
import logging

import pytest

from hub_site.logging import JsonFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db


def test_each_response_carries_a_request_id_and_log_lines_share_it(hcp_client, caplog):
    caplog.handler.addFilter(RequestIdFilter())
    caplog.set_level(logging.WARNING, logger="django.request")

    response = hcp_client.get("/en/no-such-page/")

    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records and {r.request_id for r in records} == {request_id}
    line = json.loads(JsonFormatter().format(records[0]))
    assert line["request_id"] == request_id
    assert line["level"] == "WARNING"
    assert "/en/no-such-page/" in line["message"]
    assert hcp_client.get("/en/no-such-page/")["X-Request-ID"] != request_id


def test_a_proxy_request_id_is_kept_and_junk_is_replaced(hcp_client):
    kept = hcp_client.get("/healthz", headers={"X-Request-ID": "edge-1234abcd"})
    assert kept["X-Request-ID"] == "edge-1234abcd"
    junk = hcp_client.get("/healthz", headers={"X-Request-ID": "<script>\n"})
    assert junk["X-Request-ID"] != "<script>\n" and len(junk["X-Request-ID"]) == 32
