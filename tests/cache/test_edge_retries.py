"""A purge the edge does not take is retried on the waiting_queue, later each time, until the
copies it would retire have expired by themselves; the publish that caused it never fails
(hub_site/cache/edge.py, hub_site/cache/edge_backend.py)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from django.utils import timezone

from hub_site.cache.edge import PurgeFailed, send_purges
from hub_site.cache.edge_backend import CheckedHTTPBackend
from tests.publishing import publish_certified

URL = "http://testserver/en/articles/a/"
# Nothing listens on the discard port here.
EDGE_DOWN = {
    "edge": {
        "BACKEND": "hub_site.cache.edge_backend.CheckedHTTPBackend",
        "LOCATION": "http://127.0.0.1:9",
    }
}


class Edge(BaseHTTPRequestHandler):
    status = 204
    received = []

    def do_PURGE(self):
        Edge.received.append((self.headers["Host"], self.path))
        self.send_response(Edge.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def edge_server():
    server = HTTPServer(("127.0.0.1", 0), Edge)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Edge.status, Edge.received = 204, []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def checked(location):
    return CheckedHTTPBackend({"LOCATION": location})


def test_the_backend_sends_wagtails_purge_request(edge_server):
    checked(edge_server).purge_batch([URL])

    assert Edge.received == [("testserver", "/en/articles/a/")]


@pytest.mark.parametrize("answer", [500, 403, "down"])
def test_the_backend_reports_what_the_edge_did_not_take(edge_server, answer):
    if answer == "down":
        location = EDGE_DOWN["edge"]["LOCATION"]
    else:
        Edge.status, location = answer, edge_server

    with pytest.raises(PurgeFailed) as failed:
        checked(location).purge_batch([URL, URL + "b/"])

    assert failed.value.urls == [URL, URL + "b/"]


@pytest.mark.parametrize("attempt, waits", [(0, 1), (1, 2), (3, 8), (10, 60)])
def test_a_failed_purge_is_enqueued_again_later_each_time(settings, waiting_queue, attempt, waits):
    settings.WAGTAILFRONTENDCACHE = EDGE_DOWN
    before = timezone.now()

    send_purges.call([URL], time.time(), attempt)

    (retry,) = waiting_queue.results
    assert retry.args == [[URL], pytest.approx(time.time(), abs=5), attempt + 1]
    assert waits - 0.5 < (retry.task.run_after - before).total_seconds() < waits + 1


def test_a_purge_is_not_retried_once_the_copies_have_expired(settings, waiting_queue):
    settings.WAGTAILFRONTENDCACHE = EDGE_DOWN
    changed_at = time.time() - settings.EDGE_CACHE_SECONDS + 0.5

    send_purges.call([URL], changed_at, 0)

    assert waiting_queue.results == []


@pytest.mark.django_db
def test_a_publish_succeeds_while_the_edge_is_down(
    settings, article, hcp_client, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = EDGE_DOWN
    hcp_client.get(article.url)  # cached: the publish has something to purge
    article.title = "Published while the edge is down"

    with django_capture_on_commit_callbacks(execute=True):
        publish_certified(article.save_revision())

    article.refresh_from_db()
    assert article.live and article.title == "Published while the edge is down"
    assert "the edge did not take 1 purge(s)" in caplog.text
