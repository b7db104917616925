"""Two counters in the shared cache that say how current a cached copy is.

- The **generation** is part of every page-cache key: bumping it retires every cached page
  at once, in constant work, when something every page shows changes (site settings, the
  footer's funders, menus; ``hub_site.cache.invalidation``).
- The **sequence** moves with every retirement, of everything or of a few pages. Per-process
  copies (``hub_site.cache.memo``) are kept for one sequence, and a page whose rendering
  overlapped a retirement is not kept (``hub_site.cache.pages``).

Every reader request needs it, and asking Redis for it is a network round trip that cost
more than everything else a page-cache hit does. So each process keeps the value it read
and a background thread subscribes to ``CHANNEL``, on which every bump is announced; the
announcement drops the kept value, so the next request reads the new one. The kept value
is trusted only while the subscription is up, and for at most ``TRUST_SECONDS`` even
then: a bump whose announcement was lost (a change made by hand in Redis, a flush, a
connection that died without a word) shows within that time.

Without Redis (the local-memory cache of development and tests) the counter lives in
the process and is read on every call.
"""

import logging
import os
import threading
import time

from redis.exceptions import RedisError

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches

from hub_site.cache_backends import FaultTolerantRedisCache

logger = logging.getLogger(__name__)

GENERATION_KEY = "pages:generation"
SEQUENCE_KEY = "pages:sequence"
CHANNEL = "pages:generation:bumped"
TRUST_SECONDS = 1.0
# How long the watcher waits for a message at a time, and before subscribing again after
# its connection failed.
LISTEN_SECONDS = 5.0
RETRY_SECONDS = 1.0
# Where a request keeps the (generation, sequence) it started under.
REQUEST_ATTRIBUTE = "hub_content_generation"


def read():
    """(generation, sequence) as the shared cache has them; (0, 0) when there are none or
    it is unreachable."""
    values = cache.get_many([GENERATION_KEY, SEQUENCE_KEY])
    return values.get(GENERATION_KEY) or 0, values.get(SEQUENCE_KEY) or 0


def _start(key):
    # From the clock in nanoseconds: above any value the counter had before it was lost,
    # so no copy kept from before can match again.
    cache.add(key, time.time_ns(), timeout=None)


def _incr(key):
    try:
        cache.incr(key)
    except ValueError:  # a flushed cache, or Redis evicted the counter
        _start(key)


def bump():
    """Retire every cached page and copy, here at once and in other processes on the
    announcement."""
    _incr(GENERATION_KEY)
    advance()


def advance():
    """Note a retirement: per-process copies are dropped, here at once and in other
    processes on the announcement."""
    _incr(SEQUENCE_KEY)
    watch.forget()
    watch.announce()


def fresh_sequence():
    """The sequence read from the shared cache now, not the copy this process keeps."""
    return cache.get(SEQUENCE_KEY) or 0


def started():
    """(generation, sequence), started when the cache has none; zeros when the cache is
    unreachable."""
    _start(GENERATION_KEY)
    _start(SEQUENCE_KEY)
    return watch.current()


def current():
    return watch.current()[0]


def values_for_request(request):
    """(generation, sequence), read once per request (started if the cache has none)."""
    values = getattr(request, REQUEST_ATTRIBUTE, None)
    if values is None:
        values = watch.current()
        if not all(values):
            values = started()
        setattr(request, REQUEST_ATTRIBUTE, values)
    return values


def keep_for_request(request, values):
    """Have ``request`` read ``values`` (generation, sequence), as read for it already (by
    the WSGI front, hub_site.cache.front)."""
    setattr(request, REQUEST_ATTRIBUTE, values)


def for_request(request):
    """The generation, read once per request (and started if the cache has none): all a
    request keeps is kept under the generation it started with. 0: the cache is
    unreachable."""
    return values_for_request(request)[0]


def sequence_for_request(request):
    """The sequence this request started under (read with the generation); 0: the cache
    is unreachable."""
    return values_for_request(request)[1]


def forget():
    """Read the generation afresh next time (tests, after emptying the cache)."""
    watch.forget()


class GenerationWatch:
    def __init__(self):
        self._lock = threading.Lock()
        self._value = None
        self._read_at = 0.0
        # Counts the drops: a value read before a drop is not kept after it.
        self._drops = 0
        self._subscribed = False
        self._pid = None

    def current(self):
        value = self._value
        if value is not None and time.monotonic() - self._read_at < TRUST_SECONDS:
            return value
        if not self.watching():
            return read()
        drops = self._drops
        value = read()
        with self._lock:
            if all(value) and self._subscribed and self._drops == drops:
                self._value, self._read_at = value, time.monotonic()
        return value

    def forget(self):
        with self._lock:
            self._value = None
            self._drops += 1

    def announce(self):
        client = _redis_client()
        if client is None:
            return
        try:
            client.publish(cache.make_key(CHANNEL), b"")
        except (RedisError, OSError) as error:
            # The bump itself went through; other processes see it within TRUST_SECONDS.
            logger.warning("could not announce a new content generation: %s", error)

    def watching(self):
        """Whether a kept value may be trusted: the watcher thread runs and is subscribed."""
        if self._pid != os.getpid():
            client = _redis_client()
            if client is None:
                return False
            with self._lock:
                if self._pid != os.getpid():  # a new process (a forked worker) starts its own
                    self._pid = os.getpid()
                    self._subscribed = False
                    self._value = None
                    threading.Thread(
                        target=self._listen, args=(client,), name="generation-watch", daemon=True
                    ).start()
        return self._subscribed

    def _listen(self, client):
        failing = False
        while True:
            pubsub = client.pubsub()
            try:
                pubsub.subscribe(cache.make_key(CHANNEL))
                confirmation = pubsub.get_message(timeout=LISTEN_SECONDS)
                if confirmation is None or confirmation["type"] != "subscribe":
                    raise ConnectionError("no confirmation of the subscription")
                # Values read before this point may predate a bump nobody announced to us.
                self.forget()
                self._subscribed = True
                if failing:
                    logger.warning("watching the content generation again")
                    failing = False
                while True:
                    # Any message drops the kept value: an announcement, and also the
                    # confirmation redis-py's reconnection brings, after which announcements
                    # made while it was away are lost.
                    if pubsub.get_message(timeout=LISTEN_SECONDS) is not None:
                        self.forget()
            except Exception:
                if not failing:  # once per outage: Redis down is logged by the cache
                    logger.warning("watching the content generation failed", exc_info=True)
                    failing = True
            finally:
                self._subscribed = False
                self.forget()
                try:
                    pubsub.close()
                except Exception:
                    logger.debug("closing the generation subscription failed", exc_info=True)
            time.sleep(RETRY_SECONDS)


def _redis_client():
    backend = caches[DEFAULT_CACHE_ALIAS]
    if not isinstance(backend, FaultTolerantRedisCache):
        return None
    return backend.primary_client


watch = GenerationWatch()
