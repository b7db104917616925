"""A Redis cache that keeps the site serving when Redis is down.

Django's ``RedisCache`` raises on every connection error, so a stopped Redis would turn every
page into a 500. This backend treats an unreachable Redis as an empty cache: reads miss,
writes are dropped, ``add`` reports success (nothing can be reserved without a cache, and
refusing would lock readers out), and ``incr`` behaves as for a missing key. The first
failure is logged once as an error, and the recovery once when Redis answers again.
"""

import logging
import re
import threading

import redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# OPTIONS that Django's client takes for itself; the others are redis-py's connection options.
DJANGO_CLIENT_OPTIONS = frozenset({"serializer", "pool_class", "parser_class"})


class ReusedRedisCacheClient(RedisCacheClient):
    """Django builds a new ``redis.Redis`` for every call; building one costs about as much
    as a page-cache hit's round trip to Redis. One per connection pool is enough: a client
    is thread-safe and holds no state beyond its pool.

    Django's RedisCache offers no public way to choose its client class or to reach its
    pools, so this uses the names its own client uses (``_class``, ``_get_connection_pool``,
    ``_client``), each marked; an upgrade of Django checks them
    (tests/hub_site/test_public_apis.py lists every such use)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)  # noqa: HUB001 - no public client option
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # noqa: HUB001 - no public client option
        return client


class FaultTolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        # Django's RedisCache builds its client from this attribute; it has no public option
        # for the client class (its OPTIONS name the pool, parser and serializer only).
        self._class = ReusedRedisCacheClient  # noqa: HUB001 - no public client option
        self._down = False
        self._state_lock = threading.Lock()
        # As Django reads LOCATION: the first server is the one written to.
        servers = re.split("[;,]", server) if isinstance(server, str) else server
        self.primary_url = servers[0]
        options = params.get("OPTIONS") or {}
        self.connection_options = {
            name: value for name, value in options.items() if name not in DJANGO_CLIENT_OPTIONS
        }

    @cached_property
    def primary_client(self):
        """A redis-py client of the server Django writes to, for what the cache API has no
        call for: publish and subscribe (hub_site.cache.generation). Made from LOCATION and
        OPTIONS: Django's RedisCache gives no public access to its own clients."""
        return redis.Redis.from_url(self.primary_url, **self.connection_options)

    def _failed(self, error):
        with self._state_lock:
            if self._down:
                return
            self._down = True
        logger.error("Redis cache unreachable, serving without a cache: %s", error)

    def _succeeded(self):
        if self._down:
            with self._state_lock:
                if not self._down:
                    return
                self._down = False
            logger.warning("Redis cache reachable again")

    def _call(self, method, fallback, *args, **kwargs):
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except UNREACHABLE as error:
            self._failed(error)
            if isinstance(fallback, BaseException):
                raise fallback from error
            return fallback
        self._succeeded()
        return result

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", [], data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", True, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", ValueError(f"Key '{key}' not found"), key, delta, version)

    def clear(self):
        return self._call("clear", False)
