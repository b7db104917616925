"""Purges at the edge (nginx, a CDN), through Wagtail's frontend-cache backends, off the
request that made the change.

``WAGTAILFRONTENDCACHE`` (set in production when ``FRONTEND_CACHE_PURGE_URL`` is) names the
backends. Pages are purged by their URLs, each variant once: our URLs carry their language
already (``WAGTAILFRONTENDCACHE_LANGUAGES = []``). Everything is purged with one URL per
site, ``<root>/*``: nginx starts a new cache namespace (deploy/edge/hub_edge.js); CloudFront
invalidates the path pattern ``/*``.

The purge runs in a thread of its own, after the commit: the editor who published does
not wait for it, and a purge target that is slow or down does not fail the publish. It is
sent again ``EDGE_REPURGE_SECONDS`` later, for a response of the old content that was on
its way to the edge when the first purge arrived.
"""

import logging
import threading
import time

from django.conf import settings

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site

logger = logging.getLogger(__name__)

EVERYTHING = "/*"

_threads = []
_threads_lock = threading.Lock()


def purges_edge():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(urls):
    if purges_edge() and urls:
        _send_in_background(sorted(urls))


def purge_everything():
    if purges_edge():
        _send_in_background(sorted({f"{site.root_url}{EVERYTHING}" for site in Site.objects.all()}))


def _send_in_background(urls):
    # The backends of now: the thread runs after this request, outside any settings it had.
    backend_settings = dict(settings.WAGTAILFRONTENDCACHE)
    thread = threading.Thread(
        target=_send,
        args=(urls, backend_settings, settings.EDGE_REPURGE_SECONDS),
        name="edge-purge",
    )
    # Not a daemon: a command that publishes and exits (publish_scheduled) waits for it.
    with _threads_lock:
        _threads[:] = [t for t in _threads if t.is_alive()]
        _threads.append(thread)
    thread.start()


def _send(urls, backend_settings, repurge_seconds):
    try:
        purge_urls_from_cache(urls, backend_settings=backend_settings)
        if repurge_seconds > 0:
            time.sleep(repurge_seconds)
            purge_urls_from_cache(urls, backend_settings=backend_settings)
    except Exception:
        # The copies still expire with their lifetime (EDGE_CACHE_SECONDS).
        logger.exception("purging %d URL(s) at the edge failed", len(urls))


def wait_for_purges(timeout=30):
    """Wait for the purges sent so far (tests, and commands that report what they did)."""
    with _threads_lock:
        threads = list(_threads)
    for thread in threads:
        thread.join(timeout)
