"""Purges at the edge (nginx, a CDN), through Wagtail's frontend-cache backends, on the
task queue.

``WAGTAILFRONTENDCACHE`` (set in production when ``FRONTEND_CACHE_PURGE_URL`` is) names the
backends. Pages are purged by their URLs, each variant once: our URLs carry their language
already (``WAGTAILFRONTENDCACHE_LANGUAGES = []``). Everything is purged with one URL per
site, ``<root>/*``: nginx starts a new cache namespace (deploy/edge/hub_edge.js); CloudFront
invalidates the path pattern ``/*``.

One change enqueues one task with its URLs (django-tasks; in production its database
backend, run by ``manage.py db_worker``): the editor who published does not wait for it,
and a purge target that is slow or down does not fail the publish. A purge the edge did
not take is tried again, 1, 2, 4 … 60 seconds later, until the edge takes it or the
copies it would retire have expired by themselves (``EDGE_CACHE_SECONDS`` after the
change: nothing is left to purge then). Each purge is sent once more
``EDGE_REPURGE_SECONDS`` later, for a response of the old content that was on its way to
the edge when the first arrived. With the immediate backend (tests, ``make demo``) the
purge runs at once and is not retried.
"""

import logging
import time

from django_tasks import task

from django.conf import settings

from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Site

from hub_site.queue import backoff, deferred, retry_later

logger = logging.getLogger(__name__)

EVERYTHING = "/*"


class PurgeFailed(Exception):
    """The edge did not take these URLs' purges (raised by hub_site.cache.edge_backend)."""

    def __init__(self, urls):
        super().__init__(f"the edge did not take {len(urls)} purge(s)")
        self.urls = urls


def purges_edge():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(urls):
    if purges_edge() and urls:
        enqueue(sorted(urls))


def purge_everything():
    if purges_edge():
        enqueue(sorted({f"{site.root_url}{EVERYTHING}" for site in Site.objects.all()}))


def enqueue(urls):
    changed_at = time.time()
    send_purges.enqueue(urls, changed_at)
    again = deferred(send_purges, settings.EDGE_REPURGE_SECONDS)
    if settings.EDGE_REPURGE_SECONDS > 0 and again is not None:
        again.enqueue(urls, changed_at)


@task()
def send_purges(urls, changed_at, attempt=0):
    """Purge ``urls`` with every configured backend; retry what the edge did not take."""
    failed = set()
    for backend in get_backends().values():
        try:
            backend.purge_batch(urls)
        except PurgeFailed as error:
            failed.update(error.urls)
    if not failed:
        return
    delay = backoff(attempt)
    expired = time.time() + delay > changed_at + settings.EDGE_CACHE_SECONDS
    if expired or not retry_later(send_purges, attempt, sorted(failed), changed_at):
        # The copies still expire with their lifetime (EDGE_CACHE_SECONDS).
        logger.error("the edge did not take %d purge(s); not retried", len(failed))
        return
    logger.warning("the edge did not take %d purge(s); retrying in %d s", len(failed), delay)
