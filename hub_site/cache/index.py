"""Which cached page URLs showed what: the index from tags to URLs, for both layers.

When a page may be kept (by the app's page cache or the edge), its URL (one variant:
``hub_site.cache.variants``) is added under every tag it noted while rendering
(``hub_site.shown``). A change looks up the URLs of the tags it touches, deletes those
pages from the app's cache and purges them at the edge: work in proportion to the pages
that showed the change, not to the size of the site.

Kept in Redis (sets, one per tag, shared by every app server) when ``REDIS_URL`` is set,
else in this process (development and tests run one process). Each set is named with the
page cache's generation: a bump of the generation (a change every page shows) starts new,
empty sets, and the old ones expire with the copies they listed.
"""

import logging
import threading
from collections import defaultdict

import redis

from django.conf import settings

logger = logging.getLogger(__name__)

PREFIX = "hub:shown"
# Past the longest a copy lives at either layer, a URL in a set names nothing cached.
MARGIN_SECONDS = 60


def lifetime_seconds():
    return max(settings.PAGE_CACHE_SECONDS, settings.EDGE_CACHE_SECONDS) + MARGIN_SECONDS


class IndexUnavailable(Exception):
    """The index cannot be read or written: a copy it cannot find must not be kept."""


class RedisIndex:
    def __init__(self, url):
        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)

    @staticmethod
    def key(generation, tag):
        return f"{PREFIX}:{generation}:{tag}"

    def add(self, generation, url, tags):
        seconds = lifetime_seconds()
        try:
            with self.client.pipeline(transaction=False) as pipe:
                for tag in tags:
                    key = self.key(generation, tag)
                    pipe.sadd(key, url)
                    pipe.expire(key, seconds)
                pipe.execute()
        except redis.RedisError as error:
            raise IndexUnavailable(str(error)) from error

    def count(self, generation, tags):
        try:
            with self.client.pipeline(transaction=False) as pipe:
                for tag in tags:
                    pipe.scard(self.key(generation, tag))
                return sum(pipe.execute())
        except redis.RedisError as error:
            raise IndexUnavailable(str(error)) from error

    def urls(self, generation, tags):
        if not tags:
            return set()
        try:
            members = self.client.sunion([self.key(generation, tag) for tag in tags])
        except redis.RedisError as error:
            raise IndexUnavailable(str(error)) from error
        return {member.decode() for member in members}

    def clear(self):
        for key in self.client.scan_iter(f"{PREFIX}:*"):
            self.client.delete(key)


class LocalIndex:
    """The same in one process's memory, for the local-memory cache of development and tests."""

    def __init__(self):
        self._lock = threading.Lock()
        self.clear()

    def add(self, generation, url, tags):
        with self._lock:
            if generation != self._generation:
                self._generation, self._sets = generation, defaultdict(set)
            for tag in tags:
                self._sets[tag].add(url)

    def count(self, generation, tags):
        with self._lock:
            if generation != self._generation:
                return 0
            return sum(len(self._sets.get(tag, ())) for tag in tags)

    def urls(self, generation, tags):
        with self._lock:
            if generation != self._generation:
                return set()
            return set().union(*(self._sets.get(tag, ()) for tag in tags))

    def clear(self):
        self._generation, self._sets = None, defaultdict(set)


_index = None
_index_lock = threading.Lock()


def index():
    global _index
    if _index is None:
        with _index_lock:
            if _index is None:
                redis_url = getattr(settings, "REDIS_URL", "")
                _index = RedisIndex(redis_url) if redis_url else LocalIndex()
    return _index
