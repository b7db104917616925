"""Each process keeps the content generation while its watch on Redis is up
(hub_site/cache/generation.py), and copies of the page cache's entries
(hub_site/cache/pages.py): a hit costs no round trip to Redis, and no change is missed.

The watch needs Redis: those tests run on the CI leg with ``REDIS_URL`` and are skipped
with the reason elsewhere. Another process is played by a client of its own, bumping the
counter and announcing it as ``generation.bump`` does.
"""

import time

import pytest
import redis

from django.conf import settings
from django.core.cache import cache

from hub_site.cache import generation, pages
from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db

needs_redis = pytest.mark.skipif(
    not settings.REDIS_URL, reason="the generation watch needs Redis (REDIS_URL is not set)"
)


def another_process_bumps(announce=True):
    other = redis.Redis.from_url(settings.REDIS_URL)
    other.incr(cache.make_key(generation.GENERATION_KEY))
    if announce:
        other.publish(cache.make_key(generation.CHANNEL), b"")


def kept_generation(monkeypatch, trust_seconds):
    """The generation, once this process's watch is subscribed and keeps it."""
    monkeypatch.setattr(generation, "TRUST_SECONDS", trust_seconds)
    kept, _sequence = generation.started()
    deadline = time.monotonic() + 5
    while not generation.watch.watching():
        assert time.monotonic() < deadline, "the watch did not subscribe within 5 s"
        time.sleep(0.01)
    assert generation.current() == kept
    return kept


def seen_within(seconds, expected):
    deadline = time.monotonic() + seconds
    while generation.current() != expected:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@needs_redis
def test_an_announced_bump_from_another_process_is_seen(monkeypatch):
    # Kept far longer than the test waits: only the announcement can drop the value.
    kept = kept_generation(monkeypatch, trust_seconds=60)

    another_process_bumps()

    assert seen_within(2, kept + 1)


@needs_redis
def test_the_kept_value_is_read_without_asking_redis_and_trusted_for_a_bounded_time(
    monkeypatch,
):
    kept = kept_generation(monkeypatch, trust_seconds=2)

    another_process_bumps(announce=False)

    assert generation.current() == kept  # the kept value: Redis was not asked
    assert seen_within(5, kept + 1)  # no announcement: read again once trust runs out


@needs_redis
def test_a_lost_subscription_drops_the_kept_value(monkeypatch):
    kept = kept_generation(monkeypatch, trust_seconds=60)

    # Announcements made while the watch is away are lost: the watch drops what it kept.
    redis.Redis.from_url(settings.REDIS_URL).client_kill_filter(_type="pubsub")
    another_process_bumps(announce=False)

    assert seen_within(2, kept + 1)


def test_a_bump_here_is_seen_here_at_once():
    kept, _sequence = generation.started()
    generation.current()

    generation.bump()

    assert generation.current() > kept


class CountingCache:
    """The shared cache, counting reads of one key."""

    def __init__(self, key):
        self.key, self.reads = key, 0

    def get(self, key, *args, **kwargs):
        self.reads += key == self.key
        return cache.get(key, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(cache, name)


def reader():
    from django.test import Client

    client = Client()
    client.cookies[COOKIE_NAME] = signed_confirmation()
    return client


def test_a_page_entry_is_read_from_the_shared_cache_once_per_process(article, monkeypatch):
    client = reader()
    assert client.get(article.url)["X-App-Cache"] == "MISS"
    key = pages.page_key(client.get(article.url).wsgi_request)
    counting = CountingCache(key)
    monkeypatch.setattr(pages, "cache", counting)

    hits = [client.get(article.url)["X-App-Cache"] for _ in range(3)]

    assert hits == ["HIT", "HIT", "HIT"]
    assert counting.reads == 0  # the copy made by the first hit above


def test_a_copy_is_not_answered_past_its_entry_expiry(article, monkeypatch):
    client = reader()
    client.get(article.url)
    assert client.get(article.url)["X-App-Cache"] == "HIT"  # and copied
    later = time.time() + settings.PAGE_CACHE_SECONDS + 1

    class Later:
        @staticmethod
        def time():
            return later

    monkeypatch.setattr(pages, "time", Later)

    assert client.get(article.url)["X-App-Cache"] == "MISS"


def test_a_copy_is_not_answered_once_content_changes(article):
    client = reader()
    client.get(article.url)
    assert client.get(article.url)["X-App-Cache"] == "HIT"

    article.title = "A new title"
    publish_certified(article.save_revision())

    response = client.get(article.url)
    assert response["X-App-Cache"] == "MISS"
    assert "A new title" in response.text
