"""Which responses a shared cache (nginx, a CDN) may keep, told through ``Cache-Control``.

Only a Wagtail page answered 200 to a GET or HEAD from a reader without a session or reader
state of their own (so anonymous) whose HCP confirmation the app verified, that used no
CSRF token and sets no cookie, whose variant is in plain form (``hub_site.cache.variants``)
and which the index of cached pages could record under what it showed
(``hub_site.cache.index``), is marked ``public, s-maxage``: such a response is the same for
every confirmed reader of that URL, and a change to anything it shows can find it. Every
other Wagtail page response is ``private``. The gate's own answers are already ``no-store``
(hub_site.gate).
"""

import logging

from django.conf import settings
from django.utils.cache import patch_cache_control

from hub_site import shown
from hub_site.cache import generation, index
from hub_site.cache.pages import overlapped_a_retirement
from hub_site.cache.reader_state import carries_own_state
from hub_site.cache.variants import variant_url
from hub_site.freshness import seconds_fresh
from hub_site.gate.access import WAGTAIL_PAGE_VIEW_NAME, is_confirmed

logger = logging.getLogger(__name__)


def is_shareable(request, response):
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return False
    if response.cookies or response.has_header("Cache-Control"):
        return False
    if getattr(request, "is_preview", False):
        return False
    # Without a session or reader cookie the reader is anonymous and has no state of
    # their own (answers, notices); templates may still read the empty session.
    if carries_own_state(request):
        return False
    # A page with a form carries the reader's own CSRF token.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    return is_confirmed(request)


def indexed(request):
    """Add the response's variant to the index under what it showed; False if it cannot be
    kept: its variant is not plain, the index is unavailable, or a retirement ran while it
    rendered (and may have looked the index up before this URL was in it)."""
    url = variant_url(request)
    tags = shown.noted()
    current = generation.for_request(request)
    if url is None or tags is None or not current:
        return False
    try:
        index.index().add(current, url, tags)
    except index.IndexUnavailable as error:
        logger.warning("not keeping %s: the index of cached pages is unavailable (%s)", url, error)
        return False
    return not overlapped_a_retirement(request)


class SharedCacheHeadersMiddleware:
    """Mark Wagtail pages public (shareable) or private for caches in front of the app.

    Goes near the top of MIDDLEWARE, above sessions and CSRF, so that it sees the cookies
    they add to the response.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.edge_seconds = settings.EDGE_CACHE_SECONDS

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is None or match.view_name != WAGTAIL_PAGE_VIEW_NAME:
            return response
        # A poll on the page opening or closing soon shortens the lifetime.
        seconds = seconds_fresh(request, self.edge_seconds)
        if seconds > 0 and is_shareable(request, response) and indexed(request):
            # s-maxage only: shared caches keep it, browsers (no max-age, no Last-Modified) do
            # not, and a max-age would also set the lifetime of Django's own page cache.
            patch_cache_control(response, public=True, s_maxage=seconds)
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        return response
