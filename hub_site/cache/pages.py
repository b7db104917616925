"""The app's page cache: whole rendered pages for confirmed readers without a session.

Django's cache (Redis when ``REDIS_URL`` is set) keeps each live page's response for
``PAGE_CACHE_SECONDS``, keyed by scheme, host (the Wagtail site), language and full path
with its query. It keeps exactly what the edge may keep: the responses that
``SharedCacheHeadersMiddleware`` marks ``public`` (GET of a Wagtail page, 200, a confirmed
reader without a session, so never a CMS user, a preview, a reader with a thank-you
notice or results of their own, nor anything that sets a cookie or uses a CSRF token).

Two middlewares, like Django's per-site cache:

- ``FetchCachedPageMiddleware``, last in ``MIDDLEWARE``, below the HCP gate, so a reader
  the gate stops never reaches the cache. It answers hits in ``process_view`` and, on a
  miss, takes a copy of what the view rendered.
- ``StoreCachedPageMiddleware``, above ``SharedCacheHeadersMiddleware``, stores that copy
  if the response leaving the app was marked ``public``.

Every entry carries the site-wide generation it was rendered under; any change of
content bumps the generation (hub_site.cache.invalidation), which retires every entry at
once. ``X-App-Cache: HIT`` or ``MISS`` tells the benchmark and tests what happened.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from hub_site.cache.freshness import seconds_fresh
from hub_site.gate.access import WAGTAIL_PAGE_VIEW_NAME, is_confirmed

GENERATION_KEY = "pages:generation"
HEADER = "X-App-Cache"
# The view's headers a cached copy needs; the middlewares above add theirs again on a hit.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Robots-Tag")


def bump_generation():
    """Retire every cached page.

    A missing counter (a flushed cache, or Redis evicting it) restarts from the clock in
    nanoseconds, above any value it had: no copy kept from before can match it again.
    """
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def page_key(request):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"pages:{get_language()}:{digest}"


def may_use_cache(request, view_name):
    """Cheap checks first: no cache for a reader with a session, or one not confirmed."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and view_name == WAGTAIL_PAGE_VIEW_NAME
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and is_confirmed(request)
    )


def cached_response(entry):
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers.items():
        response[name] = value
    response[HEADER] = "HIT"
    return response


class FetchCachedPageMiddleware:
    """Answer from the cache, or note what to store. Last in MIDDLEWARE, below the gate."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        miss = getattr(request, "_page_cache_miss", None)
        if miss is not None and response.status_code == 200 and not response.streaming:
            response[HEADER] = "MISS"
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            request._page_cache_entry = (response, (200, headers, response.content))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not may_use_cache(request, request.resolver_match.view_name):
            return None
        key = page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or 0
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            return cached_response(entry[1])
        # Stored under the generation read before rendering: if content changes while
        # this page renders, the copy is born retired.
        request._page_cache_miss = (key, generation)
        return None


class StoreCachedPageMiddleware:
    """Store the copy noted on a miss, if the app marked the response shareable.

    Goes above ``SharedCacheHeadersMiddleware`` (it runs after it on the way out), so
    both caches keep exactly the same responses.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        noted = getattr(request, "_page_cache_entry", None)
        if noted is None or noted[0] is not response:
            return response
        if "public" not in response.get("Cache-Control", "") or response.cookies:
            return response
        key, generation = request._page_cache_miss
        timeout = seconds_fresh(request, settings.PAGE_CACHE_SECONDS)
        if timeout > 0:
            cache.set(key, (generation, noted[1]), timeout=timeout)
        return response
