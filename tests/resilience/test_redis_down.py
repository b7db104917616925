"""With Redis down the site serves uncached, logs the fault once, and recovers by itself.

A throwaway ``redis-server`` on a free loopback port is started, stopped and restarted; the
machine's own Redis is never touched.
"""

import logging
import shutil
import socket
import subprocess
import time

import pytest

from django.core.cache import cache
from django.test import override_settings

from wagtail.models import Site

from hub_site.demo.surveys import load_surveys
from surveys.models import PollVote

REDIS_SERVER = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(not REDIS_SERVER, reason="redis-server is not installed")
LOGGER = "hub_site.cache_backends"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(port, tmp_path):
    process = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", tmp_path],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    pytest.fail("redis-server did not start")


def redis_caches(port):
    return {
        "default": {
            "BACKEND": "hub_site.cache_backends.FaultTolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def cache_errors(caplog):
    return [r for r in caplog.records if r.name == LOGGER and r.levelno >= logging.ERROR]


@pytest.mark.django_db
def test_closed_port_pages_serve_votes_count_and_the_fault_is_logged_once(hcp_client, caplog):
    _survey, poll = load_surveys(Site.objects.get(is_default_site=True).root_page.specific)
    with override_settings(CACHES=redis_caches(free_port())):
        for _ in range(3):
            assert hcp_client.get("/en/").status_code == 200
        choice = poll.choices.get(label="Very positive")
        response = hcp_client.post(poll.url, {"choice": choice.pk})
        assert response.status_code == 303
        # The vote is stored and the session (cached_db) remembers the reader.
        assert PollVote.objects.count() == 1
        assert "Thank you for voting." in hcp_client.get(poll.url).text
    assert len(cache_errors(caplog)) == 1
    assert "unreachable" in cache_errors(caplog)[0].getMessage()


@pytest.mark.django_db
def test_the_cache_recovers_when_redis_returns(hcp_client, caplog, tmp_path):
    port = free_port()
    redis = start_redis(port, str(tmp_path))
    try:
        with override_settings(CACHES=redis_caches(port)):
            cache.set("probe", "up")
            assert cache.get("probe") == "up"

            redis.terminate()
            redis.wait()
            assert cache.get("probe") is None
            assert hcp_client.get("/en/").status_code == 200
            assert hcp_client.get("/en/").status_code == 200
            assert len(cache_errors(caplog)) == 1

            redis = start_redis(port, str(tmp_path))
            cache.set("probe", "back")
            assert cache.get("probe") == "back"
            assert any(
                r.name == LOGGER and "reachable again" in r.getMessage() for r in caplog.records
            )
            assert hcp_client.get("/en/").status_code == 200
    finally:
        redis.terminate()
        redis.wait()
